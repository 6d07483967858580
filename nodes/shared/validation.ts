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
