import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DEVICE_SUMMARY_FIELDS, findDevice, readDeviceRef } from '../../helpers/device';
import { pick } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import type { RmsClient } from '../../transport/request';
import { deviceLocator, simplifyAndOptions } from '../common.descriptions';

const properties: INodeProperties[] = [deviceLocator, ...simplifyAndOptions()];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: RmsClient,
	i: number,
): Promise<INodeExecutionData[]> {
	const ref = readDeviceRef(this, i);
	const options = readOptions(this, i);
	const device = await findDevice(client, ref, i, true);
	return [{ json: options.simplify ? pick(device, DEVICE_SUMMARY_FIELDS) : device }];
}
