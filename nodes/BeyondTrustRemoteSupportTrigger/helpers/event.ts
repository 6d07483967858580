import type { IDataObject } from 'n8n-workflow';

/** The outbound events this trigger offers (docs/vendor-behaviour.md, BeyondTrust: outbound event names). */
export const EVENT_NAMES = [
	'support_conference_begin',
	'support_conference_end',
	'support_conference_member_added',
	'support_conference_member_departed',
	'support_conference_owner_changed',
	'support_conference_customer_exit_survey_completed',
	'support_conference_rep_exit_survey_completed',
] as const;

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/** What n8n hands the node: the request with its body already parsed (querystring for forms). */
export interface IncomingRequest {
	headers: Record<string, unknown>;
	body?: unknown;
	rawBody?: unknown;
}

export type ParsedEvent = { ok: true; fields: IDataObject } | { ok: false; problem: string };

function mediaType(headers: Record<string, unknown>): string {
	const value = headers['content-type'];
	return String(Array.isArray(value) ? value[0] : (value ?? ''))
		.split(';')[0]
		.trim()
		.toLowerCase();
}

/** The form fields: n8n's parsed body, or the raw body when n8n left it unparsed. */
function formFields(req: IncomingRequest): Record<string, unknown> | undefined {
	if (req.body && typeof req.body === 'object' && Object.keys(req.body).length > 0)
		return req.body as Record<string, unknown>;
	if (req.rawBody === undefined || req.rawBody === null) return undefined;
	const text = Buffer.isBuffer(req.rawBody) ? req.rawBody.toString('utf8') : String(req.rawBody);
	const out: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const before = out[key];
		out[key] =
			before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
	}
	return out;
}

/**
 * Reads one outbound event: form-encoded, with `event`, `version` and `timestamp` (Unix seconds)
 * as single values (docs/vendor-behaviour.md, BeyondTrust: outbound events). Every other field is
 * kept as sent, under the name BeyondTrust gave it.
 */
export function parseEvent(req: IncomingRequest): ParsedEvent {
	const type = mediaType(req.headers);
	if (type !== FORM_TYPE)
		return {
			ok: false,
			problem: `expected a form-encoded BeyondTrust outbound event (${FORM_TYPE}), got ${type || 'no content type'}`,
		};
	const form = formFields(req);
	if (!form) return { ok: false, problem: 'the request has no form fields' };
	for (const name of ['event', 'version', 'timestamp']) {
		if (typeof form[name] !== 'string' || form[name] === '')
			return { ok: false, problem: `the form has no single "${name}" field` };
	}
	if (!/^[a-z0-9_]{1,100}$/.test(form.event as string))
		return { ok: false, problem: 'the "event" field is not an event name' };
	if (!/^\d{1,12}$/.test(form.timestamp as string))
		return { ok: false, problem: 'the "timestamp" field is not a Unix time in seconds' };
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(form)) {
		// A field named __proto__ would set the item's prototype instead of a property.
		if (key === '__proto__') continue;
		fields[key] = Array.isArray(value) ? value.map(String) : String(value ?? '');
	}
	return { ok: true, fields };
}

/** The output item's fields: as sent, `timestamp` as a number, plus `timestamp_iso`. */
export function eventItem(fields: IDataObject): IDataObject {
	const seconds = Number(fields.timestamp);
	return { ...fields, timestamp: seconds, timestamp_iso: new Date(seconds * 1000).toISOString() };
}
