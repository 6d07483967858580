import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { hostOf, trimSlash } from '../../shared/httpFailure';
import type { RetryPolicy } from '../../shared/retryPolicy';
import { backoffMs, shouldRetry } from '../../shared/retryPolicy';
import type { HttpFailure } from './errors';
import { failureFromResponse, parseResponseBody, readFailure, toNodeApiError } from './errors';

export type RmsContext = IExecuteFunctions | ILoadOptionsFunctions;

export type { RetryPolicy };

export interface RmsRequest {
	method: IHttpRequestMethods;
	/** Path below the REST base URL, e.g. `/devices/remote-access`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	action: string;
	scope: string;
	retry?: RetryPolicy;
	itemIndex?: number;
}

export interface RmsEnvelope {
	success?: boolean;
	data?: unknown;
	meta?: IDataObject & { total?: number; channel?: string };
	errors?: IDataObject[];
}

export type ChannelPoll = { notFound: true } | { notFound: false; data: IDataObject };

const MAX_ATTEMPTS = 3;
const DEFAULT_REQUEST_TIMEOUT_S = 30;

/** The one way this node talks to RMS: authentication, envelope checks, retries, error mapping. */
export class RmsClient {
	readonly node: INode;

	private constructor(
		private readonly ctx: RmsContext,
		private readonly credentialType: string,
		readonly baseUrl: string,
		readonly statusUrl: string,
		private readonly timeoutMs: number,
	) {
		this.node = ctx.getNode();
	}

	static async create(ctx: RmsContext): Promise<RmsClient> {
		const authentication = ctx.getNodeParameter('authentication', 0, 'accessToken') as string;
		const credentialType = authentication === 'oAuth2' ? 'teltonikaRmsOAuth2Api' : 'teltonikaRmsApi';
		const credentials = await ctx.getCredentials(credentialType);
		// One timeout per node run: it is about the network, not about any one item.
		const timeoutS = Number(ctx.getNodeParameter('options.requestTimeout', 0, DEFAULT_REQUEST_TIMEOUT_S));
		const timeoutMs = (Number.isFinite(timeoutS) && timeoutS > 0 ? timeoutS : DEFAULT_REQUEST_TIMEOUT_S) * 1000;
		return new RmsClient(ctx, credentialType, trimSlash(credentials.baseUrl), trimSlash(credentials.statusUrl), timeoutMs);
	}

	/** Sends one REST call and returns the envelope; throws NodeApiError with a clear message. */
	async request(req: RmsRequest): Promise<RmsEnvelope> {
		const options: IHttpRequestOptions = {
			method: req.method,
			url: `${this.baseUrl}${req.path}`,
			qs: req.qs,
			body: req.body,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: this.timeoutMs,
		};
		const body = await this.send(options, req);
		const envelope = body as RmsEnvelope;
		if (envelope.success === false) {
			throw toNodeApiError(this.node, { status: 200, body }, this.failureContext(req));
		}
		return envelope;
	}

	/** One GET of a status channel; CHANNEL_NOT_FOUND is an answer here, not an error. */
	async pollChannel(channel: string, req: Omit<RmsRequest, 'method' | 'path'>): Promise<ChannelPoll> {
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${this.statusUrl}/channel/${channel}`,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: this.timeoutMs,
		};
		const request: RmsRequest = { ...req, method: 'GET', path: '/status/channel', retry: 'safe' };
		const body = await this.send(options, request, (failure) =>
			(failure.body as IDataObject | undefined)?.code === 'CHANNEL_NOT_FOUND',
		);
		if (body === CHANNEL_NOT_FOUND) return { notFound: true };
		const data = (body as RmsEnvelope).data;
		return { notFound: false, data: (data && typeof data === 'object' ? data : {}) as IDataObject };
	}

	private failureContext(req: RmsRequest) {
		return { action: req.action, scope: req.scope, host: hostOf(this.baseUrl), itemIndex: req.itemIndex };
	}

	/**
	 * One HTTP exchange that hands back every status with its headers and body, so the API's own
	 * error message and Retry-After reach the user (n8n's error wrapping drops both). n8n refreshes
	 * an OAuth2 token only when a request throws a 401, so that one case is repeated the throwing way.
	 */
	private async exchange(options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
		const call = async (extra: Partial<IHttpRequestOptions>) =>
			(await this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.credentialType, {
				...options,
				...extra,
				returnFullResponse: true,
			})) as IN8nHttpFullResponse;
		const response = await call({ ignoreHttpStatusErrors: true });
		if (response.statusCode !== 401 || !this.credentialType.endsWith('OAuth2Api')) return response;
		return await call({});
	}

	private async send(
		options: IHttpRequestOptions,
		req: RmsRequest,
		isExpectedMiss?: (failure: HttpFailure) => boolean,
	): Promise<unknown> {
		const policy = req.retry ?? 'safe';
		for (let attempt = 1; ; attempt++) {
			let failure: HttpFailure;
			try {
				const response = await this.exchange(options);
				if (response.statusCode >= 200 && response.statusCode < 300) {
					const body = parseResponseBody(response.body);
					if (body !== null && typeof body === 'object') return body;
					failure = { status: response.statusCode, malformedBody: true };
				} else {
					failure = failureFromResponse(response);
				}
			} catch (error) {
				failure = readFailure(error);
			}
			if (isExpectedMiss?.(failure)) return CHANNEL_NOT_FOUND;
			if (attempt >= MAX_ATTEMPTS || !shouldRetry(failure, policy)) {
				throw toNodeApiError(this.node, failure, this.failureContext(req));
			}
			await sleep(backoffMs(failure, attempt));
		}
	}
}

const CHANNEL_NOT_FOUND = Symbol('CHANNEL_NOT_FOUND');
