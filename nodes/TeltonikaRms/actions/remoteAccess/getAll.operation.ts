import type { INodeProperties } from 'n8n-workflow';
import { readDeviceRef, resolveDeviceId } from '../../helpers/device';
import { listRemoteAccess } from '../../helpers/remoteAccess';
import { readLimit } from '../../../shared/params';
import type { RmsClient } from '../../transport/request';
import { deviceLocator, returnAllAndLimit } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'device',
		options: [
			{ name: 'One Device', value: 'device', description: 'Configurations of one router' },
			{
				name: 'Whole Account',
				value: 'account',
				description: 'Every configuration the token can see',
			},
		],
	},
	{ ...deviceLocator, displayOptions: { show: { scope: ['device'] } } },
	...returnAllAndLimit(),
];

export const description = operationFields('remoteAccess', 'getAll', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
	const scope = this.getNodeParameter('scope', i) as string;
	const ref = scope === 'device' ? readDeviceRef(this, i) : undefined;
	const limit = readLimit(this, i);
	const deviceId = ref ? await resolveDeviceId(client, ref, i) : undefined;
	const configs = await listRemoteAccess(client, deviceId, i, limit);
	return configs.map((json) => ({ json }));
};
