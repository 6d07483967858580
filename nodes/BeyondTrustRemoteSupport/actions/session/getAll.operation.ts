import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { normalizeSession } from '../../helpers/normalize';
import { invalidInput } from '../../../shared/validation';
import type { BtClient } from '../../transport/request';
import type { XmlNode } from '../../transport/xml';
import { attr, list, text } from '../../transport/xml';
import { returnAllFields } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';
import { readLimit } from '../../../shared/params';

/** The widest window Started Within the Last takes: a year (366 days). */
const MAX_HOURS = 8784;

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'full',
		description: 'How much to read about each session',
		options: [
			{
				name: 'Full Report',
				value: 'full',
				description:
					'Everything the SupportSession report holds: times, customer, representatives, custom attributes',
			},
			{
				name: 'Listing Only',
				value: 'listing',
				description:
					'Only session ID, external key and whether a recording exists (SupportSessionListing). Much cheaper for the site than the full report; Active Only and Include Events do not apply.',
			},
		],
	},
	{
		displayName: 'Started Within the Last (Hours)',
		name: 'hours',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 1, maxValue: MAX_HOURS },
		description:
			'Sessions that began in this window, including ones still running. Ignored when Start Time is set in the filters.',
	},
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to return only sessions that are still running (no end time yet)',
		displayOptions: { show: { mode: ['full'] } },
	},
	...returnAllFields('session', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Ticket ID (External Key)',
				name: 'externalKey',
				type: 'string',
				default: '',
				description: 'Only sessions with exactly this external key',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Sessions that began at or after this time (replaces the hours window)',
			},
			{
				displayName: 'End Time',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Sessions that began before this time; empty means up to now',
			},
			{
				displayName: 'Include Events',
				name: 'includeEvents',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the session event log (chat, file transfers, ...) to each session',
			},
		],
	},
];

export const description = operationFields('session', 'getAll', properties);

function toUnix(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	i: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = Date.parse(String(value));
	if (Number.isNaN(ms))
		throw invalidInput(ctx.getNode(), i, field, `"${String(value)}" is not a date and time`);
	return Math.floor(ms / 1000);
}

/** The SupportSession report window: start_time (unix) + duration (seconds, 0 = up to now). */
export function reportWindow(
	ctx: IExecuteFunctions,
	i: number,
	nowMs = Date.now(),
): { start_time: number; duration: number } {
	const node = ctx.getNode();
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const now = Math.floor(nowMs / 1000);
	let start = toUnix(ctx, filters.startTime, 'Filters → Start Time', i);
	if (start === undefined) {
		const hours = Number(ctx.getNodeParameter('hours', i, 24));
		if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS)
			throw invalidInput(
				node,
				i,
				'Started Within the Last (Hours)',
				`must be more than 0 and at most ${MAX_HOURS} (a year)`,
			);
		start = now - Math.round(hours * 3600);
	}
	const end = toUnix(ctx, filters.endTime, 'Filters → End Time', i);
	if (end !== undefined && end <= start)
		throw invalidInput(node, i, 'Filters → End Time', 'must be after the start of the window');
	if (start > now) throw invalidInput(node, i, 'Filters → Start Time', 'is in the future');
	return { start_time: start, duration: end === undefined ? 0 : end - start };
}

/** One `<session_summary lsid=… has_recording=…>` of a SupportSessionListing report. */
export function normalizeListing(summary: XmlNode): IDataObject {
	const recording = attr(summary, 'has_recording');
	return {
		lsid: attr(summary, 'lsid'),
		external_key: attr(summary, 'external_key') || text(summary.external_key) || null,
		has_recording: recording === '' ? null : recording === '1' || recording === 'true',
	};
}

export const execute: Execute<BtClient> = async function (client, i) {
	const window = reportWindow(this, i);
	const listingOnly = this.getNodeParameter('mode', i, 'full') === 'listing';
	const activeOnly = !listingOnly && (this.getNodeParameter('activeOnly', i, true) as boolean);
	const limit = readLimit(this, i); // Infinity with Return All
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const externalKey = String(filters.externalKey ?? '').trim();

	// The listing takes the same window (docs/vendor-behaviour.md, BeyondTrust: SupportSessionListing).
	const answer = await client.call({
		api: 'reporting',
		qs: { generate_report: listingOnly ? 'SupportSessionListing' : 'SupportSession', ...window },
		action: 'list support sessions',
		permission: 'Reporting: Allow Access to Support Session Reports and Recordings',
		itemIndex: i,
	});
	if (answer.empty) return [];
	const sessions = listingOnly
		? list(answer.doc.body.session_summary).map(normalizeListing)
		: list(answer.doc.body.session).map((s) => normalizeSession(s, filters.includeEvents === true));
	const wanted = sessions.filter(
		(s) => (!activeOnly || s.active) && (!externalKey || s.external_key === externalKey),
	);
	return wanted.slice(0, limit).map((json) => ({ json }));
};
