import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { RmsClient } from '../transport/request';
import * as connectSession from './connectSession';
import * as device from './device';
import * as remoteAccess from './remoteAccess';

type Operation = { execute: (this: IExecuteFunctions, client: RmsClient, i: number) => Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	device: device.operations,
	remoteAccess: remoteAccess.operations,
	connectSession: connectSession.operations,
};

/** Reads change nothing, so several items may be in flight at once; changes go one by one. */
const READ_ONLY = new Set(['device.get', 'device.getAll', 'remoteAccess.getAccessId', 'remoteAccess.getAll', 'connectSession.getAll']);
const READ_CONCURRENCY = 8;

/** Runs the chosen operation once per input item, keeping each result paired with its item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`);
	}
	const client = await RmsClient.create(this);
	const batchSize = READ_ONLY.has(`${resource}.${operation}`) ? READ_CONCURRENCY : 1;
	const returnData: INodeExecutionData[] = [];
	for (let start = 0; start < items.length; start += batchSize) {
		const indexes = Array.from({ length: Math.min(batchSize, items.length - start) }, (_, k) => start + k);
		const settled = await Promise.allSettled(indexes.map(async (i) => await handler.execute.call(this, client, i)));
		// Results are handled in item order, so output order and the first error are the same as one by one.
		settled.forEach((outcome, k) => {
			const i = indexes[k];
			if (outcome.status === 'fulfilled') {
				returnData.push(...this.helpers.constructExecutionMetaData(outcome.value, { itemData: { item: i } }));
				return;
			}
			const error = outcome.reason;
			if (this.continueOnFail()) {
				returnData.push({ json: { error: error.message, description: error.description ?? undefined }, pairedItem: { item: i } });
				return;
			}
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		});
	}
	return [returnData];
}
