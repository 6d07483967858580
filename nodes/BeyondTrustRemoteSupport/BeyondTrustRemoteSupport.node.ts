import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as representative from './actions/representative';
import { optionsCollection } from './actions/common.descriptions';
import { router } from './actions/router';
import * as session from './actions/session';
import * as sessionKey from './actions/sessionKey';
import * as team from './actions/team';
import { searchRepresentatives, searchSessions, searchTeams } from './methods/listSearch';

export class BeyondTrustRemoteSupport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BeyondTrust Remote Support',
		name: 'beyondTrustRemoteSupport',
		icon: { light: 'file:beyondTrust.svg', dark: 'file:beyondTrust.dark.svg' },
		group: ['transform'],
		version: 1,
		// The chosen action as the actions panel shows it (test/beyondtrust/description.test.js checks the list).
		subtitle:
			'={{ ({"sessionKey:generate": "Generate a session key", "session:get": "Get a support session", "session:getAttributes": "Get the attributes of a support session", "session:getAll": "Get many support sessions", "session:setAttributes": "Set the attributes of a support session", "session:terminate": "Terminate a support session", "representative:getAll": "Get many logged in representatives", "team:getAll": "Get many support teams"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Generate BeyondTrust support invitations for tickets, and list or end support sessions',
		defaults: { name: 'BeyondTrust Remote Support' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'beyondTrustRemoteSupportOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Representative', value: 'representative' },
					{ name: 'Session', value: 'session' },
					{ name: 'Session Key', value: 'sessionKey' },
					{ name: 'Team', value: 'team' },
				],
				default: 'sessionKey',
			},
			...sessionKey.description,
			...session.description,
			...representative.description,
			...team.description,
			optionsCollection,
		],
	};

	methods = { listSearch: { searchTeams, searchRepresentatives, searchSessions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
