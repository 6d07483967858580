import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { normalizeSessionKey } from '../../helpers/normalize';
import { customAttributeParams, HOSTNAME, readId } from '../../helpers/validation';
import { invalidInput } from '../../../shared/validation';
import type { BtClient } from '../../transport/request';
import { representativeLocator, teamLocator } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const MAX_TTL = 365 * 24 * 3600;

const properties: INodeProperties[] = [
	{
		displayName: 'Queue',
		name: 'queueType',
		type: 'options',
		default: 'general',
		description: 'Where the customer waits once they open the link',
		options: [
			{ name: 'General Queue', value: 'general' },
			{ name: 'Issue', value: 'issue', description: 'The queue of an issue (by its code name)' },
			{
				name: 'Representative',
				value: 'rep',
				description: 'A representative chosen from the list or by ID',
			},
			{
				name: 'Representative Username',
				value: 'repUsername',
				description: 'Fails unless exactly one user has this username',
			},
			{ name: 'Team', value: 'team', description: 'A support team chosen from the list or by ID' },
		],
	},
	{ ...teamLocator, displayOptions: { show: { queueType: ['team'] } } },
	{ ...representativeLocator, displayOptions: { show: { queueType: ['rep'] } } },
	{
		displayName: 'Representative Username',
		name: 'repUsername',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { queueType: ['repUsername'] } },
	},
	{
		displayName: 'Issue Code Name',
		name: 'issueCodeName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. printer_problem',
		displayOptions: { show: { queueType: ['issue'] } },
	},
	{
		displayName: 'Ticket ID (External Key)',
		name: 'externalKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. INC0012345',
		description:
			'Stored on the session as its external key, so reports and outbound events can be matched to the ticket. Sent as session.custom.external_key. Up to 1024 characters.',
	},
	{
		displayName: 'Time to Live (Seconds)',
		name: 'ttl',
		type: 'number',
		default: 3600,
		typeOptions: { minValue: 0, maxValue: MAX_TTL },
		description: "How long the link stays valid. 0 uses the site's default.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					'Session custom fields, by the code name configured in /login → Management → API Configuration → Custom Fields',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Code Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Public Site Hostname',
				name: 'urlHostname',
				type: 'string',
				default: '',
				placeholder: 'e.g. help.example.com',
				description:
					'Which public site hostname goes into the link (sites with several public portals). Sent as url_hostname.',
			},
			{
				displayName: 'Extra Parameters',
				name: 'extraParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					'More generate_session_key parameters your site supports (e.g. priority or skills), sent as you enter them',
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	},
];

export const description = operationFields('sessionKey', 'generate', properties);

function queueId(ctx: IExecuteFunctions, i: number): string {
	const node = ctx.getNode();
	const queueType = ctx.getNodeParameter('queueType', i) as string;
	switch (queueType) {
		case 'general':
			return 'general';
		case 'team':
			return `team:${readId(ctx, 'team', 'Team', i)}`;
		case 'rep':
			return `rep:${readId(ctx, 'representative', 'Representative', i)}`;
		case 'repUsername': {
			const username = String(ctx.getNodeParameter('repUsername', i, '') ?? '').trim();
			if (!username) throw invalidInput(node, i, 'Representative Username', 'is empty');
			return `rep_username:${username}`;
		}
		case 'issue': {
			const code = String(ctx.getNodeParameter('issueCodeName', i, '') ?? '').trim();
			if (!code) throw invalidInput(node, i, 'Issue Code Name', 'is empty');
			return `issue:${code}`;
		}
		default:
			throw invalidInput(node, i, 'Queue', `"${queueType}" is not a known queue`);
	}
}

/** Builds and checks every parameter before anything is sent. */
export function buildParameters(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const qs: IDataObject = {
		action: 'generate_session_key',
		type: 'support',
		queue_id: queueId(ctx, i),
	};

	const ttl = Number(ctx.getNodeParameter('ttl', i, 0));
	if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL)
		throw invalidInput(
			node,
			i,
			'Time to Live (Seconds)',
			`must be a whole number from 0 to ${MAX_TTL}`,
		);
	if (ttl > 0) qs.ttl = ttl;

	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	Object.assign(
		qs,
		customAttributeParams(ctx, i, {
			externalKey: String(ctx.getNodeParameter('externalKey', i, '') ?? '').trim(),
			fields: ((extra.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[],
			externalKeyLabel: 'Ticket ID (External Key)',
			listLabel: 'Custom Fields',
		}),
	);

	const hostname = String(extra.urlHostname ?? '').trim();
	if (hostname) {
		if (!HOSTNAME.test(hostname))
			throw invalidInput(
				node,
				i,
				'Public Site Hostname',
				`"${hostname}" is not a hostname (no https://, no path)`,
			);
		qs.url_hostname = hostname;
	}

	const params = ((extra.extraParameters as IDataObject | undefined)?.parameter ??
		[]) as IDataObject[];
	for (const param of params) {
		const name = String(param.name ?? '').trim();
		if (!/^[A-Za-z0-9_.]{1,64}$/.test(name) || name in qs)
			throw invalidInput(node, i, 'Extra Parameters → Name', `"${name}" is not allowed`);
		qs[name] = String(param.value ?? '');
	}
	return qs;
}

export const execute: Execute<BtClient> = async function (client, i) {
	const qs = buildParameters(this, i);
	const answer = await client.call({
		api: 'command',
		qs,
		action: 'generate a session key',
		permission: 'Command API: Full Access',
		// Not idempotent: a repeat would hand out a second key for the same ticket.
		retry: 'rejectedOnly',
		itemIndex: i,
		emptyIsError: true,
	});
	return answer.empty ? [] : [{ json: normalizeSessionKey(answer.doc.body) }];
};
