import type { INodeProperties } from 'n8n-workflow';
import { DEVICE_SUMMARY_FIELDS, findDevice, readDeviceRef } from '../../helpers/device';
import { pick } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import type { RmsClient } from '../../transport/request';
import { deviceLocator, simplifyAndOptions } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [deviceLocator, ...simplifyAndOptions()];

export const description = operationFields('device', 'get', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
	const ref = readDeviceRef(this, i);
	const options = readOptions(this, i);
	const device = await findDevice(client, ref, i, true);
	return [{ json: options.simplify ? pick(device, DEVICE_SUMMARY_FIELDS) : device }];
};
