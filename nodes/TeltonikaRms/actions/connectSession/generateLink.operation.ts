import type { INodeProperties } from 'n8n-workflow';
import { readDeviceRef, resolveDeviceId } from '../../helpers/device';
import { linkOutput } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import { checkDestination, checkDuration, namesAddress, readPolicy } from '../../helpers/policy';
import { ensureRemoteAccess } from '../../helpers/remoteAccess';
import type { RemoteAccessSpec } from '../../helpers/remoteAccess';
import { startConnectSession } from '../../helpers/session';
import {
	requireDuration,
	requireIPv4,
	requirePort,
	requireProtocol,
	requireText,
} from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import {
	destinationIpField,
	destinationPortField,
	deviceLocator,
	durationField,
	optionsCollection,
	protocolField,
} from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	deviceLocator,
	destinationIpField,
	destinationPortField,
	protocolField,
	durationField,
	{
		displayName: 'Remote Access Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ticket_4711_HTTPS',
		description:
			'Name of the configuration to reuse or create. Leave empty to use protocol_IP_port, e.g. https_192_168_1_10_443.',
	},
	optionsCollection(),
];

export const description = operationFields('connectSession', 'generateLink', properties);

export function defaultConfigName(protocol: string, ip: string, port: number): string {
	return `${protocol}_${ip.replace(/\./g, '_')}_${port}`;
}

/**
 * The whole "Generate RMS Connect link" guide in one step. Idempotent: the configuration with the
 * given name is reused, and created only when missing, so reruns and concurrent executions never
 * pile up configurations (see ensureRemoteAccess).
 */
export const execute: Execute<RmsClient> = async function (client, i) {
	const node = this.getNode();
	const ref = readDeviceRef(this, i);
	const destinationIp = requireIPv4(
		node,
		i,
		'LAN IP Address',
		this.getNodeParameter('destinationIp', i),
	);
	const destinationPort = requirePort(node, i, 'Port', this.getNodeParameter('destinationPort', i));
	const protocol = requireProtocol(node, i, 'Protocol', this.getNodeParameter('protocol', i));
	const duration = requireDuration(
		node,
		i,
		'Duration (Seconds)',
		this.getNodeParameter('duration', i),
	);
	const rawName = String(this.getNodeParameter('name', i, '') ?? '').trim();
	const name = rawName
		? requireText(node, i, 'Remote Access Name', rawName)
		: defaultConfigName(protocol, destinationIp, destinationPort);
	const options = readOptions(this, i);
	const policy = await readPolicy(this, i);
	checkDestination(node, i, policy, { ip: destinationIp, port: destinationPort, protocol });
	checkDuration(node, i, policy, duration);

	const deviceId = await resolveDeviceId(client, ref, i);
	const spec: RemoteAccessSpec = {
		deviceId,
		name,
		destinationIp,
		destinationPort,
		protocol,
		credentialsRequired: policy.credentialsRequired,
		allowRouterAddress: namesAddress(policy, destinationIp),
	};
	const { config, created } = await ensureRemoteAccess(client, spec, options, i);

	const accessId = Number(config.id);
	const session = await startConnectSession(client, accessId, duration, deviceId, options, i);
	return [
		{
			json: linkOutput({
				access_id: accessId,
				device_id: deviceId,
				device_serial: ref.by === 'serial' ? ref.serial : null,
				configuration_name: name,
				destination_ip: destinationIp,
				destination_port: destinationPort,
				protocol,
				...session,
				duration,
				config_created: created,
			}),
		},
	];
};
