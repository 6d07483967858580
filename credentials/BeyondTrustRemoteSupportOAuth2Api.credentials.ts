import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { preAuthenticate } from '../nodes/shared/clientCredentialsToken';
import { beyondTrustTokenRequest } from '../nodes/shared/tokenRequests';
import { boundBearerAuthentication } from './common/bearerAuth';
import { clientCredentialsProperties } from './common/properties';

/** BeyondTrust Remote Support API account: client credentials, one-hour tokens, at most 30 valid at once. */
export class BeyondTrustRemoteSupportOAuth2Api implements ICredentialType {
	name = 'beyondTrustRemoteSupportOAuth2Api';

	displayName = 'BeyondTrust Remote Support OAuth2 Client Credentials API';

	icon = {
		light: 'file:../nodes/BeyondTrustRemoteSupport/beyondTrust.svg',
		dark: 'file:../nodes/BeyondTrustRemoteSupport/beyondTrust.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-remote-access/n8n-nodes-remote-access#beyondtrust-remote-support-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://support.example.com',
			description:
				'Address of your BeyondTrust Remote Support site (B Series appliance or cloud site)',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Of an API account: /login → Management → API Configuration (tick "Enable XML API"; give the account Command API full access and Reporting → Support Session reports)',
		},
		...clientCredentialsProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await preAuthenticate(this, beyondTrustTokenRequest(credentials));
	}

	// A function, not the generic form: it refuses a stored token minted for other field values.
	authenticate = boundBearerAuthentication(beyondTrustTokenRequest);

	// n8n would follow a redirect with the token; refused here (docs/vendor-behaviour.md).
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			baseURL: '={{$credentials.siteUrl.replace(/\\/+$/, "")}}',
			url: '/api/command',
			qs: { action: 'get_api_info' },
			headers: { Connection: 'close' },
		},
	};
}
