import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Raised before any API call, naming the field (as the user sees it) and the item. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${field} ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description:
			hint ?? `Fix "${field}" for item ${itemIndex} and run again; nothing was sent for this item.`,
	});
}

/**
 * The upper bound, in seconds, of every duration, interval and timeout the nodes accept: one
 * place, so each field's description and its check say the same. Node's timers overflow above
 * about 2^31 ms and then fire at once, so nothing here comes near that.
 */
/** Limit's maximum: a larger list is for Return All. */
export const MAX_LIMIT = 10000;

/** The largest ID a field takes: the largest whole number JavaScript holds exactly. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

export const MAX_SECONDS = {
	/** One hour: the longest a large Rimo3 package upload is given. */
	requestTimeout: 3600,
	pollInterval: 60,
	pollTimeout: 600,
	/** RMS link and session duration: 8 hours. */
	linkDuration: 28800,
} as const;

/** A number of seconds within its stated maximum, or the error naming the field and item. */
export function requireAtMostSeconds(
	node: INode,
	itemIndex: number,
	field: string,
	seconds: number,
	max: number,
): number {
	if (!(seconds <= max))
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be at most ${max} seconds (got ${String(seconds)})`,
		);
	return seconds;
}
