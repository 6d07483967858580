import type { IDataObject } from 'n8n-workflow';
import { parseXml } from '../vendor/xml';

/**
 * BeyondTrust Command and Reporting API answers, read namespace-agnostically.
 * Repeatable elements are always arrays (see vendor/xml.ts); `#text` holds text next to attributes.
 */

export type XmlNode = IDataObject;

export interface XmlDocument {
	/** Local name of the root element, e.g. `session_key`, `session_list`, `error`. */
	root: string;
	body: XmlNode;
}

export type XmlOutcome =
	| { kind: 'ok'; doc: XmlDocument }
	| { kind: 'empty'; message: string }
	| { kind: 'denied'; message: string }
	| { kind: 'error'; message: string }
	| { kind: 'malformed'; reason?: string };

/** The parsed document, or why it could not be parsed (never the parser's own message). */
function readXml(raw: string): Record<string, unknown> | string {
	try {
		return parseXml(raw) ?? 'the answer is not well-formed XML';
	} catch {
		return 'the parser gave up on it';
	}
}

/** Drops xmlns declarations left as attributes so documents of every version look alike. */
function stripNamespaces(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stripNamespaces);
	if (!value || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value as IDataObject)) {
		if (key === '@xmlns' || key.startsWith('@xmlns:')) continue;
		out[key] = stripNamespaces(inner) as IDataObject;
	}
	return out;
}

/** Text content of an element, whether it came out as a string or as { '#text', '@attr' }. */
export function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return text(value[0]);
	if (typeof value === 'object') return text((value as IDataObject)['#text']);
	return String(value).trim();
}

export function attr(value: unknown, name: string): string {
	const node = Array.isArray(value) ? value[0] : value;
	if (!node || typeof node !== 'object') return '';
	const found = (node as IDataObject)[`@${name}`];
	return found === undefined || found === null ? '' : String(found);
}

export function list(value: unknown): XmlNode[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]).map((v) =>
		typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': v },
	);
}

export function child(value: unknown, name: string): unknown {
	const node = Array.isArray(value) ? value[0] : value;
	if (!node || typeof node !== 'object') return undefined;
	return (node as IDataObject)[name];
}

// "No sessions found", "No archives found for the given search criteria.", "no results" ...
const NOTHING_FOUND =
	/\bno\b[\w\s]{0,40}\b(found|exist|available)\b|nothing (was )?found|no (results|data|records?)\b/i;
const ACCESS_DENIED =
	/access_denied|denied the request|invalid[_ ]token|token (is )?(expired|invalid|revoked)/i;

export function classifyErrorText(message: string): 'empty' | 'denied' | 'error' {
	if (ACCESS_DENIED.test(message)) return 'denied';
	if (NOTHING_FOUND.test(message)) return 'empty';
	return 'error';
}

function errorOutcome(message: string): XmlOutcome {
	const kind = classifyErrorText(message);
	return { kind, message: message || 'The API answered with an empty <error> element' };
}

/**
 * Reads one answer: a root `<error>`, or an `<error>` child inside the normal root (as
 * `<logged_in_reps>` may carry), is an error; "nothing found" errors are an empty result.
 * A JSON body (the OAuth layer answers `{"error":"access_denied"}`) is understood too.
 */
export function readAnswer(body: unknown): XmlOutcome {
	if (body && typeof body === 'object') {
		const json = body as IDataObject;
		if (typeof json.error === 'string')
			return errorOutcome([json.error, json.message].filter(Boolean).join(': '));
		return { kind: 'malformed' };
	}
	const raw = typeof body === 'string' ? body.trim() : '';
	if (!raw) return { kind: 'malformed' };
	if (raw.startsWith('{')) {
		try {
			return readAnswer(JSON.parse(raw));
		} catch {
			return { kind: 'malformed' };
		}
	}
	// Entities declared in a DOCTYPE could forge values or expand without bound: never parse one.
	if (/<!DOCTYPE/i.test(raw))
		return {
			kind: 'malformed',
			reason: 'the document has a DOCTYPE, which BeyondTrust never sends',
		};
	const parsed = readXml(raw);
	if (typeof parsed === 'string') return { kind: 'malformed', reason: parsed };
	const clean = stripNamespaces(parsed) as IDataObject;
	const root = Object.keys(clean).find((key) => !key.startsWith('@') && !key.startsWith('?'));
	if (!root) return { kind: 'malformed' };
	const rootValue = clean[root];
	const node: XmlNode = (Array.isArray(rootValue) ? rootValue[0] : rootValue) as XmlNode;
	if (root === 'error') return errorOutcome(text(node));
	const bodyNode: XmlNode = node && typeof node === 'object' ? node : { '#text': node };
	const childError = bodyNode.error;
	if (childError !== undefined)
		return errorOutcome(
			list(childError)
				.map((e) => text(e))
				.join('; '),
		);
	return { kind: 'ok', doc: { root, body: bodyNode } };
}
