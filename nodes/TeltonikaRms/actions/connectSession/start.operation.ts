import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { linkOutput } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import { checkDuration, readPolicy } from '../../helpers/policy';
import { startConnectSession } from '../../helpers/session';
import { readAccessId } from '../../helpers/ids';
import { requireDuration } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { accessIdField, durationField, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [accessIdField, durationField, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['connectSession'], operation: ['start'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: RmsClient,
	i: number,
): Promise<INodeExecutionData[]> {
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
}
