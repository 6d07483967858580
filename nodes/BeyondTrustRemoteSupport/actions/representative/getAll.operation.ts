import type { INodeProperties } from 'n8n-workflow';
import { normalizeRepresentative } from '../../helpers/normalize';
import type { BtClient } from '../../transport/request';
import { list } from '../../transport/xml';
import { applyLimit, returnAllFields } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [...returnAllFields('representative', 'getAll')];

export const description = operationFields('representative', 'getAll', properties);

export async function listRepresentatives(client: BtClient, itemIndex?: number) {
	const answer = await client.call({
		api: 'command',
		qs: { action: 'get_logged_in_reps' },
		action: 'list logged-in representatives',
		permission: 'Command API: Read Only',
		itemIndex,
	});
	return answer.empty ? [] : list(answer.doc.body.rep).map(normalizeRepresentative);
}

export const execute: Execute<BtClient> = async function (client, i) {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = Number(this.getNodeParameter('limit', i, 50));
	const reps = await listRepresentatives(client, i);
	return applyLimit(reps, returnAll, limit).map((json) => ({ json }));
};
