import type { IDataObject } from 'n8n-workflow';
import { boundaryOf, parseMultipart } from './multipart';

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
export const MULTIPART_TYPE = 'multipart/form-data';
/** More fields than this is not an outbound event (the appliance sends a few dozen at most). */
export const MAX_FIELDS = 500;

/**
 * Fields this node adds to the item (and fields earlier versions added). A sender field with one
 * of these names is moved under `reserved_fields`, so what the node states cannot be forged.
 */
export const NODE_FIELDS = [
	'timestamp_unix',
	'timestamp_iso',
	'session_details',
	'session_details_error',
	'reserved_fields',
] as const;

/** What n8n hands the node: the request with its body already parsed (querystring for forms). */
export interface IncomingRequest {
	headers: Record<string, unknown>;
	body?: unknown;
	rawBody?: unknown;
}

export type ParsedEvent = { ok: true; fields: IDataObject } | { ok: false; problem: string };
type Form = { ok: true; form?: Record<string, unknown> } | { ok: false; problem: string };

function contentTypeOf(headers: Record<string, unknown>): string {
	const value = headers['content-type'];
	return String(Array.isArray(value) ? value[0] : (value ?? ''));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

const rawText = (raw: unknown) => (Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw));

/** Form encoding: n8n's parsed body, or the raw body when n8n left it unparsed. */
function urlencodedForm(req: IncomingRequest): Form {
	if (isObject(req.body) && Object.keys(req.body).length > 0) return { ok: true, form: req.body };
	if (req.rawBody === undefined || req.rawBody === null) return { ok: true };
	const out: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(rawText(req.rawBody))) {
		const before = out[key];
		out[key] =
			before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
	}
	return { ok: true, form: out };
}

/**
 * Multipart: n8n 1.x and 2.x parse it themselves into `{ data, files }` (fields in `data`);
 * a body n8n left raw is read here. Files are not fields of an event and are left out.
 */
function multipartForm(req: IncomingRequest, contentType: string): Form {
	if (isObject(req.body) && isObject(req.body.data)) return { ok: true, form: req.body.data };
	if (req.rawBody === undefined || req.rawBody === null) return { ok: true };
	const boundary = boundaryOf(contentType);
	if (!boundary) return { ok: false, problem: 'the multipart content type has no boundary' };
	const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(rawText(req.rawBody));
	const parsed = parseMultipart(raw, boundary);
	return parsed.ok ? { ok: true, form: parsed.fields } : parsed;
}

function readForm(req: IncomingRequest): Form {
	const contentType = contentTypeOf(req.headers);
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === FORM_TYPE) return urlencodedForm(req);
	if (type === MULTIPART_TYPE) return multipartForm(req, contentType);
	return {
		ok: false,
		problem: `expected a BeyondTrust outbound event (${FORM_TYPE} or ${MULTIPART_TYPE}), got ${type || 'no content type'}`,
	};
}

/**
 * Reads one outbound event: form-encoded or multipart, with `event`, `version` and `timestamp` (Unix seconds)
 * as single values (docs/vendor-behaviour.md, BeyondTrust: outbound events). Every other field is
 * kept as sent, under the name BeyondTrust gave it.
 */
export function parseEvent(req: IncomingRequest): ParsedEvent {
	const read = readForm(req);
	if (!read.ok) return read;
	const form = read.form;
	if (!form || Object.keys(form).length === 0)
		return { ok: false, problem: 'the request has no form fields' };
	if (Object.keys(form).length > MAX_FIELDS)
		return { ok: false, problem: `the form has more than ${MAX_FIELDS} fields` };
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

/** Fields that identify the event, first in every item (then the rest as sent). */
const LEADING_FIELDS = ['event', 'lsid', 'external_key'] as const;

/**
 * The output item: `event`, `lsid` and `external_key` first, then `timestamp` as ISO 8601 UTC
 * with `timestamp_unix` (seconds, as sent), then every other field as sent. Sender fields named
 * like a node field go under `reserved_fields` instead.
 */
export function eventItem(fields: IDataObject): IDataObject {
	const seconds = Number(fields.timestamp);
	const item: IDataObject = {};
	for (const key of LEADING_FIELDS) if (fields[key] !== undefined) item[key] = fields[key];
	item.timestamp = new Date(seconds * 1000).toISOString();
	item.timestamp_unix = seconds;
	const reserved: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'timestamp' || (LEADING_FIELDS as readonly string[]).includes(key)) continue;
		if ((NODE_FIELDS as readonly string[]).includes(key)) reserved[key] = value;
		else item[key] = value;
	}
	if (Object.keys(reserved).length > 0) item.reserved_fields = reserved;
	return item;
}
