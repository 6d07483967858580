import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { BtClient } from '../transport/request';
import * as representative from './representative';
import * as session from './session';
import * as sessionKey from './sessionKey';
import * as team from './team';

type Operation = { execute: (this: IExecuteFunctions, client: BtClient, i: number) => Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	sessionKey: sessionKey.operations,
	session: session.operations,
	representative: representative.operations,
	team: team.operations,
};

/** Runs the chosen operation once per input item, keeping each result paired with its item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`);
	}
	const client = await BtClient.create(this);
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const results = await handler.execute.call(this, client, i);
			returnData.push(...this.helpers.constructExecutionMetaData(results, { itemData: { item: i } }));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: { error: error.message, description: error.description ?? undefined }, pairedItem: { item: i } });
				continue;
			}
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			throw nodeError;
		}
	}
	return [returnData];
}
