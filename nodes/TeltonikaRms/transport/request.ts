import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { HttpResponse, Send } from '../../shared/exchange';
import { exchange, parseJson } from '../../shared/exchange';
import { failureFromResponse, readFailure } from '../../shared/httpFailure';
import type { NodeContext } from '../../shared/params';
import { nodeParameter, requestTimeoutMs } from '../../shared/params';
import type { RetryPolicy } from '../../shared/retryPolicy';
import { sendWithRetry } from '../../shared/sendWithRetry';
import type { UrlGuard } from '../../shared/url';
import { UnsafeRequestError, assertSecureUrl, hostOf, trimSlash } from '../../shared/url';
import type { HttpFailure } from './errors';
import { toNodeApiError } from './errors';

export type RmsContext = NodeContext;

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

/** Status channel names RMS hands out (docs/vendor-behaviour.md); anything else never becomes a path. */
const CHANNEL_NAME = /^[A-Za-z0-9._-]{1,128}$/;

export function assertChannelName(channel: string): void {
	if (!CHANNEL_NAME.test(channel) || /^\.+$/.test(channel)) {
		throw new UnsafeRequestError(
			'RMS answered with a status channel name that is not valid; it was not polled',
		);
	}
}

/** The one way this node talks to RMS: authentication, envelope checks, retries, error mapping. */
export class RmsClient {
	readonly node: INode;

	private constructor(
		private readonly ctx: RmsContext,
		private readonly credentialType: string,
		readonly baseUrl: string,
		readonly statusUrl: string,
		private readonly timeoutMs: number,
		private readonly secretValues: string[],
		private readonly allowInsecureHttp: boolean,
	) {
		this.node = ctx.getNode();
	}

	static async create(ctx: RmsContext): Promise<RmsClient> {
		const authentication = nodeParameter(ctx, 'authentication', 'accessToken') as string;
		const credentialType =
			authentication === 'oAuth2' ? 'teltonikaRmsOAuth2Api' : 'teltonikaRmsApi';
		const credentials = await ctx.getCredentials(credentialType);
		const oauth = (credentials.oauthTokenData ?? {}) as IDataObject;
		const secrets = [
			credentials.accessToken,
			credentials.clientSecret,
			oauth.access_token,
			oauth.refresh_token,
		].filter((v): v is string => typeof v === 'string' && v !== '');
		const timeoutMs = requestTimeoutMs(ctx, DEFAULT_REQUEST_TIMEOUT_S);
		const insecure = credentials.allowInsecureHttp === true;
		if (credentialType === 'teltonikaRmsOAuth2Api') checkOAuth2(ctx, credentials, oauth, insecure);
		return new RmsClient(
			ctx,
			credentialType,
			trimSlash(credentials.baseUrl),
			trimSlash(credentials.statusUrl),
			timeoutMs,
			secrets,
			insecure,
		);
	}

	/** Every secret value in use, for redaction of anything shown. */
	secrets(): string[] {
		return this.secretValues;
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
		const body = await this.send(options, req, {
			field: 'API URL',
			allowInsecureHttp: this.allowInsecureHttp,
		});
		const envelope = body as RmsEnvelope;
		if (envelope.success === false) {
			throw toNodeApiError(
				this.node,
				{ status: 200, body },
				this.failureContext(req),
				this.secretValues,
			);
		}
		return envelope;
	}

	/** One GET of a status channel; CHANNEL_NOT_FOUND is an answer here, not an error. */
	async pollChannel(
		channel: string,
		req: Omit<RmsRequest, 'method' | 'path'>,
	): Promise<ChannelPoll> {
		const request: RmsRequest = { ...req, method: 'GET', path: '/status/channel', retry: 'safe' };
		try {
			assertChannelName(channel);
		} catch (error) {
			throw toNodeApiError(
				this.node,
				readFailure(error),
				this.failureContext(request),
				this.secretValues,
			);
		}
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${this.statusUrl}/channel/${channel}`,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: this.timeoutMs,
		};
		const guard = { field: 'Status URL', allowInsecureHttp: this.allowInsecureHttp };
		const body = await this.send(
			options,
			request,
			guard,
			(failure) => (failure.body as IDataObject | undefined)?.code === 'CHANNEL_NOT_FOUND',
		);
		if (body === CHANNEL_NOT_FOUND) return { notFound: true };
		const data = (body as RmsEnvelope).data;
		return { notFound: false, data: (data && typeof data === 'object' ? data : {}) as IDataObject };
	}

	private failureContext(req: RmsRequest) {
		return {
			action: req.action,
			scope: req.scope,
			host: hostOf(this.baseUrl),
			itemIndex: req.itemIndex,
		};
	}

	/**
	 * One HTTP exchange that hands back every status with its headers and body, so the API's own
	 * error message and Retry-After reach the user (n8n's error wrapping drops both). n8n refreshes
	 * an OAuth2 token only when a request throws a 401, so that one case is repeated the throwing way.
	 */
	private async exchange(options: IHttpRequestOptions, guard: UrlGuard): Promise<HttpResponse> {
		const send: Send = async (o) =>
			await this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.credentialType, o);
		const response = await exchange(send, { ...options, ignoreHttpStatusErrors: true }, guard);
		if (response.statusCode !== 401 || !this.credentialType.endsWith('OAuth2Api')) return response;
		return await exchange(send, { ...options, ignoreHttpStatusErrors: false }, guard);
	}

	private async send(
		options: IHttpRequestOptions,
		req: RmsRequest,
		guard: UrlGuard,
		isExpectedMiss?: (failure: HttpFailure) => boolean,
	): Promise<unknown> {
		return await sendWithRetry<unknown>({
			maxAttempts: MAX_ATTEMPTS,
			policy: req.retry ?? 'safe',
			exchange: async () => await this.exchange(options, guard),
			read: (response) => {
				const body = parseJson(response.body);
				if (response.statusCode < 200 || response.statusCode >= 300)
					return { failure: failureFromResponse(response, body) };
				if (body !== null && typeof body === 'object') return { value: body };
				return { failure: { status: response.statusCode, malformedBody: true } };
			},
			accept: (failure) => (isExpectedMiss?.(failure) ? { value: CHANNEL_NOT_FOUND } : undefined),
			fail: (failure) =>
				toNodeApiError(this.node, failure, this.failureContext(req), this.secretValues),
		});
	}
}

const CHANNEL_NOT_FOUND = Symbol('CHANNEL_NOT_FOUND');

/**
 * Before any call: the OAuth2 credential must be connected, and its token URL (where n8n sends
 * the refresh token and client secret when it refreshes) must follow the https rule.
 */
function checkOAuth2(
	ctx: RmsContext,
	credentials: IDataObject,
	oauth: IDataObject,
	allowInsecureHttp: boolean,
): void {
	if (typeof oauth.access_token !== 'string' || oauth.access_token === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Teltonika RMS OAuth2 credential is not connected',
			{
				description:
					'Open the credential, check the Client ID and Client Secret of your RMS application, and connect it (sign in to RMS and approve the application).',
			},
		);
	}
	try {
		assertSecureUrl(String(credentials.accessTokenUrl ?? ''), {
			field: 'Access Token URL',
			allowInsecureHttp,
		});
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description:
				'Nothing was sent. Credentials are only sent over https to the host configured in the credential.',
		});
	}
}
