import type { INodeProperties } from 'n8n-workflow';
import { operationPicker } from '../../../shared/operations';
import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	operationPicker('team', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many support teams',
			description: 'Support teams with their members and issues',
		},
	]),
	...getAll.description,
];
