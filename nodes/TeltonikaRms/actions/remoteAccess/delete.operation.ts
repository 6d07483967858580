import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { requireId } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { waitForChannel } from '../../transport/statusChannel';
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
	const accessId = requireId(this.getNode(), i, 'Access ID', this.getNodeParameter('accessId', i));
	const options = readOptions(this, i);
	const scope = 'device_remote_access:write';
	const action = `delete remote access ${accessId}`;
	// RMS acts on only the first id of the array, so each call deletes exactly one.
	const envelope = await client.request({
		method: 'DELETE',
		path: '/devices/remote-access',
		body: { id: [accessId] },
		action,
		scope,
		retry: 'rejectedOnly',
		itemIndex: i,
	});
	const channel = String(envelope.meta?.channel ?? '');
	if (channel) {
		await waitForChannel(client, channel, {
			intervalMs: options.pollIntervalMs,
			timeoutMs: options.pollTimeoutMs,
			action,
			scope,
			itemIndex: i,
		});
	}
	return [{ json: { access_id: accessId, deleted: true } }];
}
