import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { lsidField } from '../common.descriptions';
import { customAttributeParams, MAX_ATTRIBUTE_CHARS, readLsid } from '../../helpers/validation';
import { invalidInput } from '../../../shared/validation';
import type { BtClient } from '../../transport/request';
import { text } from '../../transport/xml';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

/** Documented for the v2 endpoint; the node keeps to it for the XML command too. */
const MAX_ATTRIBUTES_PER_CALL = 30;

const properties: INodeProperties[] = [
	lsidField('The 32-character ID of a running session (ended sessions cannot be changed)'),
	{
		displayName: 'Ticket ID (External Key)',
		name: 'externalKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. INC0012345',
		description: `Written to the session as its external key (session.custom.external_key), up to ${MAX_ATTRIBUTE_CHARS} characters. Empty leaves the current value as it is.`,
	},
	{
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description: `Session custom fields by the code name configured in /login → Management → API Configuration. Up to ${MAX_ATTRIBUTE_CHARS} characters each, 10 KB in all with the external key, ${MAX_ATTRIBUTES_PER_CALL} at once. An empty value clears the field; fields not listed keep their values.`,
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Code Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. ticket_priority',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export const description = operationFields('session', 'setAttributes', properties);

/** Checks every value before anything is sent (docs/vendor-behaviour.md, BeyondTrust: set_session_attributes). */
export function buildParameters(ctx: IExecuteFunctions, i: number): IDataObject {
	const lsid = readLsid(ctx, i);
	const collection = ctx.getNodeParameter('customAttributes', i, {}) as IDataObject;
	const attributes = customAttributeParams(ctx, i, {
		externalKey: String(ctx.getNodeParameter('externalKey', i, '') ?? '').trim(),
		fields: (collection.attribute ?? []) as IDataObject[],
		externalKeyLabel: 'Ticket ID (External Key)',
		listLabel: 'Custom Attributes',
		maxFields: MAX_ATTRIBUTES_PER_CALL,
	});
	if (Object.keys(attributes).length === 0)
		throw invalidInput(
			ctx.getNode(),
			i,
			'Ticket ID (External Key)',
			'is empty and no custom attribute is given: there is nothing to set',
		);
	return { action: 'set_session_attributes', lsid, ...attributes };
}

export const execute: Execute<BtClient> = async function (client, i) {
	const qs = buildParameters(this, i);
	const answer = await client.call({
		api: 'command',
		qs,
		action: 'set the session attributes',
		permission: 'Command API: Full Access',
		// Setting the same values again leaves the session as it is, so failures are retried like reads.
		retry: 'safe',
		itemIndex: i,
		emptyIsError: true,
	});
	const custom: IDataObject = {};
	for (const [key, value] of Object.entries(qs))
		if (key.startsWith('session.custom.') && key !== 'session.custom.external_key')
			custom[key.slice('session.custom.'.length)] = value;
	const externalKey = qs['session.custom.external_key'];
	return [
		{
			json: {
				lsid: qs.lsid,
				success: true,
				message: answer.empty ? answer.message : text(answer.doc.body) || answer.doc.root,
				...(externalKey === undefined ? {} : { external_key: externalKey }),
				custom_attributes: custom,
			},
		},
	];
};
