import type { INodeProperties } from 'n8n-workflow';
import * as generateLink from './generateLink.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { generateLink, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		default: 'get',
		options: [
			{
				name: 'Generate Device Link',
				value: 'generateLink',
				action: 'Generate a device link',
				description:
					"Return an https:// link to the router's own WebUI or CLI, without a remote access configuration",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a device',
				description: 'Find a router by serial number or ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many devices',
				description: 'List routers, with filters',
			},
		],
	},
	...generateLink.description,
	...get.description,
	...getAll.description,
];
