import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** "Ignore Repeated Deliveries": how long a delivery is remembered, and how many at most. */
export const REPEAT_WINDOW = { defaultMinutes: 60, maxMinutes: 1440 };
export const MAX_FINGERPRINTS = 1000;
/** Trigger nodes (workflow + node) remembered in this process; the oldest is dropped first. */
const MAX_NODES_IN_MEMORY = 200;

/** Same event, lsid, timestamp and every other field (any order) → same fingerprint. */
export function fingerprint(fields: IDataObject): string {
	const canonical = Object.keys(fields)
		.sort()
		.map((key) => [key, fields[key]]);
	return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex').slice(0, 32);
}

type Seen = Record<string, number>;

/** Entries still inside the window, oldest first, at most MAX_FINGERPRINTS. */
function recent(seen: Seen, since: number): Array<[string, number]> {
	return Object.entries(seen)
		.filter(([, at]) => typeof at === 'number' && at > since)
		.sort((a, b) => a[1] - b[1])
		.slice(-MAX_FINGERPRINTS);
}

// Deliveries this process accepted, per trigger node: covers repeats even where n8n did not save
// the static data (see markChanged).
const memory = new Map<string, Seen>();

function remember(key: string, seen: Seen) {
	memory.delete(key);
	memory.set(key, seen);
	if (memory.size > MAX_NODES_IN_MEMORY) memory.delete(memory.keys().next().value as string);
}

/**
 * n8n 2.x answers an accepted webhook only after it has created the execution, and creating it
 * wraps the same static data object again, which clears n8n's "changed" flag before n8n checks it
 * to save the static data (docs/vendor-behaviour.md, n8n: static data changed in webhook()).
 * Touching the data again once that has happened sets the flag again; harmless on 1.x, which
 * saves before it creates the execution.
 */
function markChanged(staticData: IDataObject) {
	for (const ms of [0, 20, 100, 500])
		void sleep(ms).then(() => {
			staticData.deliveries = { ...(staticData.deliveries as Seen) };
		});
}

/**
 * Whether this delivery was accepted within the window; if not, it is remembered, in the node's
 * static data (n8n saves it with the workflow, so it survives a restart and is shared by every
 * n8n process of the workflow) and in this process.
 */
export function isRepeat(
	staticData: IDataObject,
	memoryKey: string,
	print: string,
	nowSeconds: number,
	windowMinutes: number,
): boolean {
	const since = nowSeconds - windowMinutes * 60;
	const stored = recent((staticData.deliveries ?? {}) as Seen, since);
	const local = recent(memory.get(memoryKey) ?? {}, since);
	if (stored.some(([key]) => key === print) || local.some(([key]) => key === print)) return true;
	stored.push([print, nowSeconds]);
	local.push([print, nowSeconds]);
	staticData.deliveries = Object.fromEntries(stored.slice(-MAX_FINGERPRINTS));
	remember(memoryKey, Object.fromEntries(local.slice(-MAX_FINGERPRINTS)));
	markChanged(staticData);
	return false;
}
