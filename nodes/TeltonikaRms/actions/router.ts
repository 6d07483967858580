import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/runPerItem';
import { RmsClient } from '../transport/request';
import * as connectSession from './connectSession';
import * as device from './device';
import * as remoteAccess from './remoteAccess';

/** Reads change nothing, so several items may be in flight at once; changes go one by one. */
const READ_ONLY = new Set([
	'device.get',
	'device.getAll',
	'remoteAccess.getAccessId',
	'remoteAccess.getAll',
	'connectSession.getAll',
	'connectSession.getLogs',
]);
const READ_CONCURRENCY = 8;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, {
		resources: {
			device: device.operations,
			remoteAccess: remoteAccess.operations,
			connectSession: connectSession.operations,
		},
		createClient: async (ctx) => await RmsClient.create(ctx),
		concurrency: (key) => (READ_ONLY.has(key) ? READ_CONCURRENCY : 1),
	});
}
