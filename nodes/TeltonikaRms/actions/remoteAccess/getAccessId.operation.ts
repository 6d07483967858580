import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readDeviceRef, resolveDeviceId } from '../../helpers/device';
import { findByName, listRemoteAccess } from '../../helpers/remoteAccess';
import { requireText } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { deviceLocator } from '../common.descriptions';
import { configNameField } from './fields';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [deviceLocator, configNameField];

export const description = operationFields('remoteAccess', 'getAccessId', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
	const ref = readDeviceRef(this, i);
	const name = requireText(this.getNode(), i, 'Name', this.getNodeParameter('name', i));
	const deviceId = await resolveDeviceId(client, ref, i);
	const configs = await listRemoteAccess(client, deviceId, i);
	const config = findByName(configs, name);
	if (!config) {
		const known = configs
			.map((c) => `"${String(c.configuration_name)}"`)
			.slice(0, 10)
			.join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`Device ${deviceId} has no remote access named "${name}" [item ${i}]`,
			{
				itemIndex: i,
				description: known
					? `Names on this device: ${known}. Create it with Remote Access → Create.`
					: 'The device has no remote access configurations yet; create one with Remote Access → Create.',
			},
		);
	}
	return [{ json: config }];
};
