import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { findDevice, readDeviceRef } from '../../helpers/device';
import { pick } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import type { RmsClient } from '../../transport/request';
import { deviceLocator, requestOptionsCollection, simplifyOption } from '../common.descriptions';

export const DEVICE_SUMMARY_FIELDS = ['id', 'name', 'serial', 'model', 'status', 'status_name', 'firmware', 'mac', 'wan_ip', 'last_connection_at', 'company_id', 'company_name'];

const properties: INodeProperties[] = [deviceLocator, requestOptionsCollection([simplifyOption])];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, client: RmsClient, i: number): Promise<INodeExecutionData[]> {
	const ref = readDeviceRef(this, i);
	const options = readOptions(this, i);
	const device = await findDevice(client, ref, i, true);
	return [{ json: options.simplify ? pick(device, DEVICE_SUMMARY_FIELDS) : device }];
}
