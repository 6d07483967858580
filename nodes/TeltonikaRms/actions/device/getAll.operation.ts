import { MAX_ID } from '../../../shared/validation';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { DEVICE_SUMMARY_FIELDS } from '../../helpers/device';
import { normalizeDevice, pick } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import { readLimit } from '../../../shared/params';
import { requireId } from '../../helpers/validation';
import { requestAllItems } from '../../transport/pagination';
import type { RmsClient } from '../../transport/request';
import { returnAllAndLimit, simplifyAndOptions } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. RUTX11',
				description: 'Free-text search over name, serial number and other fields',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'online',
				options: [
					{ name: 'Not Activated', value: 'not_activated' },
					{ name: 'Offline', value: 'offline' },
					{ name: 'Online', value: 'online' },
				],
			},
			{
				displayName: 'Tag ID',
				name: 'tagId',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, maxValue: MAX_ID },
				description: 'Only devices with this RMS tag',
			},
		],
	},
	...simplifyAndOptions(),
];

export const description = operationFields('device', 'getAll', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
	const limit = readLimit(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = readOptions(this, i);
	const qs: IDataObject = {};
	if (filters.search) qs.q = filters.search;
	if (filters.status) qs.status = filters.status;
	if (filters.tagId !== undefined)
		qs.tag_id = requireId(this.getNode(), i, 'Filters → Tag ID', filters.tagId);
	const devices = await requestAllItems(
		client,
		{ path: '/devices', qs, action: 'list devices', scope: 'devices:read', itemIndex: i },
		limit,
	);
	return devices
		.map(normalizeDevice)
		.map((device) => ({ json: options.simplify ? pick(device, DEVICE_SUMMARY_FIELDS) : device }));
};
