/**
 * Ids already handed to the workflow, kept small enough for the workflow's static data: at most
 * `max` ids; anything at or below `floor` counts as seen (RMS ids only grow, so the oldest ids are
 * the ones that leave the set).
 */
export interface SeenIds {
	floor: number;
	ids: number[];
}

export const EMPTY_SEEN: SeenIds = { floor: 0, ids: [] };

export function isSeen(seen: SeenIds, id: number): boolean {
	return id <= seen.floor || seen.ids.includes(id);
}

/** A new set with `added` in it, trimmed to the `max` newest ids. */
export function addSeen(seen: SeenIds, added: number[], max: number): SeenIds {
	const all = [...new Set([...seen.ids, ...added])].filter((id) => id > seen.floor);
	all.sort((a, b) => a - b);
	const dropped = all.length > max ? all.slice(0, all.length - max) : [];
	const floor = dropped.length ? Math.max(seen.floor, dropped[dropped.length - 1]) : seen.floor;
	return { floor, ids: all.slice(dropped.length) };
}

/** A saved value that is not a SeenIds (older or hand-edited static data) starts empty. */
export function readSeen(value: unknown): SeenIds {
	const v = value as Partial<SeenIds> | undefined;
	if (!v || typeof v.floor !== 'number' || !Array.isArray(v.ids)) return EMPTY_SEEN;
	return { floor: v.floor, ids: v.ids.filter((id): id is number => typeof id === 'number') };
}

/** Integer id of an RMS entry, or undefined when it has none. */
export function entryId(entry: { id?: unknown }): number | undefined {
	const id = Number(entry.id);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
