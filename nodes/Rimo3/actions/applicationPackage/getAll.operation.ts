import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/params';
import type { Rimo3Client } from '../../transport/request';
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
		description: 'Applied by the node after the list is read',
		options: [
			{ displayName: 'Display Name Contains', name: 'displayName', type: 'string', default: '' },
			{ displayName: 'Manufacturer', name: 'manufacturer', type: 'string', default: '' },
			{ displayName: 'Product Version', name: 'productVersion', type: 'string', default: '' },
		],
	},
];

export const description = operationFields('applicationPackage', 'getAll', properties);

/** GET /api/v2/application-packages answers a bare JSON array (seen in working scripts; no paging seen). */
export async function listPackages(
	client: Rimo3Client,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const body = await client.request({
		method: 'GET',
		path: '/api/v2/application-packages',
		action: 'list application packages',
		itemIndex,
	});
	if (Array.isArray(body)) return body as IDataObject[];
	const wrapped =
		(body as IDataObject | undefined)?.items ?? (body as IDataObject | undefined)?.data;
	return Array.isArray(wrapped) ? (wrapped as IDataObject[]) : [];
}

export const execute: Execute<Rimo3Client> = async function (client, i) {
	const limit = readLimit(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const same = (a: unknown, b: unknown) =>
		String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();
	const packages = (await listPackages(client, i)).filter(
		(p) =>
			(!filters.displayName ||
				String(p.displayName ?? '')
					.toLowerCase()
					.includes(String(filters.displayName).toLowerCase())) &&
			(!filters.manufacturer || same(p.manufacturer, filters.manufacturer)) &&
			(!filters.productVersion || same(p.productVersion, filters.productVersion)),
	);
	return packages.slice(0, limit).map((json) => ({ json }));
};
