import { rmsUrlProperties } from './common/tokenRequests';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** RMS "application authentication": authorization code with PKCE, as registered apps use it. */
export class TeltonikaRmsOAuth2Api implements ICredentialType {
	name = 'teltonikaRmsOAuth2Api';

	displayName = 'Teltonika RMS OAuth2 API';

	extends = ['oAuth2Api'];

	icon = {
		light: 'file:../nodes/TeltonikaRms/teltonikaRms.svg',
		dark: 'file:../nodes/TeltonikaRms/teltonikaRms.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-remote-access/n8n-nodes-remote-access#teltonika-rms-credentials';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'pkce' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://rms.teltonika-networks.com/account/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://rms.teltonika-networks.com/account/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'devices:read device_remote_access:read device_remote_access:write',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...rmsUrlProperties,
	];
}
