import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { requireId } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { requestChange } from '../../transport/statusChannel';
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
	await requestChange(
		client,
		{
			method: 'DELETE',
			path: `/devices/connect/sessions/${pathSegment(sessionId, 'Session ID')}`,
			action: `close session ${sessionId}`,
			scope: 'device_remote_access:write',
			itemIndex: i,
		},
		options,
	);
	return [{ json: { session_id: sessionId, closed: true } }];
}
