import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { HttpFailure } from '../../shared/httpFailure';
import { markTokenRejected } from '../../../credentials/common/clientCredentialsToken';
import { hostOf, parseRetryAfter, readFailure, trimSlash } from '../../shared/httpFailure';
import type { RetryPolicy } from '../../shared/retryPolicy';
import { backoffMs, shouldRetry } from '../../shared/retryPolicy';

export type Rimo3Context = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'rimo3OAuth2Api';

export type { RetryPolicy };

export interface Rimo3Request {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/api/v2/application-packages`. */
	path: string;
	qs?: IDataObject;
	body?: Buffer | IDataObject;
	headers?: IDataObject;
	action: string;
	retry?: RetryPolicy;
	itemIndex?: number;
}

/** Uploads carry whole installer packages, so the default is generous. */
export const DEFAULT_REQUEST_TIMEOUT_S = 120;
const MAX_ATTEMPTS = 3;

/** An exchange that failed, or an answer that is not the JSON Rimo3 always sends. */
interface Rimo3Failure extends HttpFailure {
	malformedBody?: boolean;
}

function apiText(body: unknown): string {
	if (!body) return '';
	if (typeof body === 'string') return body.trim().slice(0, 300);
	const b = body as IDataObject;
	const parts = [b.title, b.message, b.detail, b.error, b.error_description].filter((v) => typeof v === 'string');
	const errors = b.errors && typeof b.errors === 'object' ? JSON.stringify(b.errors).slice(0, 300) : '';
	return [...parts, errors].filter(Boolean).join(' ');
}

function describe(failure: Rimo3Failure, action: string, host: string): { message: string; description: string } {
	const said = apiText(failure.body) ? ` Rimo3 said: ${apiText(failure.body)}` : '';
	if (failure.tokenMessage) return { message: failure.tokenMessage, description: 'The node could not get an access token for the API account in the credential.' };
	if (failure.networkCode) {
		// The raw code goes in the description: n8n replaces a message that contains one.
		const code = failure.networkCode;
		const what = code === 'ETIMEDOUT' ? 'did not answer in time' : code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'could not be reached' : 'closed the connection';
		return {
			message: `Rimo3 at ${host} ${what} while trying to ${action}`,
			description: `Network error ${code}. Check the base URL in the credential and the network. Reads were retried; an upload is not repeated unless it certainly did not arrive, so check Rimo3 for the package before running again.`,
		};
	}
	if (failure.malformedBody) {
		return {
			message: `Rimo3 answered "${action}" with a body that is not valid JSON`,
			description: 'Reads were retried. Check that the base URL points at the Rimo3 API (not a proxy or login page); an upload is not repeated, so check Rimo3 for the package before running again.',
		};
	}
	switch (failure.status) {
		case 401:
			return { message: `Rimo3 rejected the access token while trying to ${action} (401).${said}`, description: 'A new token was requested once and the call retried once. Check the API account and its secret.' };
		case 403:
			return { message: `The Rimo3 API account may not ${action} (403).${said}`, description: 'Check the role of the API account in Rimo3 (Admin & Support → Integrations → API Accounts).' };
		case 404:
			return { message: `Rimo3 could not find what was asked for while trying to ${action} (404).${said}`, description: 'Check the application package ID.' };
		case 429:
			return { message: `Rimo3 rate limit reached while trying to ${action} (429).`, description: 'Wait and run again, or run fewer items at once.' };
		default:
			return {
				message: `Rimo3 failed to ${action} (HTTP ${failure.status ?? 'error'}).${said}`,
				description: failure.status && failure.status < 500 ? 'Correct the values named in the message and run again.' : 'The service had a problem; reads were retried. Try again later.',
			};
	}
}

/** A full response as a failure; `status` undefined means success with the parsed `body`. */
function readResponse(response: IN8nHttpFullResponse): Rimo3Failure {
	let body: unknown = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string' && body.trim()) {
		// n8n hands back the text when it is not JSON (a cut-off answer, a proxy page).
		try {
			body = JSON.parse(body);
		} catch {
			if (response.statusCode < 300) return { status: 200, malformedBody: true };
		}
	}
	if (response.statusCode >= 200 && response.statusCode < 300) return { body };
	return { status: response.statusCode, retryAfterSeconds: parseRetryAfter(response.headers?.['retry-after']), body };
}

/** The one way this node talks to Rimo3: authentication with the cached token, retries, errors. */
export class Rimo3Client {
	readonly node: INode;

	private constructor(
		private readonly ctx: Rimo3Context,
		readonly baseUrl: string,
		private readonly timeoutMs: number,
	) {
		this.node = ctx.getNode();
	}

	static async create(ctx: Rimo3Context): Promise<Rimo3Client> {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		// One timeout per node run: it is about the network, not about any one item.
		const timeoutS = Number(ctx.getNodeParameter('options.requestTimeout', 0, DEFAULT_REQUEST_TIMEOUT_S));
		const timeoutMs = (Number.isFinite(timeoutS) && timeoutS > 0 ? timeoutS : DEFAULT_REQUEST_TIMEOUT_S) * 1000;
		return new Rimo3Client(ctx, trimSlash(credentials.baseUrl), timeoutMs);
	}

	async request(req: Rimo3Request): Promise<unknown> {
		const options: IHttpRequestOptions = {
			method: req.method,
			url: `${this.baseUrl}${req.path}`,
			qs: req.qs,
			body: req.body as IDataObject,
			json: !Buffer.isBuffer(req.body),
			headers: { Accept: 'application/json', ...req.headers },
			timeout: this.timeoutMs,
		};
		const policy = req.retry ?? 'safe';
		let reminted = false;
		let renewNow = false;
		for (let attempt = 1; ; attempt++) {
			let failure: Rimo3Failure;
			try {
				// Only the repeat right after a refusal renews; later repeats use the new token.
				const additional = renewNow ? await this.withRejectedToken() : undefined;
				renewNow = false;
				// The full response, whatever its status: n8n's error for a non-2xx answer drops the
				// headers, and Retry-After is what a 429 must be answered with.
				const response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					CREDENTIAL_TYPE,
					{ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true },
					additional,
				)) as IN8nHttpFullResponse;
				failure = readResponse(response);
				if (failure.status === 401 && !reminted) {
					// The token was refused (revoked, expired, secret rotated): one new token, one repeat.
					// The call was not acted on, so this is safe for an upload too.
					reminted = true;
					renewNow = true;
					attempt--;
					continue;
				}
				if (failure.status === undefined) return failure.body;
			} catch (error) {
				failure = readFailure(error);
			}
			if (attempt >= MAX_ATTEMPTS || !shouldRetry(failure, policy)) {
				const { message, description } = describe(failure, req.action, hostOf(this.baseUrl));
				const httpCode = failure.status ? String(failure.status) : undefined;
				throw new NodeApiError(this.node, { message, httpCode: httpCode ?? null } as JsonObject, {
					message: req.itemIndex === undefined ? message : `${message} [item ${req.itemIndex}]`,
					description,
					httpCode,
					itemIndex: req.itemIndex,
				});
			}
			await sleep(backoffMs(failure, attempt));
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
