import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { obtainClientCredentialsToken, trimUrl } from './common/clientCredentialsToken';

/** BeyondTrust Remote Support API account: client credentials, one-hour tokens, at most 30 valid at once. */
export class BeyondTrustRemoteSupportOAuth2Api implements ICredentialType {
	name = 'beyondTrustRemoteSupportOAuth2Api';

	displayName = 'BeyondTrust Remote Support OAuth2 API';

	icon = {
		light: 'file:../nodes/BeyondTrustRemoteSupport/beyondTrust.svg',
		dark: 'file:../nodes/BeyondTrustRemoteSupport/beyondTrust.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-remote-access/n8n-nodes-remote-access#beyondtrust-remote-support-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://support.example.com',
			description: 'Address of your BeyondTrust Remote Support site (B Series appliance or cloud site)',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Of an API account: /login → Management → API Configuration (tick "Enable XML API"; give the account Command API full access and Reporting → Support Session reports)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const site = trimUrl(credentials.siteUrl);
		const accessToken = await obtainClientCredentialsToken(this, {
			tokenUrl: `${site}/oauth2/token`,
			clientId: String(credentials.clientId ?? ''),
			clientSecret: String(credentials.clientSecret ?? ''),
			currentToken: String(credentials.accessToken ?? ''),
			service: 'BeyondTrust Remote Support',
			// get_api_info is the cheapest call; a rejected token shows as access_denied (in a 200 or a 401).
			probe: {
				url: `${site}/api/command`,
				qs: { action: 'get_api_info' },
				rejects: (body) => typeof body === 'string' && /access_denied/.test(body),
			},
		});
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.siteUrl.replace(/\\/+$/, "")}}',
			url: '/api/command',
			qs: { action: 'get_api_info' },
			headers: { Connection: 'close' },
		},
	};
}
