import type { IExecuteFunctions } from 'n8n-workflow';
import { MAX_LIMIT } from '../../shared/validation';
import { requireInteger } from './validation';

/** How many results a list operation collects: all with Return All, else Limit (at least 1). */
export function readLimit(ctx: IExecuteFunctions, i: number): number {
	if (ctx.getNodeParameter('returnAll', i) as boolean) return Infinity;
	const limit = ctx.getNodeParameter('limit', i);
	return requireInteger(ctx.getNode(), i, 'Limit', limit, 1, MAX_LIMIT);
}
