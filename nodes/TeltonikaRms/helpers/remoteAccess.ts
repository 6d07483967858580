import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { requestAllItems } from '../transport/pagination';
import type { RmsClient } from '../transport/request';
import { waitForChannel } from '../transport/statusChannel';
import { normalizeRemoteAccess } from './normalize';
import type { NodeOptions } from './options';
import type { Protocol } from './validation';

export interface RemoteAccessSpec {
	deviceId: number;
	name: string;
	destinationIp: string;
	destinationPort: number;
	protocol: Protocol;
	credentialsRequired: boolean;
}

export async function listRemoteAccess(client: RmsClient, deviceId: number | undefined, i: number, max = Infinity) {
	const configs = await requestAllItems(
		client,
		{
			path: '/devices/remote-access',
			qs: deviceId === undefined ? {} : { device_id: deviceId },
			action: deviceId === undefined ? 'list remote access configurations' : `list remote access configurations of device ${deviceId}`,
			scope: 'device_remote_access:read',
			itemIndex: i,
		},
		max,
	);
	return configs.map(normalizeRemoteAccess);
}

export function findByName(configs: IDataObject[], name: string): IDataObject | undefined {
	return configs.find((c) => String(c.name ?? '').trim() === name);
}

export function sameTarget(config: IDataObject, spec: RemoteAccessSpec): boolean {
	return (
		config.destination_ip === spec.destinationIp &&
		config.destination_port === spec.destinationPort &&
		String(config.protocol ?? '').toLowerCase() === spec.protocol
	);
}

/**
 * Creates one configuration and returns it with its access id. RMS answers with a status channel
 * only, so the new id is read back from the device's list once the channel completes.
 */
export async function createRemoteAccess(client: RmsClient, spec: RemoteAccessSpec, options: NodeOptions, i: number) {
	const scope = 'device_remote_access:write';
	const action = `create remote access "${spec.name}" on device ${spec.deviceId}`;
	const envelope = await client.request({
		method: 'POST',
		path: '/devices/remote-access',
		body: {
			data: [
				{
					device_id: spec.deviceId,
					name: spec.name,
					destination_ip: spec.destinationIp,
					destination_port: spec.destinationPort,
					protocol: spec.protocol,
					credentials_required: spec.credentialsRequired,
				},
			],
		},
		action,
		scope,
		retry: 'rejectedOnly',
		itemIndex: i,
	});
	const channel = String(envelope.meta?.channel ?? '');
	if (channel) {
		await waitForChannel(client, channel, { key: spec.deviceId, intervalMs: options.pollIntervalMs, timeoutMs: options.pollTimeoutMs, action, scope, itemIndex: i });
	}
	const created = findByName(await listRemoteAccess(client, spec.deviceId, i), spec.name);
	if (!created) {
		throw new NodeOperationError(client.node, `RMS reported that it created remote access "${spec.name}" but does not list it on device ${spec.deviceId} [item ${i}]`, {
			itemIndex: i,
			description: 'Check the device in RMS; run again to reuse the configuration once it is listed.',
		});
	}
	return created;
}
