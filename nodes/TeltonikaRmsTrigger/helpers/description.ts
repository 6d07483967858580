import { MAX_ID } from '../../shared/validation';
import type { INodeProperties } from 'n8n-workflow';
import { authenticationField } from '../../TeltonikaRms/helpers/authentication';
import { costText } from './cost';

export const EVENTS = [
	{
		name: 'Connect Session Ended',
		value: 'sessionEnded',
		description: 'An RMS Connect session of the account ended (Connect logs)',
	},
	{
		name: 'Connect Session Started',
		value: 'sessionStarted',
		description: 'Someone opened an RMS Connect session anywhere in the account (Connect logs)',
	},
	{
		name: 'Device Came Online',
		value: 'deviceCameOnline',
		description: 'A device that was offline at the last poll is online now (device list)',
	},
	{
		name: 'Device Went Offline',
		value: 'deviceWentOffline',
		description: 'A device that was online at the last poll is offline now (device list)',
	},
	{
		name: 'New Alert',
		value: 'newAlert',
		description: 'RMS raised an alert',
	},
] as const;

export type EventName = (typeof EVENTS)[number]['value'];

const LIST_OF: Record<EventName, string> = {
	newAlert: 'alerts that match the filters',
	deviceWentOffline: 'devices in the account',
	deviceCameOnline: 'devices in the account',
	sessionStarted: 'Connect sessions started in the last day or so',
	sessionEnded: 'Connect sessions in the Longest Session window',
};

const costNotices: INodeProperties[] = EVENTS.map(({ value }) => ({
	displayName: costText(LIST_OF[value]),
	name: `costNotice_${value}`,
	type: 'notice',
	default: '',
	displayOptions: { show: { event: [value] } },
}));

export const properties: INodeProperties[] = [
	authenticationField,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [...EVENTS],
		default: 'deviceWentOffline',
		description:
			'What starts the workflow. The first activation records what RMS has now and reports nothing; later polls report only what changed since.',
	},
	...costNotices,
	{
		displayName: 'Filters',
		name: 'alertFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { event: ['newAlert'] } },
		options: [
			{
				displayName: 'Alert Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'Status change',
				description: 'Only alerts of this type, by its name in RMS',
			},
			{
				displayName: 'Company ID',
				name: 'companyId',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, maxValue: MAX_ID },
				description: 'Only alerts of this RMS company',
			},
			{
				displayName: 'Device ID',
				name: 'deviceId',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, maxValue: MAX_ID },
				description: 'Only alerts of this device (its RMS ID, not its serial number)',
			},
		],
	},
	{
		displayName: 'Longest Session (Hours)',
		name: 'longestSessionHours',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 1, maxValue: 720 },
		displayOptions: { show: { event: ['sessionEnded'] } },
		description:
			'How long the longest session you expect lasts. A session that lasts longer is not reported when it ends.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Request Timeout',
				name: 'requestTimeout',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1, maxValue: 300 },
				description: 'Seconds to wait for each RMS answer',
			},
		],
	},
];
