import type { IDataObject } from 'n8n-workflow';
import { toRmsUtc } from '../../TeltonikaRms/helpers/dateTime';
import { normalizeLogEntry } from '../../TeltonikaRms/helpers/normalize';
import { requestAllItems } from '../../TeltonikaRms/transport/pagination';
import { addSeen, entryId, isSeen, readSeen } from './seen';
import type { PollInput, PollOutcome } from './types';

export type SessionEvent = 'sessionStarted' | 'sessionEnded';

const HOUR_MS = 3600 * 1000;
/**
 * Whether RMS reads the logs' start_date/end_date in UTC or in the account's zone is not
 * documented (docs/vendor-behaviour.md, RMS: Connect logs). Any zone is within ±14 h of UTC, so a
 * window widened by 14 h, plus 1 h for clocks that disagree, covers the same sessions under
 * either reading; ids, not times, decide what is new.
 */
const ZONE_AND_SKEW_MS = 15 * HOUR_MS;
const MAX_SEEN = 5000;

/**
 * The range this poll asks for: from the last complete poll (less the margin, and for ended
 * sessions less the longest session to expect) to now plus the margin.
 */
export function logWindow(
	input: PollInput,
	event: SessionEvent,
	longestSessionHours: number,
): { from: number; to: number } {
	const last = Number(input.saved?.checkedAt);
	const since = Number.isFinite(last) && last > 0 ? Math.min(last, input.nowMs) : input.nowMs;
	const lookback = event === 'sessionEnded' ? longestSessionHours * HOUR_MS : 0;
	return { from: since - lookback - ZONE_AND_SKEW_MS, to: input.nowMs + ZONE_AND_SKEW_MS };
}

/**
 * Connect logs of the whole account in the window, ⌈entries / 100⌉ requests. Started: every
 * entry whose id is new. Ended: `active=false` (RMS's own clock decides), ids not reported yet.
 */
export async function pollSessions(
	input: PollInput,
	event: SessionEvent,
	longestSessionHours: number,
): Promise<PollOutcome> {
	const { from, to } = logWindow(input, event, longestSessionHours);
	const qs: IDataObject = { start_date: toRmsUtc(from), end_date: toRmsUtc(to) };
	if (event === 'sessionEnded') qs.active = 'false';
	const logs = await requestAllItems(input.client, {
		path: '/devices/connect/logs',
		qs,
		action: `list RMS Connect logs from ${qs.start_date as string} to ${qs.end_date as string} UTC for the trigger`,
		scope: 'device_remote_access:read',
	});
	const withIds = logs
		.map((log) => ({ log, id: entryId(log) }))
		.filter((l): l is { log: IDataObject; id: number } => l.id !== undefined)
		.sort((a, b) => a.id - b.id);
	const seen = readSeen(input.saved?.seen);
	const fresh = withIds.filter((l) => !isSeen(seen, l.id));
	return {
		events: fresh.map(({ log }) => ({ event, ...normalizeLogEntry(log) })),
		latest: withIds.length
			? { event, ...normalizeLogEntry(withIds[withIds.length - 1].log) }
			: undefined,
		state: {
			checkedAt: input.nowMs,
			seen: addSeen(
				seen,
				withIds.map((l) => l.id),
				MAX_SEEN,
			) as unknown as IDataObject,
		},
	};
}
