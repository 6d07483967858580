import type { INodeProperties } from 'n8n-workflow';
import { readOptions } from '../../helpers/options';
import { readSessionId } from '../../helpers/ids';
import type { RmsClient } from '../../transport/request';
import { requestChange } from '../../transport/statusChannel';
import { accessIdField, optionsCollection, sessionIdField } from '../common.descriptions';
import { pathSegment } from '../../../shared/url';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

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

export const description = operationFields('connectSession', 'close', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
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
};
