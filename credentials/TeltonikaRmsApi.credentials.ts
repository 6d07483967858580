import { rmsPolicyProperties } from './common/rmsPolicy';
import { rmsUrlProperties } from './common/properties';
import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class TeltonikaRmsApi implements ICredentialType {
	name = 'teltonikaRmsApi';

	displayName = 'Teltonika RMS Access Token API';

	icon = {
		light: 'file:../nodes/TeltonikaRms/teltonikaRms.svg',
		dark: 'file:../nodes/TeltonikaRms/teltonikaRms.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-remote-access/n8n-nodes-remote-access#teltonika-rms-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in RMS under Account settings → API → Access tokens (needs two-factor authentication). Give it the scopes devices:read, device_remote_access:read and device_remote_access:write.',
		},
		...rmsUrlProperties,
		...rmsPolicyProperties,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// n8n would follow a redirect with the token; refused here (docs/vendor-behaviour.md).
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/devices',
			qs: { limit: 1 },
			headers: { Accept: 'application/json' },
		},
	};
}
