import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { requestAllItems } from '../transport/pagination';
import type { RmsClient } from '../transport/request';
import { requestChange } from '../transport/statusChannel';
import { normalizeRemoteAccess } from './normalize';
import type { NodeOptions } from './options';
import { credentialKey, oneAtATime } from './singleFlight';
import type { Protocol } from './validation';

export interface RemoteAccessSpec {
	deviceId: number;
	name: string;
	destinationIp: string;
	destinationPort: number;
	protocol: Protocol;
	credentialsRequired: boolean;
	/** The router's own LAN address may be the destination only when the policy names it. */
	allowRouterAddress?: boolean;
}

export async function listRemoteAccess(
	client: RmsClient,
	deviceId: number | undefined,
	i: number,
	max = Infinity,
) {
	const configs = await requestAllItems(
		client,
		{
			path: '/devices/remote-access',
			qs: deviceId === undefined ? {} : { device_id: deviceId },
			action:
				deviceId === undefined
					? 'list remote access configurations'
					: `list remote access configurations of device ${deviceId}`,
			scope: 'device_remote_access:read',
			itemIndex: i,
		},
		max,
	);
	return configs.map(normalizeRemoteAccess);
}

/** Every configuration with this name, lowest id first: the lowest is the one all runs keep. */
export function allNamed(configs: IDataObject[], name: string): IDataObject[] {
	return configs
		.filter((c) => String(c.configuration_name ?? '').trim() === name)
		.sort((a, b) => Number(a.id) - Number(b.id));
}

export function findByName(configs: IDataObject[], name: string): IDataObject | undefined {
	return allNamed(configs, name)[0];
}

export function sameTarget(config: IDataObject, spec: RemoteAccessSpec): boolean {
	return (
		config.destination_ip === spec.destinationIp &&
		config.destination_port === spec.destinationPort &&
		String(config.protocol ?? '').toLowerCase() === spec.protocol
	);
}

/**
 * Creates one configuration and returns every configuration with its name, lowest id first. RMS
 * answers with a status channel only, so the new id is read back from the device's list once the
 * channel completes; that list also shows copies another process created at the same moment.
 */
async function submitCreate(
	client: RmsClient,
	spec: RemoteAccessSpec,
	options: NodeOptions,
	i: number,
) {
	await requestChange(
		client,
		{
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
			action: `create remote access "${spec.name}" on device ${spec.deviceId}`,
			scope: 'device_remote_access:write',
			itemIndex: i,
		},
		options,
		spec.deviceId,
	);
	const named = allNamed(await listRemoteAccess(client, spec.deviceId, i), spec.name);
	if (named.length === 0) {
		throw new NodeOperationError(
			client.node,
			`RMS reported that it created remote access "${spec.name}" but does not list it on device ${spec.deviceId} [item ${i}]`,
			{
				itemIndex: i,
				description:
					'Check the device in RMS; run again to reuse the configuration once it is listed.',
			},
		);
	}
	return named;
}

/** Executions in this process that touch the same name on the same device and account take turns. */
function nameKey(client: RmsClient, spec: RemoteAccessSpec): string {
	return `${credentialKey(client.node, client.baseUrl)}|${spec.deviceId}|${spec.name}`;
}

/** Creates one configuration, as asked even if the name exists, and returns the newest with its name. */
export async function createRemoteAccess(
	client: RmsClient,
	spec: RemoteAccessSpec,
	options: NodeOptions,
	i: number,
) {
	return await oneAtATime(nameKey(client, spec), async () => {
		const named = await submitCreate(client, spec, options, i);
		return named[named.length - 1];
	});
}

/**
 * Deletes a copy that lost the race. The node does not wait for the delete's status channel: the
 * kept configuration is usable at once, and polling would only cost quota. "Not found" means
 * another execution deleted it first, which is the outcome wanted.
 */
async function deleteCopy(client: RmsClient, accessId: number, i: number): Promise<void> {
	try {
		await client.request({
			method: 'DELETE',
			path: '/devices/remote-access',
			body: { id: [accessId] },
			action: `delete duplicate remote access ${accessId}`,
			scope: 'device_remote_access:write',
			retry: 'rejectedOnly',
			itemIndex: i,
		});
	} catch (error) {
		// The client throws only NodeApiError; the copy being gone already is the outcome wanted.
		const gone = error instanceof NodeApiError && error.httpCode === '404';
		if (!gone)
			throw error instanceof NodeApiError
				? error
				: new NodeOperationError(client.node, error as Error, { itemIndex: i });
	}
}

const isMainEntry = (config: IDataObject) =>
	config.protocol === null || config.protocol === undefined || config.protocol === '';

/**
 * The router's main WebUI entry (no protocol) points to the router's own LAN address; a link to
 * that address reaches the router itself, so it needs the policy to name it. The device's list is
 * read anyway, so this costs no request.
 */
function refuseRouterAddress(
	client: RmsClient,
	spec: RemoteAccessSpec,
	configs: IDataObject[],
	i: number,
): void {
	if (spec.allowRouterAddress) return;
	if (!configs.some((c) => isMainEntry(c) && c.destination_ip === spec.destinationIp)) return;
	throw new NodeOperationError(
		client.node,
		`LAN IP Address ${spec.destinationIp} is the router's own address on device ${spec.deviceId}, refused unless the credential's policy names it (e.g. ${spec.destinationIp}/32) [item ${i}]`,
		{
			itemIndex: i,
			description:
				'Use Device → Generate Device Link for the router itself, or ask an administrator.',
		},
	);
}

/** What an existing configuration is; one with no protocol is the router's main WebUI entry. */
export function describeTarget(config: IDataObject): string {
	const where = `${String(config.destination_ip)}:${String(config.destination_port)}`;
	if (isMainEntry(config)) return `is the router's main WebUI entry (no protocol, ${where})`;
	return `already points to ${String(config.protocol)}://${where}`;
}

/**
 * The configuration with the spec's name, created when missing: the heart of "Generate connect
 * link". Idempotent under concurrency: executions in this process take turns per name, and
 * executions in other processes (n8n queue mode) that created a copy at the same moment are
 * reconciled here: all keep the lowest id and delete the other copies that point to the same
 * target. A copy that points elsewhere is never deleted; the name conflict is reported instead.
 */
export async function ensureRemoteAccess(
	client: RmsClient,
	spec: RemoteAccessSpec,
	options: NodeOptions,
	i: number,
) {
	return await oneAtATime(nameKey(client, spec), async () => {
		const configs = await listRemoteAccess(client, spec.deviceId, i);
		refuseRouterAddress(client, spec, configs, i);
		let named = allNamed(configs, spec.name);
		const created = named.length === 0;
		if (created) named = await submitCreate(client, spec, options, i);
		const [kept, ...copies] = named;
		if (!sameTarget(kept, spec)) {
			throw new NodeOperationError(
				client.node,
				`Remote access "${spec.name}" on device ${spec.deviceId} ${describeTarget(kept)}, not ${spec.protocol}://${spec.destinationIp}:${spec.destinationPort} [item ${i}]`,
				{
					itemIndex: i,
					description:
						'Use another Remote Access Name, or leave it empty to get one derived from protocol, IP and port.',
				},
			);
		}
		for (const copy of copies.filter((c) => sameTarget(c, spec)))
			await deleteCopy(client, Number(copy.id), i);
		return { config: kept, created };
	});
}
