import type { INodeProperties } from 'n8n-workflow';

/**
 * The remote-access policy of an RMS account, set once by whoever owns the credential. A workflow
 * author or an AI agent uses the credential without editing it, so node parameters can only
 * narrow what is allowed here, never widen it. Checked before any RMS call.
 */
export const rmsPolicyProperties: INodeProperties[] = [
	{
		displayName: 'Policy: Allowed Destination Networks',
		name: 'policyAllowedNetworks',
		type: 'string',
		default: '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16',
		description:
			'IPv4 networks (CIDR, comma-separated) a link may point to. Loopback (127.0.0.0/8), 0.0.0.0 and broadcast addresses are refused unless an entry names them, e.g. 127.0.0.1/32.',
	},
	{
		displayName: 'Policy: Allowed Ports',
		name: 'policyAllowedPorts',
		type: 'string',
		default: '1-65535',
		description:
			'Ports and port ranges a link may point to, comma-separated, e.g. 22, 443, 8000-8100',
	},
	{
		displayName: 'Policy: Allowed Protocols',
		name: 'policyAllowedProtocols',
		type: 'string',
		default: 'https, http, sftp, rdp, ssh, telnet, vnc',
		description: 'Protocols a link may use, comma-separated',
	},
	{
		displayName: 'Policy: Max Link Duration (Seconds)',
		name: 'policyMaxDuration',
		type: 'number',
		default: 28800,
		typeOptions: { minValue: 10, maxValue: 28800 },
		description:
			'Longest link or session the nodes open with this credential, at most 28800 (8 hours)',
	},
	{
		displayName: 'Policy: Links Require RMS Login',
		name: 'policyCredentialsRequired',
		type: 'boolean',
		default: false,
		description:
			'Whether every configuration created with this credential asks for an RMS login before the link opens (RMS credentials_required). Off: anyone holding a link can use it until it expires.',
	},
	{
		displayName: 'Policy: Show Session Links to AI Tools',
		name: 'policyShowLinksToTools',
		type: 'boolean',
		default: false,
		description:
			'Whether List Sessions, used as a tool by an AI agent, returns the links of sessions (which may be other people’s open links)',
	},
];
