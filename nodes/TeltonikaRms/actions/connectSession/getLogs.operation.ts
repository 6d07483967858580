import { MAX_ID } from '../../../shared/validation';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { requireDateTime, toRmsUtc } from '../../helpers/dateTime';
import { readLimit } from '../../../shared/params';
import { normalizeLogEntry } from '../../helpers/normalize';
import { invalidInput, requireId } from '../../helpers/validation';
import { requestAllItems } from '../../transport/pagination';
import type { RmsClient } from '../../transport/request';
import { requestOptionsCollection, returnAllAndLimit } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

// The spec's enums for GET /devices/connect/logs (docs/vendor-behaviour.md, RMS: Connect logs).
const LOG_TYPES = [
	{ name: 'CLI', value: 'cli', description: "The router's command line" },
	{ name: 'LAN WebUI', value: 'lan-webui', description: "A web service on the router's LAN" },
	{ name: 'WebUI', value: 'webui', description: "The router's own web interface" },
];
const SORT_FIELDS: Array<[string, string, [string, string]]> = [
	['start_date', 'Start Date', ['Oldest First', 'Newest First']],
	['end_date', 'End Date', ['Oldest First', 'Newest First']],
	['company_name', 'Company Name', ['A to Z', 'Z to A']],
	['input_data', 'Data In', ['Least First', 'Most First']],
	['output_data', 'Data Out', ['Least First', 'Most First']],
];
const SORT_OPTIONS = SORT_FIELDS.flatMap(([field, label, [up, down]]) => [
	{ name: `${label} (${up})`, value: field },
	{ name: `${label} (${down})`, value: `-${field}` },
]).sort((a, b) => a.name.localeCompare(b.name));

const dateHint =
	"A date without a time zone is read in the workflow's time zone; RMS is sent the time in UTC";

const properties: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: `Sessions that started at or after this time. ${dateHint}.`,
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: `Sessions that started at or before this time. ${dateHint}.`,
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Session State',
				name: 'active',
				type: 'options',
				default: 'true',
				options: [
					{ name: 'Active Only', value: 'true', description: 'Sessions still open' },
					{ name: 'Ended Only', value: 'false', description: 'Sessions that have ended' },
				],
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: '-start_date',
				options: SORT_OPTIONS,
				description: 'Order in which RMS returns the log entries',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'lan-webui',
				options: LOG_TYPES,
				description: 'Only sessions of this kind',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, maxValue: MAX_ID },
				description: 'Only sessions opened by this RMS user',
			},
		],
	},
	requestOptionsCollection(),
];

export const description = operationFields('connectSession', 'getLogs', properties);

const VALUES = {
	active: ['true', 'false'],
	type: LOG_TYPES.map((t) => t.value),
	sort: SORT_OPTIONS.map((s) => s.value),
};

/** The query RMS gets: the date range in UTC plus the filters, each checked before any call. */
function logQuery(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const timeZone = ctx.getTimezone();
	const start = requireDateTime(
		node,
		i,
		'Start Date',
		ctx.getNodeParameter('startDate', i),
		timeZone,
	);
	const end = requireDateTime(node, i, 'End Date', ctx.getNodeParameter('endDate', i), timeZone);
	const qs: IDataObject = { start_date: toRmsUtc(start), end_date: toRmsUtc(end) };
	if (start > end)
		throw invalidInput(
			node,
			i,
			'End Date',
			`must not be before Start Date (got ${qs.start_date as string} to ${qs.end_date as string} UTC)`,
		);
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const labels = {
		active: 'Filters → Session State',
		type: 'Filters → Type',
		sort: 'Filters → Sort',
	};
	for (const key of ['active', 'type', 'sort'] as const) {
		if (filters[key] === undefined || filters[key] === '') continue;
		const value = String(filters[key]);
		if (!VALUES[key].includes(value))
			throw invalidInput(
				node,
				i,
				labels[key],
				`must be one of ${VALUES[key].join(', ')} (got "${value}")`,
			);
		qs[key] = value;
	}
	if (filters.userId !== undefined)
		qs.user_id = requireId(node, i, 'Filters → User ID', filters.userId);
	return qs;
}

export const execute: Execute<RmsClient> = async function (client, i) {
	const qs = logQuery(this, i);
	const limit = readLimit(this, i);
	// One request per 100 entries (docs/vendor-behaviour.md, RMS: default page size).
	const logs = await requestAllItems(
		client,
		{
			path: '/devices/connect/logs',
			qs,
			action: `list RMS Connect logs from ${qs.start_date as string} to ${qs.end_date as string} UTC`,
			scope: 'device_remote_access:read',
			itemIndex: i,
		},
		limit,
	);
	return logs.map((log) => ({ json: normalizeLogEntry(log) }));
};
