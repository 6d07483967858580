import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { toRmsUtc } from '../../helpers/dateTime';
import { requestAllItems } from '../../transport/pagination';
import type { RmsClient } from '../../transport/request';

const DAY_MS = 24 * 3600 * 1000;
/** The logs are selected by start time; 31 days back covers any session still open. */
const LOOKBACK_MS = 31 * DAY_MS;
/** The logs' query time zone is unconfirmed (docs/vendor-behaviour.md, RMS: Connect logs). */
const ZONE_MARGIN_MS = 15 * 3600 * 1000;

const NOT_IN_LOGS =
	'Connect logs do not name the device, the remote access configuration or the link, so this field is null; use Every Configuration for them (one request per configuration).';

/** "Source" for the whole-account list: every configuration, or the quota-light Connect logs. */
export const sourceField: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	default: 'configurations',
	displayOptions: { show: { scope: ['account'] } },
	options: [
		{
			name: 'Every Configuration (Full Details)',
			value: 'configurations',
			description:
				'Device, configuration, target and link of each session: one request per configuration plus one per 100 configurations (202 for 200)',
		},
		{
			name: 'Connect Logs (Quota-Light)',
			value: 'connectLogs',
			description:
				'Who, which kind of access (router WebUI, LAN service, CLI), since and until, data in and out: one request per 100 sessions, whatever the number of configurations',
		},
	],
	description: `Where the whole-account list comes from. RMS allows about 100,000 requests a month: an hourly report over 200 configurations is 1 request a run from the Connect logs, 202 from every configuration. ${NOT_IN_LOGS}`,
};

const iso = (value: unknown): string | null => {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return null;
	const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`;
	const ms = Date.parse(withZone.replace(' ', 'T'));
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/**
 * Active (or all recent) sessions of the whole account from GET /devices/connect/logs: one
 * request per 100 entries. Fields the logs lack are null, so a report's columns stay the same.
 */
export async function sessionsFromLogs(
	client: RmsClient,
	activeOnly: boolean,
	i: number,
	max: number,
	nowMs = Date.now(),
): Promise<IDataObject[]> {
	const qs: IDataObject = {
		start_date: toRmsUtc(nowMs - LOOKBACK_MS - ZONE_MARGIN_MS),
		end_date: toRmsUtc(nowMs + ZONE_MARGIN_MS),
		sort: '-start_date',
	};
	if (activeOnly) qs.active = 'true';
	const logs = await requestAllItems(
		client,
		{
			path: '/devices/connect/logs',
			qs,
			action: 'list RMS Connect sessions from the Connect logs',
			scope: 'device_remote_access:read',
			itemIndex: i,
		},
		max,
	);
	return logs.map((log) => {
		const until = iso(log.end_time);
		return {
			id: log.id,
			source: 'connectLogs',
			username: log.username ?? null,
			type: log.type ?? null,
			start_time: iso(log.start_time),
			end_time: until,
			active: activeOnly ? true : until === null || Date.parse(until) > nowMs,
			input_data: log.input_data ?? null,
			output_data: log.output_data ?? null,
			company_name: log.company_name ?? null,
			device_id: null,
			device_name: null,
			remote_access_name: null,
			destination: null,
			url: null,
		};
	});
}
