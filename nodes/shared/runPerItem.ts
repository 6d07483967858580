import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { redact } from './redact';

/** A service client; its secrets are replaced in every error text an item shows or passes on. */
export interface SecretHolder {
	secrets(): string[];
}

export type Operation<Client extends SecretHolder> = {
	execute: (this: IExecuteFunctions, client: Client, i: number) => Promise<INodeExecutionData[]>;
};

export interface PerItemPlan<Client extends SecretHolder> {
	resources: Record<string, Record<string, Operation<Client>>>;
	createClient: (ctx: IExecuteFunctions) => Promise<Client>;
	/** How many items may be in flight at once for this resource.operation (default 1). */
	concurrency?: (key: string) => number;
}

/**
 * Runs the chosen operation once per input item, keeping each result paired with its item and
 * honouring "Continue on Fail". Results are handled in item order, so output order and the first
 * error are the same as one by one even when several items are in flight.
 */
export async function runPerItem<Client extends SecretHolder>(ctx: IExecuteFunctions, plan: PerItemPlan<Client>): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const handler = plan.resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not known for "${resource}"`);
	}
	const client = await plan.createClient(ctx);
	const batchSize = Math.max(1, plan.concurrency?.(`${resource}.${operation}`) ?? 1);
	const returnData: INodeExecutionData[] = [];
	for (let start = 0; start < items.length; start += batchSize) {
		const indexes = Array.from({ length: Math.min(batchSize, items.length - start) }, (_, k) => start + k);
		const settled = await Promise.allSettled(indexes.map(async (i) => await handler.execute.call(ctx, client, i)));
		settled.forEach((outcome, k) => {
			const i = indexes[k];
			if (outcome.status === 'fulfilled') {
				returnData.push(...ctx.helpers.constructExecutionMetaData(outcome.value, { itemData: { item: i } }));
				return;
			}
			const error = outcome.reason;
			hideSecrets(error, client.secrets());
			if (ctx.continueOnFail()) {
				returnData.push({ json: { error: error.message, description: error.description ?? undefined }, pairedItem: { item: i } });
				return;
			}
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		});
	}
	return [returnData];
}

/** Error texts may quote a server that echoed a secret (an event value, a validation message). */
function hideSecrets(error: unknown, secrets: string[]): void {
	if (!error || typeof error !== 'object') return;
	const e = error as { message?: unknown; description?: unknown };
	if (typeof e.message === 'string') e.message = redact(e.message, secrets);
	if (typeof e.description === 'string') e.description = redact(e.description, secrets);
}
