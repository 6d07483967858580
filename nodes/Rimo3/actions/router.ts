import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/runPerItem';
import { Rimo3Client } from '../transport/request';
import * as applicationPackage from './applicationPackage';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, {
		resources: { applicationPackage: applicationPackage.operations },
		createClient: async (ctx) => await Rimo3Client.create(ctx),
	});
}
