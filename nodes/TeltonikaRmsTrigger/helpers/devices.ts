import type { IDataObject } from 'n8n-workflow';
import { requestAllItems } from '../../TeltonikaRms/transport/pagination';
import { normalizeDevice, ordered, pick } from '../../TeltonikaRms/helpers/normalize';
import { entryId } from './seen';
import type { PollInput, PollOutcome } from './types';

export type DeviceEvent = 'deviceWentOffline' | 'deviceCameOnline';

/** RMS's device status: 1 online, 0 offline, 2 not activated; null is offline too. */
const stateOf = (status: unknown): 'online' | 'offline' | 'other' => {
	if (status === 1 || status === '1') return 'online';
	if (status === 0 || status === '0' || status === null) return 'offline';
	return 'other';
};

/**
 * Reads the device list (⌈devices / 100⌉ requests) and compares each device's status with the
 * last poll's. A device seen for the first time is recorded, not reported; a device that went
 * down and up again between two polls is not seen at all.
 */
export async function pollDevices(input: PollInput, event: DeviceEvent): Promise<PollOutcome> {
	const devices = await requestAllItems(input.client, {
		path: '/devices',
		action: 'list RMS devices for the trigger',
		scope: 'devices:read',
	});
	const before = (input.saved?.statuses ?? {}) as IDataObject;
	const want = event === 'deviceWentOffline' ? 'offline' : 'online';
	const statuses: IDataObject = {};
	const events: IDataObject[] = [];
	let latest: IDataObject | undefined;
	for (const device of devices) {
		const id = entryId(device);
		if (id === undefined) continue;
		const now = stateOf(device.status);
		statuses[id] = now;
		if (now !== want) continue;
		const record = normalizeDevice(device);
		const leading = pick(record, ['id', 'name', 'serial', 'status', 'status_name']);
		const item = ordered({ event, ...leading, previous_status_name: before[id] ?? null }, record);
		if (!latest || String(device.last_connection_at) > String(latest.last_connection_at))
			latest = item;
		const was = before[id];
		if (was !== undefined && was !== now) events.push(item);
	}
	return { events, latest, state: { statuses } };
}
