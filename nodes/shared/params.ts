import type { IExecuteFunctions, ILoadOptionsFunctions, IWebhookFunctions } from 'n8n-workflow';
import { MAX_SECONDS, requireAtMostSeconds } from './validation';

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
