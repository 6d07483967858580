import type { INodeProperties } from 'n8n-workflow';
import { normalizeTeam } from '../../helpers/normalize';
import type { BtClient } from '../../transport/request';
import { list } from '../../transport/xml';
import { returnAllFields } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';
import { readLimit } from '../../../shared/params';

const properties: INodeProperties[] = [...returnAllFields('team', 'getAll')];

export const description = operationFields('team', 'getAll', properties);

export async function listTeams(client: BtClient, itemIndex?: number) {
	const answer = await client.call({
		api: 'command',
		qs: { action: 'get_support_teams', showmembers: 1 },
		action: 'list support teams',
		permission: 'Command API: Read Only',
		itemIndex,
	});
	return answer.empty ? [] : list(answer.doc.body.support_team).map(normalizeTeam);
}

export const execute: Execute<BtClient> = async function (client, i) {
	const limit = readLimit(this, i); // Infinity with Return All
	const teams = await listTeams(client, i);
	return teams.slice(0, limit).map((json) => ({ json }));
};
