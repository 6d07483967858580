import { rmsPolicyProperties } from './common/rmsPolicy';
import { rmsUrlProperties } from './common/properties';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// docs/vendor-behaviour.md, RMS: OAuth2 application authentication
const RMS_AUTH_URL = 'https://rms.teltonika-networks.com/account/authorize';
const RMS_TOKEN_URL = 'https://rms.teltonika-networks.com/account/token';

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
			displayName: 'Use Custom OAuth2 Endpoints',
			name: 'useCustomOAuthEndpoints',
			type: 'boolean',
			default: false,
			description:
				"Whether to send the sign-in and token requests somewhere other than RMS's own endpoints, e.g. a test server. Leave off for RMS.",
		},
		{
			displayName: 'Authorization URL',
			name: 'customAuthUrl',
			type: 'string',
			default: RMS_AUTH_URL,
			displayOptions: { show: { useCustomOAuthEndpoints: [true] } },
			description: 'Where the browser signs in and approves the application',
		},
		{
			displayName: 'Access Token URL',
			name: 'customAccessTokenUrl',
			type: 'string',
			default: RMS_TOKEN_URL,
			displayOptions: { show: { useCustomOAuthEndpoints: [true] } },
			description:
				'Where n8n exchanges the code and refreshes tokens (the client secret travels there): https://, or http:// only on this machine or with "Allow Insecure HTTP"',
		},
		// What n8n's OAuth2 flow reads: RMS's endpoints unless the custom ones are switched on
		// (docs/vendor-behaviour.md, n8n: OAuth2 credentials, hidden URL expressions and refresh).
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{$self["useCustomOAuthEndpoints"] === true ? $self["customAuthUrl"] : "${RMS_AUTH_URL}"}}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{$self["useCustomOAuthEndpoints"] === true ? $self["customAccessTokenUrl"] : "${RMS_TOKEN_URL}"}}`,
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
		...rmsPolicyProperties,
	];
}
