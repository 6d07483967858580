import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';
import type { HttpResponse } from '../../shared/exchange';
import { exchange } from '../../shared/exchange';
import { failureFromResponse } from '../../shared/httpFailure';
import type { NodeContext } from '../../shared/params';
import { requestTimeoutMs } from '../../shared/params';
import type { RetryPolicy } from '../../shared/retryPolicy';
import type { Outcome } from '../../shared/sendWithRetry';
import { sendWithRetry } from '../../shared/sendWithRetry';
import { ClientCredentialsAuth } from '../../shared/tokenAuth';
import { rimo3TokenRequest } from '../../shared/tokenRequests';
import { hostOf, trimSlash } from '../../shared/url';
import { toNodeApiError } from './errors';
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

/** One complete answer read as JSON; a 401 means the token was refused (renewed once). */
function readResponse(response: HttpResponse): Outcome<unknown> {
	let body: unknown = response.body;
	if (response.body.trim()) {
		try {
			body = JSON.parse(response.body);
		} catch {
			// A cut-off answer or a proxy page: unreadable when it claimed success.
			if (response.statusCode < 300) return { failure: { status: 200, malformedBody: true } };
		}
	}
	if (response.statusCode >= 200 && response.statusCode < 300) return { value: body };
	// Revoked, expired or a rotated secret: the call was not acted on, so an upload may repeat too.
	return {
		failure: failureFromResponse(response, body),
		tokenRefused: response.statusCode === 401,
	};
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
		const context = { action: req.action, host: hostOf(this.baseUrl), itemIndex: req.itemIndex };
		return await sendWithRetry<unknown>({
			maxAttempts: MAX_ATTEMPTS,
			policy: req.retry ?? 'safe',
			exchange: async (renew) => {
				const send = await this.auth.sender(renew);
				const body = req.stream ? await req.stream.open() : undefined;
				try {
					const sent = body ? { ...options, body: body as unknown as IDataObject } : options;
					return await exchange(send, sent, this.auth.guard);
				} finally {
					body?.destroy();
				}
			},
			read: readResponse,
			fail: (failure) => toNodeApiError(this.node, failure, context, this.secrets()),
		});
	}
}
