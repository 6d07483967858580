import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Rimo3Client } from '../../transport/request';
import { pathSegment } from '../../../shared/url';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Application Package',
		name: 'applicationPackage',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The package whose pipeline runs (import, discovery, baseline, test) to read',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPackages', searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. 3f2a1b4c-...' },
		],
	},
];

export const description = operationFields('applicationPackage', 'getSequences', properties);

export const execute: Execute<Rimo3Client> = async function (client, i) {
	const id = String(
		this.getNodeParameter('applicationPackage', i, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
		throw new NodeOperationError(
			this.getNode(),
			`Application Package "${id}" is not a package ID [item ${i}]`,
			{
				itemIndex: i,
				description: `Pick a package from the list or paste its applicationPackageId; nothing was sent to Rimo3 for item ${i}.`,
			},
		);
	}
	const body = await client.request({
		method: 'GET',
		path: `/api/v2/application-packages/${pathSegment(id, 'Application Package')}/sequences`,
		action: 'read the package sequences',
		itemIndex: i,
	});
	// The reply shape is not documented publicly: an array becomes one item per sequence.
	const sequences = Array.isArray(body)
		? (body as IDataObject[])
		: body && typeof body === 'object'
			? [body as IDataObject]
			: [];
	return sequences.map((s) => ({ json: { applicationPackageId: id, ...s } }));
};
