import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { Operation, SecretHolder } from './runPerItem';

/** What every operation runs for one item: `this` is the node, `i` the item's index. */
export type Execute<Client extends SecretHolder> = Operation<Client>['execute'];

/** The fields of one operation, shown only while its resource and operation are chosen. */
export function operationFields(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}
