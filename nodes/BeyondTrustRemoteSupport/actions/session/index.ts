import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as terminate from './terminate.operation';

export const operations = { get, getAll, terminate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a support session',
				description: 'Read one support session report by its ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many support sessions',
				description: 'Support sessions started in a time window; active only or by ticket ID',
			},
			{
				name: 'Terminate',
				value: 'terminate',
				action: 'Terminate a support session',
				description: 'End a running session',
			},
		],
	},
	...get.description,
	...getAll.description,
	...terminate.description,
];
