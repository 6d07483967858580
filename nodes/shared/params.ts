import type { IExecuteFunctions, ILoadOptionsFunctions, IWebhookFunctions } from 'n8n-workflow';
import { MAX_LIMIT, MAX_SECONDS, invalidInput, requireAtMostSeconds } from './validation';

export type NodeContext = IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/**
 * A node-level parameter in any context: in execute the 2nd argument is the item index, in
 * loadOptions/listSearch and webhook it is the fallback.
 */
export function nodeParameter(ctx: NodeContext, name: string, fallback: unknown): unknown {
	if (typeof (ctx as IExecuteFunctions).getInputData === 'function') {
		return (ctx as IExecuteFunctions).getNodeParameter(name, 0, fallback);
	}
	return (ctx as ILoadOptionsFunctions).getNodeParameter(name, fallback);
}

/** One timeout per node run (it is about the network, not about any one item), in ms. */
export function requestTimeoutMs(ctx: NodeContext, defaultSeconds: number): number {
	const seconds = Number(nodeParameter(ctx, 'options.requestTimeout', defaultSeconds));
	if (Number.isFinite(seconds) && seconds > 0)
		requireAtMostSeconds(
			ctx.getNode(),
			0,
			'Request Timeout (Seconds)',
			seconds,
			MAX_SECONDS.requestTimeout,
		);
	return (Number.isFinite(seconds) && seconds > 0 ? seconds : defaultSeconds) * 1000;
}

/** How many results a list operation returns: all with Return All, else Limit (at least 1). */
export function readLimit(ctx: IExecuteFunctions, i: number): number {
	if (ctx.getNodeParameter('returnAll', i, false) as boolean) return Infinity;
	const value: unknown = ctx.getNodeParameter('limit', i, 50);
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		const shown =
			value === undefined || value === null || value === '' ? 'nothing' : `"${String(value)}"`;
		throw invalidInput(
			ctx.getNode(),
			i,
			'Limit',
			`must be a whole number from 1 to ${MAX_LIMIT} (got ${shown}); use Return All for more`,
		);
	}
	return limit;
}
