import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { MAX_SECONDS, requireAtMostSeconds } from '../../shared/validation';

export interface NodeOptions {
	pollIntervalMs: number;
	pollTimeoutMs: number;
	simplify: boolean;
}

/** Every status poll is a billed request, so the poll interval never goes below this. */
export const MIN_POLL_INTERVAL_S = 0.25;

/**
 * Simplify: in version 1 of the node an option under Options (off unless added), from 1.1 on a
 * top-level toggle (on by default). A saved node keeps its version and so its meaning.
 */
function readSimplify(ctx: IExecuteFunctions, i: number, options: IDataObject): boolean {
	if (ctx.getNode().typeVersion < 1.1) return options.simplify === true;
	return ctx.getNodeParameter('simplify', i, true) !== false;
}

export function readOptions(ctx: IExecuteFunctions, i: number): NodeOptions {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const interval = Number(options.pollInterval ?? 0.5);
	const timeout = Number(options.pollTimeout ?? 90);
	const node = ctx.getNode();
	requireAtMostSeconds(node, i, 'Poll Interval (Seconds)', interval, MAX_SECONDS.pollInterval);
	requireAtMostSeconds(node, i, 'Poll Timeout (Seconds)', timeout, MAX_SECONDS.pollTimeout);
	return {
		pollIntervalMs:
			Math.max(MIN_POLL_INTERVAL_S, Number.isFinite(interval) ? interval : 0.5) * 1000,
		pollTimeoutMs: Math.max(1, Number.isFinite(timeout) ? timeout : 90) * 1000,
		simplify: readSimplify(ctx, i, options),
	};
}
