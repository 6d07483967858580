import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { markTokenRejected } from '../../../credentials/common/clientCredentialsToken';
import { hostOf, parseRetryAfter, readFailure, trimSlash } from '../../shared/httpFailure';
import { limiterFor, rethrowExhausted } from '../../shared/rateLimiter';
import type { RetryPolicy } from '../../shared/retryPolicy';
import { backoffMs, shouldRetry } from '../../shared/retryPolicy';
import { DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_REQUEST_TIMEOUT_S } from '../actions/common.descriptions';
import type { BtFailure, FailureContext } from './errors';
import { toNodeApiError } from './errors';
import type { XmlDocument } from './xml';
import { readAnswer } from './xml';

export type BtContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'beyondTrustRemoteSupportOAuth2Api';

/** Generate and Terminate use `rejectedOnly`; a rejected token is handled before any retry. */
export type { RetryPolicy };

export interface BtRequest {
	api: 'command' | 'reporting';
	/** Query parameters: `action=...` for the Command API, `generate_report=...` for Reporting. */
	qs: IDataObject;
	action: string;
	permission: string;
	retry?: RetryPolicy;
	itemIndex?: number;
	/** For actions on one thing (terminate, generate): "no ... found" is a failure, not an empty list. */
	emptyIsError?: boolean;
}

export type BtAnswer = { empty: true; message: string } | { empty: false; doc: XmlDocument };

const MAX_ATTEMPTS = 4;

/** An access_denied answer is a token problem, handled by one re-mint, never by a plain retry. */
function shouldRetryBt(failure: BtFailure, policy: RetryPolicy): boolean {
	return !failure.denied && shouldRetry(failure, policy);
}

/**
 * The one way this node talks to BeyondTrust: rate limit, `Connection: close`, authentication
 * with the cached client-credentials token, XML reading, retries and error mapping.
 */
export class BtClient {
	readonly node: INode;

	readonly host: string;

	private constructor(
		private readonly ctx: BtContext,
		readonly siteUrl: string,
		private readonly limiterKey: string,
		private readonly timeoutMs: number,
		private readonly maxPerSecond: number,
	) {
		this.node = ctx.getNode();
		this.host = hostOf(siteUrl);
	}

	static async create(ctx: BtContext): Promise<BtClient> {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const siteUrl = trimSlash(credentials.siteUrl);
		// One timeout per node run: it is about the network, not about any one item.
		const timeoutS = Number(ctx.getNodeParameter('options.requestTimeout', 0, DEFAULT_REQUEST_TIMEOUT_S));
		const timeoutMs = (Number.isFinite(timeoutS) && timeoutS > 0 ? timeoutS : DEFAULT_REQUEST_TIMEOUT_S) * 1000;
		const rate = Number(ctx.getNodeParameter('options.maxRequestsPerSecond', 0, DEFAULT_MAX_REQUESTS_PER_SECOND));
		const maxPerSecond = rate >= 1 && rate <= 20 ? rate : DEFAULT_MAX_REQUESTS_PER_SECOND;
		return new BtClient(ctx, siteUrl, `${siteUrl}\n${String(credentials.clientId ?? '')}`, timeoutMs, maxPerSecond);
	}

	/** Sends one Command or Reporting call and returns the parsed answer ("nothing found" = empty). */
	async call(req: BtRequest): Promise<BtAnswer> {
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${this.siteUrl}/api/${req.api}`,
			qs: req.qs,
			// BeyondTrust asks clients to close the connection after each call.
			headers: { Accept: 'text/xml, application/xml', Connection: 'close' },
			json: false,
			timeout: this.timeoutMs,
		};
		const policy = req.retry ?? 'safe';
		const context: FailureContext = { action: req.action, permission: req.permission, host: this.host, itemIndex: req.itemIndex };
		let reminted = false;
		let renewNow = false;
		for (let attempt = 1; ; attempt++) {
			// Only the repeat right after a refusal renews the token; later repeats use the new one.
			const { failure, answer, denied } = await this.once(options, renewNow).catch((error) => rethrowExhausted(this.node, error, req.itemIndex));
			renewNow = false;
			if (answer?.empty && req.emptyIsError) throw toNodeApiError(this.node, { status: 200, apiMessage: answer.message }, context);
			if (answer) return answer;
			if (denied && !reminted) {
				// A refused token (401, or access_denied inside an HTTP 200): renew it here, once.
				reminted = true;
				renewNow = true;
				attempt--;
				continue;
			}
			const final = failure as BtFailure;
			if (denied) final.denied = true;
			if (attempt >= MAX_ATTEMPTS || !shouldRetryBt(final, policy)) throw toNodeApiError(this.node, final, context);
			await sleep(backoffMs(final, attempt));
		}
	}

	private async once(
		options: IHttpRequestOptions,
		forceNewToken: boolean,
	): Promise<{ answer?: BtAnswer; failure?: BtFailure; denied?: boolean }> {
		const permit = await limiterFor(this.limiterKey).acquire(this.maxPerSecond);
		let response: IN8nHttpFullResponse;
		try {
			const additional = forceNewToken ? await this.withRejectedToken() : undefined;
			// The full response, whatever its status: n8n's error for a non-2xx answer drops the
			// headers, and Retry-After is what a 429 must be answered with. A 401 is handled in
			// `call` (one new token), as n8n would, but without a probe of a token just refused.
			response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				CREDENTIAL_TYPE,
				{ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true },
				additional,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			permit.done();
			return { failure: readFailure(error) };
		}
		permit.done(response.statusCode, response.headers);
		const body = response.body;
		if (response.statusCode < 200 || response.statusCode >= 300) {
			const failure: BtFailure = {
				status: response.statusCode,
				retryAfterSeconds: parseRetryAfter(response.headers?.['retry-after']),
				body,
			};
			const outcome = readAnswer(body);
			if (outcome.kind === 'denied' || outcome.kind === 'error' || outcome.kind === 'empty') failure.apiMessage = outcome.message;
			return { failure, denied: response.statusCode === 401 || outcome.kind === 'denied' };
		}
		const outcome = readAnswer(body);
		switch (outcome.kind) {
			case 'ok':
				return { answer: { empty: false, doc: outcome.doc } };
			case 'empty':
				return { answer: { empty: true, message: outcome.message } };
			case 'denied':
				return { failure: { status: 200, apiMessage: outcome.message }, denied: true };
			case 'error':
				return { failure: { status: 200, apiMessage: outcome.message } };
			default:
				return { failure: { status: 200, malformedBody: true } };
		}
	}

	/**
	 * Marks the token we hold as rejected and hands n8n a copy of the credential without it, so
	 * n8n runs the credential's preAuthentication: one new token, stored for every later call.
	 */
	private async withRejectedToken() {
		const data = (await this.ctx.getCredentials(CREDENTIAL_TYPE)) as ICredentialDataDecryptedObject;
		markTokenRejected(String(data.accessToken ?? ''));
		const ref = this.node.credentials?.[CREDENTIAL_TYPE];
		return {
			credentialsDecrypted: { id: ref?.id ?? '', name: ref?.name ?? '', type: CREDENTIAL_TYPE, data: { ...data, accessToken: '' } },
		};
	}
}
