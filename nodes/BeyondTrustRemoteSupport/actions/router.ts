import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/runPerItem';
import { BtClient } from '../transport/request';
import * as representative from './representative';
import * as session from './session';
import * as sessionKey from './sessionKey';
import * as team from './team';

/** Items run one by one: the rate limiter paces them anyway, and keys must not race. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, {
		resources: {
			sessionKey: sessionKey.operations,
			session: session.operations,
			representative: representative.operations,
			team: team.operations,
		},
		createClient: async (ctx) => await BtClient.create(ctx),
	});
}
