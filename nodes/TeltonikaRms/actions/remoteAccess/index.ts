import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAccessId from './getAccessId.operation';
import * as getAll from './getAll.operation';

export const operations = { create, delete: deleteOperation, getAccessId, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['remoteAccess'] } },
		default: 'getAccessId',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a remote access',
				description: 'Make a LAN service behind a router reachable through RMS Connect',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a remote access',
				description: 'Remove one remote access configuration',
			},
			{
				name: 'Get Access ID',
				value: 'getAccessId',
				action: 'Get an access ID',
				description: 'Find a configuration by device and name, with its access ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many remote accesses',
				description: 'List configurations of a device or the account',
			},
		],
	},
	...create.description,
	...deleteOperation.description,
	...getAccessId.description,
	...getAll.description,
];
