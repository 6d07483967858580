import type { INodeProperties } from 'n8n-workflow';
import * as generate from './generate.operation';

export const operations = { generate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sessionKey'] } },
		default: 'generate',
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate a session key',
				description: 'Create a support invitation link and 7-digit short key, e.g. for a ticket',
			},
		],
	},
	...generate.description,
];
