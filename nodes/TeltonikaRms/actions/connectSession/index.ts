import type { INodeProperties } from 'n8n-workflow';
import * as close from './close.operation';
import * as generateLink from './generateLink.operation';
import * as getAll from './getAll.operation';
import * as getLogs from './getLogs.operation';
import * as start from './start.operation';

export const operations = { close, generateLink, getAll, getLogs, start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connectSession'] } },
		default: 'generateLink',
		options: [
			{
				name: 'Close',
				value: 'close',
				action: 'Close a connect session',
				description: 'End an RMS Connect session before it expires',
			},
			{
				name: 'Generate Connect Link',
				value: 'generateLink',
				action: 'Generate a connect link',
				description:
					'Find the router, reuse or create the remote access, start a session and return its link',
			},
			{
				name: 'Get Logs',
				value: 'getLogs',
				action: 'Get connect logs',
				description: 'List the RMS Connect sessions of the whole account in a date range',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many connect sessions',
				description: 'List sessions of an access ID, a device or the whole account',
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start a connect session',
				description: 'Open an RMS Connect session for an access ID and return its link',
			},
		],
	},
	...close.description,
	...generateLink.description,
	...getAll.description,
	...getLogs.description,
	...start.description,
];
