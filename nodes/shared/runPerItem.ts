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
export async function runPerItem<Client extends SecretHolder>(
	ctx: IExecuteFunctions,
	plan: PerItemPlan<Client>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const handler = plan.resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not known for "${resource}"`,
		);
	}
	// Under "Continue on Fail" n8n would pass the input items on as if they had succeeded when the
	// client cannot be made (e.g. a broken credential): fail each of them instead.
	const client = ctx.continueOnFail()
		? await plan.createClient(ctx).catch((error: Error) => error)
		: await plan.createClient(ctx);
	if (client instanceof Error) return [items.map((_, i) => failedItem(ctx, client, i))];
	const batchSize = Math.max(1, plan.concurrency?.(`${resource}.${operation}`) ?? 1);
	const returnData: INodeExecutionData[] = [];
	for (let start = 0; start < items.length; start += batchSize) {
		const indexes = Array.from(
			{ length: Math.min(batchSize, items.length - start) },
			(_, k) => start + k,
		);
		const settled = await Promise.allSettled(
			indexes.map(async (i) => await handler.execute.call(ctx, client, i)),
		);
		settled.forEach((outcome, k) => {
			const i = indexes[k];
			if (outcome.status === 'fulfilled') {
				returnData.push(
					...ctx.helpers.constructExecutionMetaData(outcome.value, { itemData: { item: i } }),
				);
				return;
			}
			const error = outcome.reason;
			hideSecrets(error, client.secrets());
			if (ctx.continueOnFail()) {
				returnData.push(failedItem(ctx, error, i));
				return;
			}
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		});
	}
	return [returnData];
}

/**
 * The item a failure becomes under "Continue on Fail". n8n sends an item to the error output
 * ("On Error: Continue (using error output)") only when its json holds nothing but `error` (1.x
 * also allows `message`), so there the details go inside `error`, as n8n's HTTP Request node
 * does: `name` tells bad input (NodeOperationError) from a failing service (NodeApiError).
 */
function failedItem(
	ctx: IExecuteFunctions,
	error: Error & { description?: string | null; httpCode?: string | null },
	i: number,
): INodeExecutionData {
	const description = error.description ?? undefined;
	if (ctx.getNode().onError !== 'continueErrorOutput') {
		return { json: { error: error.message, description }, pairedItem: { item: i } };
	}
	const name = error instanceof NodeApiError ? 'NodeApiError' : 'NodeOperationError';
	const httpCode = error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
	return {
		json: { error: { name, message: error.message, description, httpCode } },
		pairedItem: { item: i },
	};
}

/** Error texts may quote a server that echoed a secret (an event value, a validation message). */
function hideSecrets(error: unknown, secrets: string[]): void {
	if (!error || typeof error !== 'object') return;
	const e = error as { message?: unknown; description?: unknown };
	if (typeof e.message === 'string') e.message = redact(e.message, secrets);
	if (typeof e.description === 'string') e.description = redact(e.description, secrets);
}
