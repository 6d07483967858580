import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { rimo3TokenRequest } from '../../../credentials/common/tokenRequests';
import type { Explained } from '../../shared/apiError';
import { buildApiError, explainCommon } from '../../shared/apiError';
import type { HttpResponse } from '../../shared/exchange';
import { exchange } from '../../shared/exchange';
import type { HttpFailure } from '../../shared/httpFailure';
import { failureFromResponse, readFailure } from '../../shared/httpFailure';
import type { NodeContext } from '../../shared/params';
import { requestTimeoutMs } from '../../shared/params';
import type { RetryPolicy } from '../../shared/retryPolicy';
import { backoffMs, shouldRetry } from '../../shared/retryPolicy';
import { redactAndCut } from '../../shared/redact';
import { ClientCredentialsAuth } from '../../shared/tokenAuth';
import { hostOf, trimSlash } from '../../shared/url';
import type { StreamedBody } from './multipart';

export const CREDENTIAL_TYPE = 'rimo3OAuth2Api';

export interface Rimo3Request {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/api/v2/application-packages`. */
	path: string;
	qs?: IDataObject;
	body?: Buffer | IDataObject;
	/** A body sent as a stream; opened anew for every attempt (a stream can be sent only once). */
	stream?: StreamedBody;
	headers?: IDataObject;
	action: string;
	retry?: RetryPolicy;
	itemIndex?: number;
}

/** Uploads carry whole installer packages, so the default is generous. */
export const DEFAULT_REQUEST_TIMEOUT_S = 120;
const MAX_ATTEMPTS = 3;

/** What Rimo3 said, secrets replaced before it is cut short. */
function apiText(body: unknown, secrets: string[]): string {
	if (!body) return '';
	if (typeof body === 'string') return redactAndCut(body.trim(), secrets, 300);
	const b = body as IDataObject;
	const parts = [b.title, b.message, b.detail, b.error, b.error_description].filter(
		(v): v is string => typeof v === 'string',
	);
	const errors = b.errors && typeof b.errors === 'object' ? JSON.stringify(b.errors) : '';
	return [
		...parts.map((part) => redactAndCut(part, secrets, 300)),
		redactAndCut(errors, secrets, 300),
	]
		.filter(Boolean)
		.join(' ');
}

function describe(
	failure: HttpFailure,
	action: string,
	host: string,
	secrets: string[],
): Explained {
	const text = apiText(failure.body, secrets);
	const said = text ? ` Rimo3 said: ${text}` : '';
	const common = explainCommon(failure, secrets);
	if (common) return common;
	if (failure.networkCode) {
		// The raw code goes in the description: n8n replaces a message that contains one.
		const code = failure.networkCode;
		const what =
			code === 'ETIMEDOUT'
				? 'did not answer in time'
				: code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
					? 'could not be reached'
					: 'closed the connection';
		return {
			message: `Rimo3 at ${host} ${what} while trying to ${action}`,
			description: `Network error ${code}. Check the base URL in the credential and the network. Reads were retried; an upload is not repeated unless it certainly did not arrive, so check Rimo3 for the package before running again.`,
		};
	}
	if (failure.malformedBody) {
		return {
			message: `Rimo3 answered "${action}" with a body that is not valid JSON`,
			description:
				'Reads were retried. Check that the base URL points at the Rimo3 API (not a proxy or login page); an upload is not repeated, so check Rimo3 for the package before running again.',
		};
	}
	switch (failure.status) {
		case 401:
			return {
				message: `Rimo3 rejected the access token while trying to ${action} (401).${said}`,
				description:
					'A new token was requested once and the call retried once. Check the API account and its secret.',
			};
		case 403:
			return {
				message: `The Rimo3 API account may not ${action} (403).${said}`,
				description:
					'Check the role of the API account in Rimo3 (Admin & Support → Integrations → API Accounts).',
			};
		case 404:
			return {
				message: `Rimo3 could not find what was asked for while trying to ${action} (404).${said}`,
				description: 'Check the application package ID.',
			};
		case 429:
			return {
				message: `Rimo3 rate limit reached while trying to ${action} (429).`,
				description: 'Wait and run again, or run fewer items at once.',
			};
		default:
			return {
				message: `Rimo3 failed to ${action} (HTTP ${failure.status ?? 'error'}).${said}`,
				description:
					failure.status && failure.status < 500
						? 'Correct the values named in the message and run again.'
						: 'The service had a problem; reads were retried. Try again later.',
			};
	}
}

/** A full response as a failure; `status` undefined means success with the parsed `body`. */
function readResponse(response: HttpResponse): HttpFailure {
	let body: unknown = response.body;
	if (response.body.trim()) {
		try {
			body = JSON.parse(response.body);
		} catch {
			// A cut-off answer or a proxy page: unreadable when it claimed success.
			if (response.statusCode < 300) return { status: 200, malformedBody: true };
		}
	}
	if (response.statusCode >= 200 && response.statusCode < 300) return { body };
	return failureFromResponse(response, body);
}

/** The one way this node talks to Rimo3: JSON and multipart bodies, retries, errors. */
export class Rimo3Client {
	private constructor(
		private readonly auth: ClientCredentialsAuth,
		readonly node: INode,
		readonly baseUrl: string,
		private readonly timeoutMs: number,
	) {}

	static async create(ctx: NodeContext): Promise<Rimo3Client> {
		const auth = await ClientCredentialsAuth.create(ctx, CREDENTIAL_TYPE, rimo3TokenRequest);
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		return new Rimo3Client(
			auth,
			ctx.getNode(),
			trimSlash(credentials.baseUrl),
			requestTimeoutMs(ctx, DEFAULT_REQUEST_TIMEOUT_S),
		);
	}

	/** Every secret value in use, for redaction of anything shown. */
	secrets(): string[] {
		return this.auth.secrets();
	}

	async request(req: Rimo3Request): Promise<unknown> {
		const options: IHttpRequestOptions = {
			method: req.method,
			url: `${this.baseUrl}${req.path}`,
			qs: req.qs,
			body: req.body as IDataObject,
			json: !Buffer.isBuffer(req.body) && !req.stream,
			headers: {
				Accept: 'application/json',
				...req.headers,
				...(req.stream
					? { 'Content-Type': req.stream.contentType, 'Content-Length': req.stream.length }
					: {}),
			},
			timeout: this.timeoutMs,
			ignoreHttpStatusErrors: true,
		};
		const policy = req.retry ?? 'safe';
		let reminted = false;
		let renewNow = false;
		for (let attempt = 1; ; attempt++) {
			let failure: HttpFailure;
			try {
				// Only the repeat right after a refusal renews; later repeats use the new token.
				const send = await this.auth.sender(renewNow);
				renewNow = false;
				const body = req.stream ? await req.stream.open() : undefined;
				try {
					const sent = body ? { ...options, body: body as unknown as IDataObject } : options;
					failure = readResponse(await exchange(send, sent, this.auth.guard));
				} finally {
					body?.destroy();
				}
				if (failure.status === 401 && !reminted) {
					// The token was refused (revoked, expired, secret rotated): one new token, one repeat.
					// The call was not acted on, so this is safe for an upload too.
					reminted = true;
					renewNow = true;
					attempt--;
					continue;
				}
				if (failure.status === undefined && !failure.malformedBody) return failure.body;
			} catch (error) {
				failure = readFailure(error);
			}
			if (attempt >= MAX_ATTEMPTS || !shouldRetry(failure, policy)) {
				const explained = describe(failure, req.action, hostOf(this.baseUrl), this.secrets());
				throw buildApiError(this.node, explained, {
					status: failure.status,
					itemIndex: req.itemIndex,
					secrets: this.secrets(),
				});
			}
			await sleep(backoffMs(failure, attempt));
		}
	}
}
