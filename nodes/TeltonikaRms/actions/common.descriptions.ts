import type { INodeProperties } from 'n8n-workflow';
import { MIN_POLL_INTERVAL_S } from '../helpers/options';
import {
	optionsCollection as optionsCollectionOf,
	requestTimeoutOption as sharedRequestTimeoutOption,
} from '../../shared/descriptions';
import { MAX_SECONDS } from '../../shared/validation';
import { PROTOCOLS } from '../helpers/validation';

export const deviceLocator: INodeProperties = {
	displayName: 'Device',
	name: 'device',
	type: 'resourceLocator',
	default: { mode: 'serial', value: '' },
	required: true,
	description:
		'The Teltonika router, by serial number (as on its label), by RMS device ID, or picked from the list',
	modes: [
		{
			displayName: 'Serial',
			name: 'serial',
			type: 'string',
			placeholder: 'e.g. 1111111111',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\S+\\s*$', errorMessage: 'Enter a serial number' },
				},
			],
		},
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDevices', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1001',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'An RMS device ID is a number' },
				},
			],
		},
	],
};

export const protocolField: INodeProperties = {
	displayName: 'Protocol',
	name: 'protocol',
	type: 'options',
	default: 'https',
	required: true,
	description: 'How the LAN service is reached through RMS Connect',
	options: PROTOCOLS.map((p) => ({ name: p.toUpperCase(), value: p })).sort((a, b) =>
		a.name.localeCompare(b.name),
	),
};

export const destinationIpField: INodeProperties = {
	displayName: 'LAN IP Address',
	name: 'destinationIp',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 192.168.1.10',
	description: "IPv4 address of the service on the router's LAN",
};

export const destinationPortField: INodeProperties = {
	displayName: 'Port',
	name: 'destinationPort',
	type: 'number',
	default: 443,
	required: true,
	typeOptions: { minValue: 1, maxValue: 65535 },
	description: 'TCP port of the service, from 1 to 65535',
};

export const durationField: INodeProperties = {
	displayName: 'Duration (Seconds)',
	name: 'duration',
	type: 'number',
	default: 1800,
	required: true,
	typeOptions: { minValue: 10, maxValue: MAX_SECONDS.linkDuration },
	description: `How long the link stays open, from 10 to ${MAX_SECONDS.linkDuration} seconds (8 hours)`,
};

const idMode = (placeholder: string, what: string) => ({
	displayName: 'ID',
	name: 'id',
	type: 'string' as const,
	placeholder,
	validation: [
		{
			type: 'regex' as const,
			properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: `${what} is a number` },
		},
	],
});

/** The remote-access configuration, picked from a list (of the Device above, if any) or by ID. */
export const accessIdField: INodeProperties = {
	displayName: 'Access ID',
	name: 'accessId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The remote access configuration, picked from the list or by its access ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchConfigurations', searchable: true },
		},
		idMode('e.g. 62002', 'An access ID'),
	],
};

/** A Connect session, picked from the active sessions of the Access ID above or by ID. */
export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The session, picked from the active sessions of the Access ID above or by its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSessions', searchable: false },
		},
		idMode('e.g. 9001', 'A session ID'),
	],
};

/** Return All and Limit, the same fields as the other nodes. */
export { returnAllAndLimit } from '../../shared/descriptions';

/** Only for operations that wait on an RMS status channel. */
export const pollOptions: INodeProperties[] = [
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		default: 0.5,
		typeOptions: {
			minValue: MIN_POLL_INTERVAL_S,
			maxValue: MAX_SECONDS.pollInterval,
			numberPrecision: 2,
		},
		description: `How often to check whether RMS has finished, from ${MIN_POLL_INTERVAL_S} to ${MAX_SECONDS.pollInterval} seconds. Checks get less frequent during a long wait; each one counts against the RMS monthly request quota.`,
	},
	{
		displayName: 'Poll Timeout (Seconds)',
		name: 'pollTimeout',
		type: 'number',
		default: 90,
		typeOptions: { minValue: 1, maxValue: MAX_SECONDS.pollTimeout },
		description: `How long to wait for RMS to finish an action before giving up, at most ${MAX_SECONDS.pollTimeout} s`,
	},
];

export const requestTimeoutOption = sharedRequestTimeoutOption(
	30,
	`How long one HTTP request to RMS may take, at most ${MAX_SECONDS.requestTimeout} s. A read that times out is retried; a change is not, because RMS may have acted on it.`,
);

/** Options of an operation that waits on a status channel: poll options, request timeout, extras. */
export function optionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return requestOptionsCollection([...pollOptions, ...extra]);
}

/** Options of an operation that does not poll: the request timeout and the given extras. */
export function requestOptionsCollection(extra: INodeProperties[] = []): INodeProperties {
	// n8n lists a collection's options in the order given: keep them alphabetical.
	return optionsCollectionOf(
		[...extra, requestTimeoutOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	);
}

/** In version 1 of the node Simplify is under Options, off unless added; saved nodes keep it. */
export const V1 = { show: { '@version': [1] } };
/** From version 1.1 on, Simplify is a top-level toggle, on by default, as in n8n's own nodes. */
export const V1_1 = { show: { '@version': [1.1] } };

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	displayOptions: V1_1,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Simplify and the Options of Get device and Get many devices, for both node versions. */
export function simplifyAndOptions(): INodeProperties[] {
	return [
		simplifyField,
		{ ...requestOptionsCollection(), displayOptions: V1_1 },
		{ ...requestOptionsCollection([simplifyOption]), displayOptions: V1 },
	];
}
