import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { invalidInput } from '../../shared/validation';

/** Reads a resource locator's value (or a plain string) as a positive integer id. */
export function readId(ctx: IExecuteFunctions, name: string, label: string, i: number): number {
	const raw = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0)
		throw invalidInput(ctx.getNode(), i, label, `must be a positive whole number, got "${text}"`);
	return Number(text);
}

export const LSID = /^[0-9a-f]{32}$/i;
export const CUSTOM_FIELD_NAME = /^[A-Za-z0-9_]{1,64}$/;
export const HOSTNAME =
	/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** The session ID (LSID) of the current item: 32 hex characters. */
export function readLsid(ctx: IExecuteFunctions, i: number): string {
	const lsid = String(ctx.getNodeParameter('lsid', i, '', { extractValue: true }) ?? '').trim();
	if (!LSID.test(lsid))
		throw invalidInput(
			ctx.getNode(),
			i,
			'Session ID (LSID)',
			`"${lsid}" is not a 32-character session ID`,
		);
	return lsid;
}

/** Per value and in all, external key included (docs/vendor-behaviour.md, BeyondTrust: set_session_attributes). */
export const MAX_ATTRIBUTE_CHARS = 1024;
export const MAX_ATTRIBUTES_TOTAL = 10_240;

export interface CustomAttributeInput {
	externalKey: string;
	fields: IDataObject[];
	/** Field names as the user sees them, e.g. "Ticket ID (External Key)" and "Custom Fields". */
	externalKeyLabel: string;
	listLabel: string;
	/** At most this many custom fields in one call (none when undefined). */
	maxFields?: number;
}

/**
 * Checks an external key and custom fields and turns them into `session.custom.<code name>`
 * parameters, as generate_session_key and set_session_attributes both take them.
 */
export function customAttributeParams(
	ctx: IExecuteFunctions,
	i: number,
	input: CustomAttributeInput,
): IDataObject {
	const node = ctx.getNode();
	const { externalKey, fields, externalKeyLabel, listLabel, maxFields } = input;
	const qs: IDataObject = {};
	if (externalKey.length > MAX_ATTRIBUTE_CHARS)
		throw invalidInput(
			node,
			i,
			externalKeyLabel,
			`is longer than ${MAX_ATTRIBUTE_CHARS} characters`,
		);
	if (externalKey) qs['session.custom.external_key'] = externalKey;
	if (maxFields !== undefined && fields.length > maxFields)
		throw invalidInput(
			node,
			i,
			listLabel,
			`hold ${fields.length} entries; at most ${maxFields} at once`,
		);
	let total = externalKey.length;
	for (const field of fields) {
		const name = String(field.name ?? '').trim();
		const value = String(field.value ?? '');
		if (!CUSTOM_FIELD_NAME.test(name))
			throw invalidInput(
				node,
				i,
				`${listLabel} → Code Name`,
				`"${name}" must be letters, digits or _`,
			);
		if (name === 'external_key')
			throw invalidInput(
				node,
				i,
				`${listLabel} → Code Name`,
				`external_key is set by "${externalKeyLabel}"`,
			);
		if (`session.custom.${name}` in qs)
			throw invalidInput(node, i, `${listLabel} → Code Name`, `"${name}" appears twice`);
		if (value.length > MAX_ATTRIBUTE_CHARS)
			throw invalidInput(
				node,
				i,
				`${listLabel} → ${name}`,
				`is longer than ${MAX_ATTRIBUTE_CHARS} characters`,
			);
		total += value.length;
		qs[`session.custom.${name}`] = value;
	}
	if (total > MAX_ATTRIBUTES_TOTAL)
		throw invalidInput(
			node,
			i,
			listLabel,
			`hold ${total} characters; BeyondTrust accepts 10 KB in all`,
		);
	return qs;
}

/** At most this many sessions in one SupportSession call: the node's own bound on the URL length. */
export const MAX_LSIDS_PER_CALL = 100;

/**
 * The session IDs of the current item: one LSID, a comma-separated list or an array (from an
 * expression). Each must be 32 hex characters; repeats are dropped, order is kept.
 */
export function readLsids(ctx: IExecuteFunctions, i: number): string[] {
	const raw = ctx.getNodeParameter('lsid', i, '', { extractValue: true }) as unknown;
	const listed = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((part) => String(part ?? '').trim())
		.filter((part) => part !== '');
	const parts = listed.length ? listed : [''];
	const field = 'Session ID (LSID)';
	const bad = parts.find((part) => !LSID.test(part));
	if (bad !== undefined)
		throw invalidInput(ctx.getNode(), i, field, `"${bad}" is not a 32-character session ID`);
	const unique = [...new Set(parts)];
	if (unique.length > MAX_LSIDS_PER_CALL)
		throw invalidInput(
			ctx.getNode(),
			i,
			field,
			`holds ${unique.length} session IDs; at most ${MAX_LSIDS_PER_CALL} at once`,
		);
	return unique;
}
