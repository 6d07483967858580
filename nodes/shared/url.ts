/**
 * URL rules every request of the package follows: `https://` unless the host is loopback or the
 * credential allows insecure HTTP, host names without userinfo in messages, and path segments
 * that cannot climb out of the path they are put in.
 */

/** `https://user:pw@h:1/x` → `h:1`: never show userinfo. */
export function hostOf(url: string): string {
	const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(String(url));
	if (!match) return String(url);
	const authority = match[1];
	return authority.slice(authority.lastIndexOf('@') + 1);
}

export function trimSlash(url: unknown): string {
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** scheme://host:port, with the default port made explicit, so two URLs compare as origins. */
export function originOf(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
		return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${port}`;
	} catch {
		return undefined;
	}
}

/** `host:port` of a URL, for messages. */
export function hostPortOf(url: string): string {
	try {
		const parsed = new URL(url);
		const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
		return `${parsed.hostname}:${port}`;
	} catch {
		return hostOf(url);
	}
}

export function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface UrlGuard {
	/** The credential field the URL comes from, named in the message, e.g. "Base URL". */
	field: string;
	allowInsecureHttp?: boolean;
}

/** Thrown before any request when a URL breaks a rule; its message is safe to show. */
export class UnsafeRequestError extends Error {
	readonly isUnsafeRequest = true;

	constructor(message: string) {
		super(message);
		this.name = 'UnsafeRequestError';
	}
}

/** Refuses anything but https (loopback and an explicit credential toggle excepted). */
export function assertSecureUrl(url: string, guard: UrlGuard): void {
	const parsed = URL.canParse(url) ? new URL(url) : undefined;
	if (!parsed)
		throw new UnsafeRequestError(
			`The ${guard.field} in the credential is not a valid URL; it must start with https://`,
		);
	if (parsed.protocol === 'https:') return;
	if (parsed.protocol === 'http:' && (isLoopback(parsed.hostname) || guard.allowInsecureHttp))
		return;
	throw new UnsafeRequestError(
		`The ${guard.field} in the credential must start with https:// (got ${parsed.protocol}// for ${hostOf(url)}). Secrets would travel in clear; turn on "Allow Insecure HTTP" in the credential only if you accept that.`,
	);
}

/** One path segment from input or a response: encoded, and never `.` or `..`. */
export function pathSegment(value: unknown, field: string): string {
	const text = String(value ?? '').trim();
	if (!text || text === '.' || text === '..') {
		throw new UnsafeRequestError(`The ${field} "${text}" cannot be used in a URL`);
	}
	return encodeURIComponent(text);
}
