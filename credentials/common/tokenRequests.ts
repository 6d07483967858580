import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import { trimSlash } from '../../nodes/shared/url';
import type { TokenRequest } from './clientCredentialsToken';
import { tokenBindingProperty } from './tokenBinding';

/** The toggle every credential of the package has; off, only https (and loopback) is used. */
export const allowInsecureHttpProperty: INodeProperties = {
	displayName: 'Allow Insecure HTTP',
	name: 'allowInsecureHttp',
	type: 'boolean',
	default: false,
	description:
		'Whether to allow http:// addresses other than this machine. Secrets (client secret, tokens) then travel in clear and can be read by anyone on the network path. Leave off unless the service is only reachable that way on a trusted network.',
};

/**
 * After the Client ID: the secret, the HTTP toggle, n8n's hidden expirable token field (first
 * hidden expirable field: the one n8n checks) and the hidden binding of that token.
 */
export const clientCredentialsProperties: INodeProperties[] = [
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
	},
	allowInsecureHttpProperty,
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	tokenBindingProperty,
];

/** The two RMS addresses, the same for the token and the OAuth2 credential. */
export const rmsUrlProperties: INodeProperties[] = [
	{
		displayName: 'API URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://rms.teltonika-networks.com/api',
		description: 'REST base URL, including /api',
	},
	{
		displayName: 'Status URL',
		name: 'statusUrl',
		type: 'string',
		default: 'https://rms.teltonika-networks.com/status',
		description: 'Where RMS reports the result of actions (status channels); not under /api',
	},
	allowInsecureHttpProperty,
];

function common(credentials: ICredentialDataDecryptedObject, field: string) {
	return {
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		currentToken: String(credentials.accessToken ?? ''),
		storedBinding: String(credentials.tokenBinding ?? ''),
		guard: { field, allowInsecureHttp: credentials.allowInsecureHttp === true },
	};
}

/** BeyondTrust: POST {site}/oauth2/token; get_api_info is the cheapest probe (docs/vendor-behaviour.md). */
export function beyondTrustTokenRequest(credentials: ICredentialDataDecryptedObject): TokenRequest {
	const site = trimSlash(credentials.siteUrl);
	const base = common(credentials, 'Site URL');
	return {
		...base,
		tokenUrl: `${site}/oauth2/token`,
		service: 'BeyondTrust Remote Support',
		// A rejected token shows as access_denied (in a 200 or a 401).
		probe: {
			url: `${site}/api/command`,
			qs: { action: 'get_api_info' },
			rejects: (body) => typeof body === 'string' && /access_denied/.test(body),
			guard: base.guard,
		},
	};
}

/** Rimo3: POST {base}/api/v2/connect/token; /api/v2/connect/test answers any valid token. */
export function rimo3TokenRequest(credentials: ICredentialDataDecryptedObject): TokenRequest {
	const base = trimSlash(credentials.baseUrl);
	const shared = common(credentials, 'Base URL');
	return {
		...shared,
		tokenUrl: `${base}/api/v2/connect/token`,
		service: 'Rimo3',
		probe: { url: `${base}/api/v2/connect/test`, rejects: () => false, guard: shared.guard },
	};
}
