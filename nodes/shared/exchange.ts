import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleepWithAbort } from 'n8n-workflow';
import type { UrlGuard } from './url';
import { UnsafeRequestError, assertSecureUrl, hostPortOf, originOf } from './url';

/** Bodies over this size are refused: they are never a real API answer and would block n8n. */
export const MAX_RESPONSE_BYTES = 25 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** Node fires a timer set past 2^31 - 1 ms at once: a longer deadline is this one. */
const MAX_TIMER_MS = 2_147_483_647;

/** Sends one request through n8n (with or without authentication); returns the full response. */
export type Send = (options: IHttpRequestOptions) => Promise<unknown>;

export interface HttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	/** The body as text (JSON and XML are parsed by the service that expects them). */
	body: string;
}

interface Readable {
	on(event: string, listener: (arg?: unknown) => void): unknown;
	destroy(error?: Error): unknown;
}

function isStream(value: unknown): value is Readable {
	return (
		!!value &&
		typeof (value as Readable).on === 'function' &&
		typeof (value as Readable).destroy === 'function'
	);
}

function tooLarge(): UnsafeRequestError {
	const mb = MAX_RESPONSE_BYTES / (1024 * 1024);
	return new UnsafeRequestError(
		`The answer is larger than ${mb} MB, the most this node accepts; it was not read`,
	);
}

/** Reads a streamed body up to the cap, counting as it goes: an oversize body is never held whole. */
async function readCapped(
	body: unknown,
	headers: Record<string, unknown>,
	deadline?: Deadline,
): Promise<string> {
	if (!isStream(body)) {
		if (body === undefined || body === null) return '';
		if (Buffer.isBuffer(body)) return body.toString('utf8');
		return typeof body === 'string' ? body : JSON.stringify(body);
	}
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > MAX_RESPONSE_BYTES) {
		body.destroy();
		throw tooLarge();
	}
	if (deadline) deadline.stream = body;
	return await new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		// n8n's timeout is an idle timeout on the socket; the deadline ends a body that trickles.
		const fail = (error: Error) => {
			body.destroy();
			reject(error);
		};
		body.on('data', (chunk) => {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > MAX_RESPONSE_BYTES) return fail(tooLarge());
			chunks.push(buffer);
		});
		body.on('end', () => {
			resolve(Buffer.concat(chunks).toString('utf8'));
		});
		body.on('error', (error) => fail(error as Error));
	});
}

interface ErrorWithResponse {
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	cause?: ErrorWithResponse;
}

/** A thrown HTTP error keeps its body as a stream: read it (capped) so the message can use it. */
async function drained(error: unknown): Promise<unknown> {
	for (
		let e = error as ErrorWithResponse | undefined, depth = 0;
		e && depth < 5;
		e = e.cause, depth++
	) {
		if (e.response && isStream(e.response.data)) {
			e.response.data = await readCapped(e.response.data, e.response.headers ?? {}).catch(() => '');
		}
	}
	return error;
}

/** The total time one exchange may take (Request Timeout), redirects and body included. */
interface Deadline {
	signal: AbortSignal;
	/** The body being read, destroyed when time is up. */
	stream?: Readable;
}

/** Thrown when the whole exchange took longer than its timeout; read as ETIMEDOUT. */
function timedOut(ms: number): Error {
	const seconds = Math.round(ms / 100) / 10;
	return Object.assign(
		new Error(
			`No complete answer within the request timeout of ${seconds} s; the request was aborted`,
		),
		{ code: 'ETIMEDOUT' },
	);
}

/** A signal that aborts when either does; `release` removes the listener from the long-lived one. */
function eitherSignal(own: AbortSignal, other: AbortSignal): AbortSignal {
	if (other.aborted || own.aborted) return other.aborted ? other : own;
	const both = new AbortController();
	const onOther = () => both.abort(other.reason);
	other.addEventListener('abort', onOther, { once: true });
	own.addEventListener('abort', () => both.abort(own.reason), { once: true });
	// n8n's execution signal outlives many requests: drop the listener once this one is over.
	both.signal.addEventListener('abort', () => other.removeEventListener('abort', onOther));
	return both.signal;
}

/**
 * The options for one send, carrying the deadline's abort signal. n8n replaces `abortSignal` with
 * the execution's cancel signal in httpRequestWithAuthentication; this property keeps both.
 */
function withSignal(options: IHttpRequestOptions, signal: AbortSignal): IHttpRequestOptions {
	const out = { ...options };
	let current: AbortSignal = signal;
	Object.defineProperty(out, 'abortSignal', {
		enumerable: true,
		configurable: true,
		get: () => current,
		set: (other: unknown) => {
			current = other instanceof AbortSignal ? eitherSignal(signal, other) : signal;
		},
	});
	return out;
}

/**
 * One request under the package's rules: the URL is checked before anything is sent, redirects
 * are never followed by n8n (it would forward the credential), a redirect within the same origin
 * is followed here, one to another origin is refused, and the body is read up to the size cap.
 * `options.timeout` is a total deadline: a server that trickles headers or body is cut off then,
 * and the connection is closed (n8n's own timeout only notices a connection that goes silent).
 */
export async function exchange(
	send: Send,
	options: IHttpRequestOptions,
	guard: UrlGuard,
): Promise<HttpResponse> {
	const ms = Number(options.timeout);
	if (!(ms > 0) || typeof sleepWithAbort !== 'function') return await hops(send, options, guard);
	const abort = new AbortController();
	const finished = new AbortController();
	const deadline: Deadline = { signal: abort.signal };
	const expired = sleepWithAbort(Math.min(ms, MAX_TIMER_MS), finished.signal).then(() => {
		const error = timedOut(ms);
		abort.abort(error);
		deadline.stream?.destroy(error);
		throw error;
	});
	const work = hops(send, options, guard, deadline);
	// Whichever loses the race: its outcome is of no interest, and must not go unhandled.
	expired.catch(() => undefined);
	work.catch(() => undefined);
	try {
		return await Promise.race([work, expired]);
	} finally {
		finished.abort();
		// Done in time: the signal is released too, so nothing keeps a listener on n8n's one.
		if (!abort.signal.aborted) abort.abort();
	}
}

async function hops(
	send: Send,
	options: IHttpRequestOptions,
	guard: UrlGuard,
	deadline?: Deadline,
): Promise<HttpResponse> {
	let current: IHttpRequestOptions = options;
	for (let hop = 0; ; hop++) {
		assertSecureUrl(current.url, guard);
		const request: IHttpRequestOptions = {
			...current,
			disableFollowRedirect: true,
			returnFullResponse: true,
			encoding: 'stream',
		};
		const raw = (await send(deadline ? withSignal(request, deadline.signal) : request).catch(
			async (error: unknown) => await Promise.reject(await drained(error)),
		)) as IN8nHttpFullResponse;
		if (deadline?.signal.aborted) {
			// The answer came after the deadline (the signal did not reach the request): close it.
			if (isStream(raw.body)) raw.body.destroy();
			throw deadline.signal.reason;
		}
		const headers = (raw.headers ?? {}) as Record<string, unknown>;
		const location = headers.location;
		if (raw.statusCode >= 300 && raw.statusCode < 400 && typeof location === 'string' && location) {
			if (isStream(raw.body)) raw.body.destroy();
			current = followRedirect(current, raw.statusCode, location, hop);
			continue;
		}
		const body = await readCapped(raw.body, headers, deadline);
		return { statusCode: raw.statusCode, headers, body };
	}
}

function followRedirect(
	from: IHttpRequestOptions,
	status: number,
	location: string,
	hop: number,
): IHttpRequestOptions {
	const target = new URL(location, withQuery(from)).toString();
	if (originOf(target) !== originOf(from.url)) {
		throw new UnsafeRequestError(
			`The service answered with a redirect to ${hostPortOf(target)}, another host; it was not followed, because credentials are only sent to the configured host. Check the URL in the credential.`,
		);
	}
	if (hop + 1 >= MAX_REDIRECTS) {
		throw new UnsafeRequestError(
			`The service answered with more than ${MAX_REDIRECTS} redirects in a row; check the URL in the credential`,
		);
	}
	// 303, and 301/302 after anything but a read, become a GET without body, as browsers do.
	const keepMethod =
		status === 307 ||
		status === 308 ||
		((status === 301 || status === 302) &&
			['GET', 'HEAD'].includes(String(from.method ?? 'GET').toUpperCase()));
	// A streamed body has been used up by the first request: it cannot follow the redirect.
	if (keepMethod && isStream(from.body))
		throw new UnsafeRequestError(
			`The service answered the upload with a redirect to ${hostPortOf(target)}; an upload is not sent again to another address. Check the URL in the credential.`,
		);
	return keepMethod
		? { ...from, url: target, qs: undefined }
		: { ...from, url: target, qs: undefined, method: 'GET', body: undefined };
}

function withQuery(options: IHttpRequestOptions): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined && value !== null) query.append(key, String(value));
	}
	const text = query.toString();
	return text ? `${options.url}${options.url.includes('?') ? '&' : '?'}${text}` : options.url;
}

/** The body as JSON when it is JSON text, else the text. */
export function parseJson(text: string): unknown {
	if (!text.trim()) return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
