import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { TokenRequest } from './clientCredentialsToken';
import { trimSlash } from './url';

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
