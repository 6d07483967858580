import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { readAccessId } from '../../helpers/ids';
import type { RmsClient } from '../../transport/request';
import { requestChange } from '../../transport/statusChannel';
import { accessIdField, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [accessIdField, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['remoteAccess'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: RmsClient,
	i: number,
): Promise<INodeExecutionData[]> {
	const accessId = readAccessId(this, i);
	const options = readOptions(this, i);
	// RMS acts on only the first id of the array, so each call deletes exactly one.
	await requestChange(
		client,
		{
			method: 'DELETE',
			path: '/devices/remote-access',
			body: { id: [accessId] },
			action: `delete remote access ${accessId}`,
			scope: 'device_remote_access:write',
			itemIndex: i,
		},
		options,
	);
	return [{ json: { access_id: accessId, deleted: true } }];
}
