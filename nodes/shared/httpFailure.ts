import { TOKEN_ERROR_PREFIX } from './tokenError';

/** What went wrong with one HTTP exchange, with nothing of the request (no headers, no token). */
export interface HttpFailure {
	status?: number;
	retryAfterSeconds?: number;
	body?: unknown;
	/** Network-level code such as ECONNRESET or ETIMEDOUT when no response arrived. */
	networkCode?: string;
	/** A client-credentials token could not be minted; the message is safe to show. */
	tokenMessage?: string;
	/** A 2xx answer whose body could not be read (cut off, not the expected format). */
	malformedBody?: boolean;
	/** Refused by the package's own rules (redirect to another host, http://, oversize body). */
	unsafeMessage?: string;
	/** n8n could not refresh an OAuth2 token: the authorization server refused the refresh token. */
	oauthMessage?: string;
}

interface ErrorLike {
	httpCode?: string;
	code?: string;
	message?: string;
	/** Earlier messages NodeApiError keeps when it swaps a raw one ("socket hang up") for its own. */
	messages?: unknown;
	isTokenMintError?: boolean;
	isUnsafeRequest?: boolean;
	/** n8n's OAuth2 client keeps the token endpoint's error body here (code EAUTH). */
	body?: { error?: unknown; error_description?: unknown };
	cause?: ErrorLike;
	/** NodeApiError keeps an object response body here (and drops the axios error itself). */
	context?: { data?: unknown };
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown; body?: unknown };
}

const NETWORK_CODES = [
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
];

export function parseRetryAfter(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Reads status, Retry-After and body from whatever n8n's HTTP helpers threw. */
export function readFailure(error: unknown): HttpFailure {
	const candidates: ErrorLike[] = [];
	for (let current = error as ErrorLike | undefined, depth = 0; current && depth < 5; depth++) {
		candidates.push(current);
		current = current.cause;
	}
	const unsafe = candidates.find((e) => e.isUnsafeRequest);
	if (unsafe) return { unsafeMessage: unsafe.message };
	// n8n wraps a failed preAuthentication in a NodeApiError that keeps only the message.
	const minting = candidates.find(
		(e) => e.isTokenMintError || (e.message ?? '').startsWith(TOKEN_ERROR_PREFIX),
	);
	if (minting) return { tokenMessage: minting.message };
	// A refused refresh: n8n's OAuth2 client throws an AuthError (code EAUTH, the server's error
	// body), which n8n wraps (httpCode EAUTH, the OAuth2 error's standard text) or, in n8n 2.x,
	// replaces with "… needs to be reconnected." for invalid_grant (docs/vendor-behaviour.md,
	// n8n: OAuth2 credentials, hidden URL expressions and refresh).
	const refused = candidates.find(
		(e) =>
			e.code === 'EAUTH' ||
			e.httpCode === 'EAUTH' ||
			/needs to be reconnected/.test(e.message ?? ''),
	);
	if (refused) return { oauthMessage: oauthRefusal(refused) };
	const withResponse = candidates.find((e) => e.response && typeof e.response === 'object');
	if (withResponse?.response) {
		const { status, headers, data, body } = withResponse.response;
		const retryAfter = headers?.['retry-after'] ?? headers?.['Retry-After'];
		return { status, retryAfterSeconds: parseRetryAfter(retryAfter), body: data ?? body };
	}
	const httpCode = Number(candidates.find((e) => e.httpCode)?.httpCode);
	if (Number.isFinite(httpCode) && httpCode > 0) {
		return {
			status: httpCode,
			body: candidates.find((e) => e.context?.data !== undefined)?.context?.data,
		};
	}
	// httpRequestWithAuthentication wraps network failures in a NodeApiError whose httpCode is the
	// code ("ECONNRESET", "ECONNABORTED") and whose message is n8n's text; the raw one is in messages.
	const codes = candidates
		.flatMap((e) => [e.code, e.httpCode])
		.filter((c): c is string => typeof c === 'string');
	const texts = candidates.flatMap((e) => [
		e.message ?? '',
		...(Array.isArray(e.messages) ? e.messages.map(String) : []),
	]);
	// axios reports its own timeout as ECONNABORTED "timeout of N ms exceeded": that is a timeout.
	if (codes.includes('ETIMEDOUT') || texts.some((text) => /timeout|timed out/i.test(text)))
		return { networkCode: 'ETIMEDOUT' };
	const networkCode =
		codes.find((c) => NETWORK_CODES.includes(c)) ??
		NETWORK_CODES.find((code) => texts.some((text) => text.includes(code)));
	if (networkCode) return { networkCode };
	if (texts.some((text) => /socket hang up|aborted|closed unexpectedly/i.test(text)))
		return { networkCode: 'ECONNRESET' };
	return { networkCode: 'UNKNOWN' };
}

function oauthRefusal(error: ErrorLike): string {
	const { error: code, error_description: text } = error.body ?? {};
	const said =
		typeof code === 'string'
			? `${code}${typeof text === 'string' && text ? `: ${text}` : ''}`
			: (error.message ?? 'refused');
	// Shown whole here: it is cut only after secrets are replaced (redactAndCut in apiError.ts).
	return said;
}

/** The failure carried by a complete HTTP response whose status is not 2xx. */
export function failureFromResponse(
	response: { statusCode: number; headers?: Record<string, unknown> },
	body: unknown,
): HttpFailure {
	const headers = response.headers ?? {};
	const retryAfter = headers['retry-after'] ?? headers['Retry-After'];
	return { status: response.statusCode, retryAfterSeconds: parseRetryAfter(retryAfter), body };
}
