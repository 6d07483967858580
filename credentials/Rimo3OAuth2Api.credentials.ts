import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { preAuthenticate } from '../nodes/shared/clientCredentialsToken';
import { rimo3TokenRequest } from '../nodes/shared/tokenRequests';
import { boundBearerAuthentication } from './common/bearerAuth';
import { clientCredentialsProperties } from './common/properties';

/** Rimo3 Cloud API user: client credentials at /api/v2/connect/token, one-hour tokens. */
export class Rimo3OAuth2Api implements ICredentialType {
	name = 'rimo3OAuth2Api';

	displayName = 'Rimo3 OAuth2 Client Credentials API';

	icon = {
		light: 'file:../nodes/Rimo3/rimo3.svg',
		dark: 'file:../nodes/Rimo3/rimo3.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-remote-access/n8n-nodes-remote-access#rimo3-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://rimo3cloud.com',
			required: true,
			description: 'Rimo3 Cloud address; change it only for a test or private instance',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Of a Rimo3 API account (Admin & Support → Integrations → API Accounts); the secret is shown once',
		},
		...clientCredentialsProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await preAuthenticate(this, rimo3TokenRequest(credentials));
	}

	// A function, not the generic form: it refuses a stored token minted for other field values.
	authenticate = boundBearerAuthentication(rimo3TokenRequest);

	// n8n would follow a redirect with the token; refused here (docs/vendor-behaviour.md).
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v2/connect/test',
		},
	};
}
