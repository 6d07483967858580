import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { requestAllItems } from '../transport/pagination';
import type { RmsClient } from '../transport/request';
import { normalizeDevice } from './normalize';
import { requireId, requireText } from './validation';
import { pathSegment } from '../../shared/url';

export type DeviceRef = { by: 'id'; id: number } | { by: 'serial'; serial: string };

/** Reads and checks the Device locator without calling the API. */
export function readDeviceRef(ctx: IExecuteFunctions, i: number): DeviceRef {
	const locator = ctx.getNodeParameter('device', i) as INodeParameterResourceLocator | string;
	const { mode, value } = typeof locator === 'object' ? locator : { mode: 'id', value: locator };
	const node = ctx.getNode();
	if (mode === 'serial')
		return { by: 'serial', serial: requireText(node, i, 'Device (serial number)', value, 64) };
	return { by: 'id', id: requireId(node, i, 'Device (ID)', value) };
}

/** Finds one device; `full` loads every field, otherwise only what identifies it. */
export async function findDevice(
	client: RmsClient,
	ref: DeviceRef,
	i: number,
	full: boolean,
): Promise<IDataObject> {
	const scope = 'devices:read';
	if (ref.by === 'id') {
		const envelope = await client.request({
			method: 'GET',
			path: `/devices/${pathSegment(ref.id, 'Device ID')}`,
			qs: full ? undefined : { fields: 'id,name,serial,status' },
			action: `get device ${ref.id}`,
			scope,
			itemIndex: i,
		});
		return normalizeDevice((envelope.data ?? {}) as IDataObject);
	}
	const matches = await requestAllItems(
		client,
		{
			path: '/devices',
			qs: { q: ref.serial, ...(full ? {} : { fields: 'id,name,serial,status' }) },
			action: `find the device with serial number ${ref.serial}`,
			scope,
			itemIndex: i,
		},
		1000,
	);
	// q is a free-text search, so a serial can also match names or longer serials.
	const device = matches.find((d) => String(d.serial ?? '').trim() === ref.serial);
	if (!device) {
		throw new NodeOperationError(
			client.node,
			`No device with serial number "${ref.serial}" was found in this RMS account [item ${i}]`,
			{
				itemIndex: i,
				description:
					'Check the serial number on the router label or in RMS, and that the token belongs to the company that owns the device.',
			},
		);
	}
	return normalizeDevice(device);
}

/** The device id, with no API call when the user gave the id itself. */
export async function resolveDeviceId(
	client: RmsClient,
	ref: DeviceRef,
	i: number,
): Promise<number> {
	if (ref.by === 'id') return ref.id;
	return Number((await findDevice(client, ref, i, false)).id);
}

/** The fields "Simplify" keeps of a device. */
export const DEVICE_SUMMARY_FIELDS = [
	'id',
	'name',
	'serial',
	'model',
	'status',
	'status_name',
	'firmware',
	'mac',
	'wan_ip',
	'last_connection_at',
	'company_id',
	'company_name',
];
