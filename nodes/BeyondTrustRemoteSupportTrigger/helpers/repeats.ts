import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** "Ignore Repeated Deliveries": how long a delivery is remembered, and how many at most. */
export const REPEAT_WINDOW = { defaultMinutes: 60, maxMinutes: 1440 };
export const MAX_FINGERPRINTS = 1000;

/** Same event, lsid, timestamp and every other field (any order) → same fingerprint. */
export function fingerprint(fields: IDataObject): string {
	const canonical = Object.keys(fields)
		.sort()
		.map((key) => [key, fields[key]]);
	return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex').slice(0, 32);
}

/**
 * Whether this delivery was seen within the window; if not, it is remembered. The memory lives in
 * the node's static data, which n8n saves with the workflow when the webhook is answered, so it
 * survives a restart. Older entries and those beyond MAX_FINGERPRINTS (oldest first) are dropped.
 */
export function isRepeat(
	staticData: IDataObject,
	print: string,
	nowSeconds: number,
	windowMinutes: number,
): boolean {
	const since = nowSeconds - windowMinutes * 60;
	const before = (staticData.deliveries ?? {}) as Record<string, number>;
	const kept = Object.entries(before)
		.filter(([, seen]) => typeof seen === 'number' && seen > since)
		.sort((a, b) => a[1] - b[1]);
	if (kept.some(([key]) => key === print)) return true;
	kept.push([print, nowSeconds]);
	staticData.deliveries = Object.fromEntries(kept.slice(-MAX_FINGERPRINTS));
	return false;
}
