import { createHmac, timingSafeEqual } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import type { TokenRequest } from './clientCredentialsToken';

/**
 * A stored token is bound to the token URL (so the site), client ID and client secret that
 * minted it. n8n reuses the token of the hidden expirable field as long as it is not empty and
 * calls `preAuthentication` otherwise only after a 401, also for the credential Test button; so a
 * changed secret, client or site would be tested, and used, with the old token. `authenticate`
 * refuses a token whose binding does not match the fields as they are now, which makes n8n mint.
 */
export const tokenBindingProperty: INodeProperties = {
	displayName: 'Token Binding',
	name: 'tokenBinding',
	type: 'hidden',
	typeOptions: { password: true },
	default: '',
};

type Minted = Pick<TokenRequest, 'tokenUrl' | 'clientId' | 'clientSecret'>;

/** Keyed by the token: whoever reads the value without the token learns nothing about the secret. */
export function tokenBinding(req: Minted, token: string): string {
	return createHmac('sha256', token)
		.update(`${req.tokenUrl}\n${req.clientId}\n${req.clientSecret}`)
		.digest('hex');
}

export function isBoundTo(req: Minted, token: unknown, binding: unknown): boolean {
	if (typeof token !== 'string' || !token || typeof binding !== 'string') return false;
	const expected = Buffer.from(tokenBinding(req, token));
	const given = Buffer.from(binding);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Thrown by `authenticate` before any request: shaped as a 401 so that n8n's request helpers call
 * `preAuthentication` (expired) and retry with a token minted for the current fields.
 */
export class UnboundTokenError extends Error {
	readonly response = { status: 401 };

	constructor(service: string) {
		super(
			`The stored ${service} access token was issued for other credential settings (URL, client ID or client secret) and is not sent; a new token is requested.`,
		);
		this.name = 'UnboundTokenError';
	}
}

/** Bearer authentication that sends the stored token only to what minted it. */
export function boundBearerAuthentication(
	toTokenRequest: (credentials: ICredentialDataDecryptedObject) => TokenRequest,
) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const req = toTokenRequest(credentials);
		if (!isBoundTo(req, credentials.accessToken, credentials.tokenBinding))
			throw new UnboundTokenError(req.service);
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.accessToken)}`,
			},
		};
	};
}
