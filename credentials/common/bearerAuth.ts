import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import type { TokenRequest } from '../../nodes/shared/clientCredentialsToken';
import { isBoundTo } from '../../nodes/shared/tokenBinding';

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
