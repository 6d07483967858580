import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import type { HttpResponse } from '../../shared/exchange';
import { exchange } from '../../shared/exchange';
import { failureFromResponse } from '../../shared/httpFailure';
import type { NodeContext } from '../../shared/params';
import { nodeParameter, requestTimeoutMs } from '../../shared/params';
import { limiterFor, rethrowExhausted } from '../../shared/rateLimiter';
import type { RetryPolicy } from '../../shared/retryPolicy';
import type { Outcome } from '../../shared/sendWithRetry';
import { sendWithRetry } from '../../shared/sendWithRetry';
import { ClientCredentialsAuth } from '../../shared/tokenAuth';
import { beyondTrustTokenRequest } from '../../shared/tokenRequests';
import { hostOf, trimSlash } from '../../shared/url';
import type { BtFailure, FailureContext } from './errors';
import { toNodeApiError } from './errors';
import type { XmlDocument } from './xml';
import { readAnswer } from './xml';

export const CREDENTIAL_TYPE = 'beyondTrustRemoteSupportOAuth2Api';

export const DEFAULT_REQUEST_TIMEOUT_S = 30;
/** BeyondTrust allows 20 requests/s per API account; 19 leaves room for network jitter. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 19;

export interface BtRequest {
	api: 'command' | 'reporting';
	/** Parameters: `action=...` for the Command API, `generate_report=...` for Reporting. */
	qs: IDataObject;
	action: string;
	permission: string;
	/** Generate and Terminate use `rejectedOnly`; a rejected token is handled before any retry. */
	retry?: RetryPolicy;
	itemIndex?: number;
	/** For actions on one thing (terminate, generate): "no ... found" is a failure, not an empty list. */
	emptyIsError?: boolean;
}

export type BtAnswer = { empty: true; message: string } | { empty: false; doc: XmlDocument };

const MAX_ATTEMPTS = 4;

/** `application/x-www-form-urlencoded` text of the parameters; unset ones are left out. */
export function formBody(params: IDataObject): string {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) {
		if (value !== undefined && value !== null) form.append(key, String(value));
	}
	return form.toString();
}

/**
 * The one way this node talks to BeyondTrust: rate limit, `Connection: close`, the cached
 * client-credentials token, XML reading, retries and error mapping. What every service shares
 * (URL rules, redirects, size cap, token renewal, redaction) lives in nodes/shared.
 */
export class BtClient {
	readonly node: INode;

	readonly host: string;

	private constructor(
		private readonly auth: ClientCredentialsAuth,
		readonly siteUrl: string,
		private readonly limiterKey: string,
		private readonly timeoutMs: number,
		node: INode,
		private readonly maxPerSecond: number,
	) {
		this.node = node;
		this.host = hostOf(siteUrl);
	}

	static async create(ctx: NodeContext): Promise<BtClient> {
		const auth = await ClientCredentialsAuth.create(ctx, CREDENTIAL_TYPE, beyondTrustTokenRequest);
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const siteUrl = trimSlash(credentials.siteUrl);
		const timeoutMs = requestTimeoutMs(ctx, DEFAULT_REQUEST_TIMEOUT_S);
		const rate = Number(
			nodeParameter(ctx, 'options.maxRequestsPerSecond', DEFAULT_MAX_REQUESTS_PER_SECOND),
		);
		const maxPerSecond = rate >= 1 && rate <= 20 ? rate : DEFAULT_MAX_REQUESTS_PER_SECOND;
		const limiterKey = `${siteUrl}\n${String(credentials.clientId ?? '')}`;
		return new BtClient(auth, siteUrl, limiterKey, timeoutMs, ctx.getNode(), maxPerSecond);
	}

	/** Every secret value in use, for redaction of anything shown. */
	secrets(): string[] {
		return this.auth.secrets();
	}

	/** Sends one Command or Reporting call and returns the parsed answer ("nothing found" = empty). */
	async call(req: BtRequest): Promise<BtAnswer> {
		// Both APIs take POST with a form body: no request line over the appliance's 8,190-byte
		// limit (long session attributes) and no parameter in access logs (docs/vendor-behaviour.md).
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: `${this.siteUrl}/api/${req.api}`,
			body: formBody(req.qs),
			// BeyondTrust asks clients to close the connection after each call.
			headers: {
				Accept: 'text/xml, application/xml',
				'Content-Type': 'application/x-www-form-urlencoded',
				Connection: 'close',
			},
			timeout: this.timeoutMs,
			ignoreHttpStatusErrors: true,
		};
		const context: FailureContext = {
			action: req.action,
			permission: req.permission,
			host: this.host,
			itemIndex: req.itemIndex,
		};
		const fail = (failure: BtFailure) =>
			toNodeApiError(this.node, failure, context, this.secrets());
		const answer = await sendWithRetry<BtAnswer, BtFailure>({
			maxAttempts: MAX_ATTEMPTS,
			policy: req.retry ?? 'safe',
			// The permit covers a token request made on the way, as the account's rate counts it too.
			// A used-up hourly budget shows when a permit is asked for or when a 429 is reported.
			gate: async () => {
				const exhausted = (error: unknown) => rethrowExhausted(this.node, error, req.itemIndex);
				const permit = await limiterFor(this.limiterKey)
					.acquire(this.maxPerSecond)
					.catch(exhausted);
				return (response) => {
					try {
						permit.done(response?.statusCode, response?.headers);
					} catch (error) {
						exhausted(error);
					}
				};
			},
			exchange: async (renew) =>
				await exchange(await this.auth.sender(renew), options, this.auth.guard),
			read: readBtAnswer,
			fail,
		});
		if (answer.empty && req.emptyIsError) throw fail({ status: 200, apiMessage: answer.message });
		return answer;
	}
}

/**
 * One answer read: an access_denied (in a 401 or inside an HTTP 200) means the token was refused,
 * handled by one renewal, never by a plain retry.
 */
function readBtAnswer(response: HttpResponse): Outcome<BtAnswer, BtFailure> {
	const outcome = readAnswer(response.body);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		const failure: BtFailure = failureFromResponse(response, response.body);
		if (outcome.kind === 'denied' || outcome.kind === 'error' || outcome.kind === 'empty')
			failure.apiMessage = outcome.message;
		const denied = response.statusCode === 401 || outcome.kind === 'denied';
		if (denied) failure.denied = true;
		return { failure, tokenRefused: denied };
	}
	switch (outcome.kind) {
		case 'ok':
			return { value: { empty: false, doc: outcome.doc } };
		case 'empty':
			return { value: { empty: true, message: outcome.message } };
		case 'denied':
			return {
				failure: { status: 200, apiMessage: outcome.message, denied: true },
				tokenRefused: true,
			};
		case 'error':
			return { failure: { status: 200, apiMessage: outcome.message } };
		default:
			return { failure: { status: 200, malformedBody: true, unreadableReason: outcome.reason } };
	}
}
