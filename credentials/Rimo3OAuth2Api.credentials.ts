import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { obtainClientCredentialsToken, trimUrl } from './common/clientCredentialsToken';

/** Rimo3 Cloud API user: client credentials at /api/v2/connect/token, one-hour tokens. */
export class Rimo3OAuth2Api implements ICredentialType {
	name = 'rimo3OAuth2Api';

	displayName = 'Rimo3 OAuth2 API';

	icon = { light: 'file:../nodes/Rimo3/rimo3.svg', dark: 'file:../nodes/Rimo3/rimo3.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-remote-access/n8n-nodes-remote-access#rimo3-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://rimo3cloud.com',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Of a Rimo3 API user (Settings → Users → API user)',
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
		const accessToken = await obtainClientCredentialsToken(this, {
			tokenUrl: `${trimUrl(credentials.baseUrl)}/api/v2/connect/token`,
			clientId: String(credentials.clientId ?? ''),
			clientSecret: String(credentials.clientSecret ?? ''),
			currentToken: String(credentials.accessToken ?? ''),
			service: 'Rimo3',
		});
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v2/connect/test',
		},
	};
}
