import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { readSessionId } from '../../helpers/ids';
import type { RmsClient } from '../../transport/request';
import { requestChange } from '../../transport/statusChannel';
import { accessIdField, optionsCollection, sessionIdField } from '../common.descriptions';
import { pathSegment } from '../../../shared/url';

const properties: INodeProperties[] = [
	{
		...accessIdField,
		required: false,
		description:
			'Only to pick the session from a list: the remote access configuration whose active sessions the Session ID list shows',
	},
	sessionIdField,
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
	const sessionId = readSessionId(this, i);
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
