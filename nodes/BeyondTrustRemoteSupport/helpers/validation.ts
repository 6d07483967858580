import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A NodeOperationError naming the field and the item, raised before any API call. */
export function invalid(node: INode, field: string, problem: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `${field} ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: `Fix "${field}" for item ${itemIndex} and run again; nothing was sent to BeyondTrust for this item.`,
	});
}

/** Reads a resource locator's value (or a plain string) as a positive integer id. */
export function readId(ctx: IExecuteFunctions, name: string, label: string, i: number): number {
	const raw = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) throw invalid(ctx.getNode(), label, `must be a positive whole number, got "${text}"`, i);
	return Number(text);
}

export const LSID = /^[0-9a-f]{32}$/i;
export const CUSTOM_FIELD_NAME = /^[A-Za-z0-9_]{1,64}$/;
export const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
