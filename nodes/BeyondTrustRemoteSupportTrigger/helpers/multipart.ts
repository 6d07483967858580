/**
 * A `multipart/form-data` body read by hand (no dependency), for a request n8n handed over
 * unparsed. Only text fields count; a part with a file name is skipped (an event has none).
 * Hostile input is refused instead of worked through: limits on size, parts and names.
 */
export const MULTIPART_LIMITS = { bodyBytes: 1024 * 1024, parts: 500, headerBytes: 2048 };

export type MultipartResult =
	| { ok: true; fields: Record<string, string | string[]> }
	| { ok: false; problem: string };

/** The boundary parameter of a multipart content type (RFC 2046: 1 to 70 characters). */
export function boundaryOf(contentType: string): string | undefined {
	const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

function dispositionName(headers: string): { name?: string; file: boolean } {
	const line = headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h)) ?? '';
	if (!/^content-disposition\s*:\s*form-data\s*(;|$)/i.test(line)) return { file: false };
	const name = /;\s*name="([^"]{1,100})"/i.exec(line)?.[1];
	return { name, file: /;\s*filename\*?=/i.test(line) };
}

function add(fields: Record<string, string | string[]>, name: string, value: string) {
	const before = fields[name];
	fields[name] =
		before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
	if (body.length > MULTIPART_LIMITS.bodyBytes)
		return { ok: false, problem: `the form is larger than ${MULTIPART_LIMITS.bodyBytes} bytes` };
	const text = body.toString('latin1');
	const delimiter = `--${boundary}`;
	let at = text.indexOf(delimiter);
	if (at !== 0 && !text.startsWith(`\r\n${delimiter}`))
		return { ok: false, problem: 'the multipart body does not start with its boundary' };
	const fields: Record<string, string | string[]> = Object.create(null);
	for (let count = 0; ; count++) {
		at += delimiter.length;
		if (text.startsWith('--', at)) return { ok: true, fields };
		if (count >= MULTIPART_LIMITS.parts)
			return { ok: false, problem: `the form has more than ${MULTIPART_LIMITS.parts} parts` };
		if (!text.startsWith('\r\n', at))
			return { ok: false, problem: 'a multipart part is malformed' };
		const headersEnd = text.indexOf('\r\n\r\n', at + 2);
		if (headersEnd < 0 || headersEnd - at > MULTIPART_LIMITS.headerBytes)
			return { ok: false, problem: 'a multipart part has no (or too long) headers' };
		const next = text.indexOf(`\r\n${delimiter}`, headersEnd + 4);
		if (next < 0) return { ok: false, problem: 'the multipart body has no closing boundary' };
		const { name, file } = dispositionName(text.slice(at + 2, headersEnd));
		if (!name && !file) return { ok: false, problem: 'a multipart part has no field name' };
		if (name && !file)
			add(fields, name, Buffer.from(text.slice(headersEnd + 4, next), 'latin1').toString('utf8'));
		at = next + 2;
	}
}
