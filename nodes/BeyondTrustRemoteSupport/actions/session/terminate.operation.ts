import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { BtClient } from '../../transport/request';
import { text } from '../../transport/xml';
import { readLsid } from '../../helpers/validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Session ID (LSID)',
		name: 'lsid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5e8c5d8a1f9a4c7e9b1d2f3a4b5c6d7e',
		description: 'The 32-character ID of a running session',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['terminate'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: BtClient,
	i: number,
): Promise<INodeExecutionData[]> {
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
}
