import type { INodeProperties } from 'n8n-workflow';

/**
 * The hidden binding of the stored token to the URL, client ID and secret that minted it
 * (nodes/shared/tokenBinding.ts); `authenticate` refuses a token whose binding does not match.
 */
export const tokenBindingProperty: INodeProperties = {
	displayName: 'Token Binding',
	name: 'tokenBinding',
	type: 'hidden',
	typeOptions: { password: true },
	default: '',
};

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
