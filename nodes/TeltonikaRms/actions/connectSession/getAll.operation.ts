import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { readDeviceRef, resolveDeviceId } from '../../helpers/device';
import { contextOf, normalizeSession, UNKNOWN_CONTEXT } from '../../helpers/normalize';
import type { SessionContext } from '../../helpers/normalize';
import { readAccessId } from '../../helpers/ids';
import { readPolicy } from '../../helpers/policy';
import { listRemoteAccess } from '../../helpers/remoteAccess';
import { readLimit } from '../../../shared/params';
import { requestAllItems } from '../../transport/pagination';
import type { RmsClient } from '../../transport/request';
import { accessIdField, deviceLocator, returnAllAndLimit } from '../common.descriptions';
import { pathSegment } from '../../../shared/url';
import { sessionsFromLogs, sourceField } from './sessionsFromLogs';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		options: [
			{
				name: 'One Access ID',
				value: 'accessId',
				description: 'Sessions of one remote access configuration',
			},
			{
				name: 'One Device',
				value: 'device',
				description: 'Sessions of every configuration on one router',
			},
			{
				name: 'Whole Account',
				value: 'account',
				description:
					'Sessions of every configuration the token can see (one request per configuration)',
			},
		],
	},
	{ ...accessIdField, displayOptions: { show: { scope: ['accessId'] } } },
	{ ...deviceLocator, displayOptions: { show: { scope: ['device'] } } },
	sourceField,
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out sessions that have already ended',
	},
	...returnAllAndLimit(),
];

export const description = operationFields('connectSession', 'getAll', properties);

async function sessionsOf(
	client: RmsClient,
	context: SessionContext,
	activeOnly: boolean,
	i: number,
	max: number,
) {
	const accessId = Number(context.access_id);
	const sessions = await requestAllItems(
		client,
		{
			path: `/devices/connect/${pathSegment(accessId, 'Access ID')}/sessions`,
			qs: activeOnly ? { active: 'true' } : {},
			action: `list sessions of access ID ${accessId}`,
			scope: 'device_remote_access:read',
			itemIndex: i,
		},
		max,
	);
	const normalized = sessions.map((s) => normalizeSession(s, context));
	// The API has returned ended sessions despite the filter; the end time is the truth.
	return activeOnly ? normalized.filter((s) => s.active === true) : normalized;
}

export const execute: Execute<RmsClient> = async function (client, i) {
	const scope = this.getNodeParameter('scope', i) as string;
	const activeOnly = this.getNodeParameter('activeOnly', i) as boolean;
	const limit = readLimit(this, i);

	let results: IDataObject[] = [];
	if (scope === 'accessId') {
		const context = { ...UNKNOWN_CONTEXT, access_id: readAccessId(this, i) };
		results = await sessionsOf(client, context, activeOnly, i, limit);
	} else if (scope === 'account' && this.getNodeParameter('source', i, '') === 'connectLogs') {
		results = await sessionsFromLogs(client, activeOnly, i, limit);
	} else {
		const ref = scope === 'device' ? readDeviceRef(this, i) : undefined;
		const deviceId = ref ? await resolveDeviceId(client, ref, i) : undefined;
		for (const config of await listRemoteAccess(client, deviceId, i)) {
			if (results.length >= limit) break;
			const context = contextOf(config);
			results.push(...(await sessionsOf(client, context, activeOnly, i, limit - results.length)));
		}
	}
	// As an AI agent's tool (type ending in Tool), the live links of other people's sessions stay
	// out of the answer unless the credential's policy shows them.
	const asTool = this.getNode().type.endsWith('Tool');
	const hideLinks = asTool && !(await readPolicy(this, i)).showLinksToTools;
	return results.slice(0, limit).map((json) => ({ json: hideLinks ? withoutLink(json) : json }));
};

function withoutLink(session: IDataObject): IDataObject {
	const rest: IDataObject = { ...session, link_withheld: true };
	delete rest.link;
	return rest;
}
