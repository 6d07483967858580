import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { authenticationField, RMS_CREDENTIALS } from './helpers/authentication';
import * as connectSession from './actions/connectSession';
import * as device from './actions/device';
import * as remoteAccess from './actions/remoteAccess';
import { router } from './actions/router';
import { searchConfigurations, searchDevices, searchSessions } from './methods/listSearch';

export class TeltonikaRms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Teltonika RMS',
		name: 'teltonikaRms',
		icon: { light: 'file:teltonikaRms.svg', dark: 'file:teltonikaRms.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create RMS Connect links to services behind Teltonika routers, and list or close sessions',
		defaults: { name: 'Teltonika RMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: RMS_CREDENTIALS,
		properties: [
			authenticationField,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Connect Session', value: 'connectSession' },
					{ name: 'Device', value: 'device' },
					{ name: 'Remote Access', value: 'remoteAccess' },
				],
				default: 'connectSession',
			},
			...device.description,
			...remoteAccess.description,
			...connectSession.description,
		],
	};

	methods = { listSearch: { searchDevices, searchConfigurations, searchSessions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
