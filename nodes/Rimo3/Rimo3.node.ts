import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as applicationPackage from './actions/applicationPackage';
import { router } from './actions/router';
import { DEFAULT_REQUEST_TIMEOUT_S } from './transport/request';
import { MAX_SECONDS } from '../shared/validation';
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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Request Timeout (Seconds)',
						name: 'requestTimeout',
						type: 'number',
						default: DEFAULT_REQUEST_TIMEOUT_S,
						typeOptions: {
							minValue: 0.1,
							maxValue: MAX_SECONDS.requestTimeout,
							numberPrecision: 1,
						},
						description: `How long one HTTP request to Rimo3 may take, at most ${MAX_SECONDS.requestTimeout} s (uploads of large packages need the most). A read that times out is retried; an upload is not, because Rimo3 may have received it.`,
					},
				],
			},
		],
	};

	methods = { listSearch: { searchPackages } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
