import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The two ways into RMS, for the action node and the trigger alike. */
export const RMS_CREDENTIALS: INodeCredentialDescription[] = [
	{
		name: 'teltonikaRmsApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
	{
		name: 'teltonikaRmsOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

/** Which of the RMS_CREDENTIALS the node uses. */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessToken',
};
