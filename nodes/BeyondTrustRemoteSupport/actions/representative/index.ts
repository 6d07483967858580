import type { INodeProperties } from 'n8n-workflow';
import { operationPicker } from '../../../shared/operations';
import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	operationPicker('representative', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many logged in representatives',
			description: 'Representatives logged in now, with their session counts',
		},
	]),
	...getAll.description,
];
