import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { toRmsUtc } from '../../helpers/dateTime';
import { sessionFromLog, toIso } from '../../helpers/normalize';
import { requestAllItems } from '../../transport/pagination';
import type { RmsClient } from '../../transport/request';

const DAY_MS = 24 * 3600 * 1000;
/** The logs are selected by start time; 31 days back covers any session still open. */
const LOOKBACK_MS = 31 * DAY_MS;
/** The logs' query time zone is not documented (docs/vendor-behaviour.md, RMS: Connect logs). */
const ZONE_MARGIN_MS = 15 * 3600 * 1000;

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
				'Device, configuration, destination and link of each session. Uses one RMS request per configuration.',
		},
		{
			name: 'Connect Logs (Quota-Light)',
			value: 'connectLogs',
			description:
				'Who, which kind of access, since and until, data in and out. Uses one RMS request per 100 sessions; device, configuration and link stay empty.',
		},
	],
	description:
		'Where the whole-account list comes from. RMS allows about 100,000 requests a month, so for a frequent report over many configurations pick Connect Logs.',
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
		const until = toIso(log.end_time);
		const active = activeOnly ? true : until === null || Date.parse(until) > nowMs;
		return sessionFromLog(log, active);
	});
}
