import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as applicationPackage from './actions/applicationPackage';
import { optionsCollection } from './actions/common.descriptions';
import { router } from './actions/router';
import { searchPackages } from './methods/listSearch';

export class Rimo3 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rimo3',
		name: 'rimo3',
		icon: { light: 'file:rimo3.svg', dark: 'file:rimo3.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'List, upload and track application packages in Rimo3 Cloud',
		defaults: { name: 'Rimo3' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rimo3OAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Application Package', value: 'applicationPackage' }],
				default: 'applicationPackage',
			},
			...applicationPackage.description,
			optionsCollection,
		],
	};

	methods = { listSearch: { searchPackages } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
