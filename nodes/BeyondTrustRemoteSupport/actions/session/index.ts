import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAttributes from './getAttributes.operation';
import * as setAttributes from './setAttributes.operation';
import * as terminate from './terminate.operation';

export const operations = { get, getAll, terminate, getAttributes, setAttributes };

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
				description: 'Read support session reports by ID (one or several in one call)',
			},
			{
				name: 'Get Attributes',
				value: 'getAttributes',
				action: 'Get the attributes of a support session',
				description: 'Read the external key and custom attributes of a running session',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many support sessions',
				description: 'Support sessions started in a time window; active only or by ticket ID',
			},
			{
				name: 'Set Attributes',
				value: 'setAttributes',
				action: 'Set the attributes of a support session',
				description: 'Write the external key and custom attributes of a running session',
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
	...getAttributes.description,
	...setAttributes.description,
];
