import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { requireId } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { waitForChannel } from '../../transport/statusChannel';
import { optionsCollection } from '../common.descriptions';
import { pathSegment } from '../../../shared/url';

const properties: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ID of the session, as returned by List sessions',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['connectSession'], operation: ['close'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: RmsClient,
	i: number,
): Promise<INodeExecutionData[]> {
	const sessionId = requireId(
		this.getNode(),
		i,
		'Session ID',
		this.getNodeParameter('sessionId', i),
	);
	const options = readOptions(this, i);
	const scope = 'device_remote_access:write';
	const action = `close session ${sessionId}`;
	const envelope = await client.request({
		method: 'DELETE',
		path: `/devices/connect/sessions/${pathSegment(sessionId, 'Session ID')}`,
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
	return [{ json: { session_id: sessionId, closed: true } }];
}
