import type { INodeProperties } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { readAccessId } from '../../helpers/ids';
import type { RmsClient } from '../../transport/request';
import { requestChange } from '../../transport/statusChannel';
import { accessIdField, optionsCollection } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [accessIdField, optionsCollection()];

export const description = operationFields('remoteAccess', 'delete', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
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
};
