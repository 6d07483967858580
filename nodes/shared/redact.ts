/** Replaces every secret value in use wherever it appears in a text the package shows. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** A text that ends with this much of a secret (a server cut its echo) counts as showing it. */
const MIN_TRAILING_PREFIX = 6;

const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/** JSON string escaping as PHP writes it by default: `\/` and `\uXXXX` for anything not ASCII. */
function phpJson(value: string): string {
	return JSON.stringify(value)
		.slice(1, -1)
		.replace(/\//g, '\\/')
		.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function htmlEscaped(value: string, apostrophe: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, apostrophe);
}

/**
 * The shapes a server may echo a secret in: as sent, JSON-escaped (once or twice, as a text that
 * quotes a JSON body does), URL- and form-encoded (either hex case), HTML-escaped and base64.
 */
export function secretForms(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const uri = encodeURIComponent(secret);
	const form = new URLSearchParams({ v: secret }).toString().slice(2);
	const base64 = Buffer.from(secret).toString('base64');
	const forms = [
		secret,
		json,
		JSON.stringify(json).slice(1, -1),
		phpJson(secret),
		uri,
		lowerHex(uri),
		uri.replace(/%20/g, '+'),
		form,
		lowerHex(form),
		htmlEscaped(secret, '&#39;'),
		htmlEscaped(secret, '&#x27;'),
		base64,
		base64.replace(/=+$/, ''),
		base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
	];
	return [...new Set(forms)];
}

/** Every form of every secret long enough to look for, longest first. */
function formsOf(secrets: Iterable<string>): string[] {
	const values = [...new Set(secrets)].filter(
		(s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH,
	);
	const forms = [...new Set(values.flatMap(secretForms))];
	// Longest first, so a secret (or form) that contains another is replaced whole.
	return forms.sort((a, b) => b.length - a.length);
}

/** A text whose end is the start of a secret (the server cut its own echo) loses that end. */
function withoutTrailingPrefix(text: string, forms: string[]): string {
	for (const form of forms) {
		const head = form.slice(0, MIN_TRAILING_PREFIX);
		const from = Math.max(0, text.length - form.length + 1);
		for (let at = text.indexOf(head, from); at !== -1; at = text.indexOf(head, at + 1)) {
			if (form.startsWith(text.slice(at))) return `${text.slice(0, at)}${REDACTED}`;
		}
	}
	return text;
}

function replaceAll(text: string, forms: string[]): string {
	let out = text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`);
	for (const form of forms) out = out.split(form).join(REDACTED);
	return out;
}

export function redact(text: string, secrets: Iterable<string>): string {
	const forms = formsOf(secrets);
	return withoutTrailingPrefix(replaceAll(text, forms), forms);
}

/** Where a text is cut: never inside a surrogate pair or a `[redacted]` mark. */
function cutAt(text: string, max: number): string {
	let out = text.slice(0, max);
	if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
	for (let n = Math.min(REDACTED.length - 1, out.length); n > 0; n--) {
		if (out.endsWith(REDACTED.slice(0, n))) return out.slice(0, -n);
	}
	return out;
}

/**
 * The one way a server's text is shortened for a message: secrets are replaced first, then the
 * text is cut, so no part of a secret can stand at the cut. Only the start of a long text is
 * searched (enough of it that the cut lies well inside what was searched).
 */
export function redactAndCut(text: string, secrets: Iterable<string>, max: number): string {
	const forms = formsOf(secrets);
	const margin = (forms[0]?.length ?? 0) + REDACTED.length;
	let searched = Math.max(4096, (max + margin) * 4);
	for (;;) {
		const part = text.length > searched ? text.slice(0, searched) : text;
		let out = replaceAll(part, forms);
		// The last `margin` characters may hold a secret cut by the search window: not shown.
		if (part.length < text.length && out.length < max + margin) {
			searched *= 4;
			continue;
		}
		if (out.length <= max) return withoutTrailingPrefix(out, forms);
		out = cutAt(out, max);
		return `${withoutTrailingPrefix(out, forms)}…`;
	}
}

/** The value of an HTTP Basic header for these credentials (servers may echo it). */
export function basicValue(user: string, password: string): string {
	return Buffer.from(`${user}:${password}`).toString('base64');
}

/** Secret values of a client-credentials pair, in every shape a server may echo them. */
export function clientSecrets(clientId: unknown, clientSecret: unknown): string[] {
	const id = String(clientId ?? '');
	const secret = String(clientSecret ?? '');
	return secret ? [secret, basicValue(id, secret)] : [];
}
