import type { INodeProperties } from 'n8n-workflow';
import { normalizeRepresentative } from '../../helpers/normalize';
import type { BtClient } from '../../transport/request';
import { list } from '../../transport/xml';
import { returnAllFields } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';
import { readLimit } from '../../../shared/params';

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
	const limit = readLimit(this, i); // Infinity with Return All
	const reps = await listRepresentatives(client, i);
	return reps.slice(0, limit).map((json) => ({ json }));
};
