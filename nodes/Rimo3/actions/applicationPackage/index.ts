import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';
import * as getSequences from './getSequences.operation';
import * as upload from './upload.operation';

export const operations = { getAll, getSequences, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['applicationPackage'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many application packages',
				description: 'List the application packages in Rimo3',
			},
			{
				name: 'Get Sequences',
				value: 'getSequences',
				action: 'Get sequences of an application package',
				description: 'Read the pipeline status of a package (import, discovery, baseline, test)',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an application package',
				description:
					'Send a zipped installer from a previous node, or a link to one, and start the pipeline',
			},
		],
	},
	...getAll.description,
	...getSequences.description,
	...upload.description,
];
