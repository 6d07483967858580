import type { INodeProperties } from 'n8n-workflow';
import { lsidField } from '../common.descriptions';
import type { BtClient } from '../../transport/request';
import { text } from '../../transport/xml';
import { readLsid } from '../../helpers/validation';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [lsidField('The 32-character ID of a running session')];

export const description = operationFields('session', 'terminate', properties);

export const execute: Execute<BtClient> = async function (client, i) {
	const lsid = readLsid(this, i);
	const answer = await client.call({
		api: 'command',
		qs: { action: 'terminate_session', lsid },
		action: 'terminate the session',
		permission: 'Command API: Full Access',
		retry: 'rejectedOnly',
		itemIndex: i,
		emptyIsError: true,
	});
	const message = answer.empty ? answer.message : text(answer.doc.body) || answer.doc.root;
	return [{ json: { lsid, terminated: !answer.empty, message } }];
};
