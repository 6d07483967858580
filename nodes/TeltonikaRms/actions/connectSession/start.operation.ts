import type { INodeProperties } from 'n8n-workflow';
import { linkOutput } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import { checkDuration, readPolicy } from '../../helpers/policy';
import { startConnectSession } from '../../helpers/session';
import { readAccessId } from '../../helpers/ids';
import { requireDuration } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { accessIdField, durationField, optionsCollection } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [accessIdField, durationField, optionsCollection()];

export const description = operationFields('connectSession', 'start', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
	const node = this.getNode();
	const accessId = readAccessId(this, i);
	const duration = requireDuration(
		node,
		i,
		'Duration (Seconds)',
		this.getNodeParameter('duration', i),
	);
	const options = readOptions(this, i);
	checkDuration(node, i, await readPolicy(this, i), duration);
	const session = await startConnectSession(client, accessId, duration, undefined, options, i);
	return [{ json: linkOutput({ access_id: accessId, ...session, duration }) }];
};
