import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * OAuth2 client-credentials tokens for BeyondTrust and Rimo3, written once for both.
 *
 * n8n stores the token in the credential's hidden expirable field and only calls
 * `preAuthentication` when that field is empty, when a request came back 401, or for the Test
 * button. This module adds a per-process cache with single-flight minting on top, so that
 * executions running side by side share one token, and a rejection mints exactly one new token
 * however many requests saw it fail. BeyondTrust invalidates the oldest token when a 31st is
 * minted, so minting per request or per execution would break other workflows on the account.
 */

export interface TokenRequest {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	/** The token the caller holds now; when it comes back here it was rejected, so never hand it out again. */
	currentToken?: string;
	/** Shown in messages, e.g. "BeyondTrust Remote Support". */
	service: string;
}

interface CachedToken {
	token: string;
	expiresAt: number;
}

const REFRESH_EARLY_MS = 60_000;
const DEFAULT_LIFETIME_S = 3600;
const MAX_ATTEMPTS = 3;

const tokens = new Map<string, CachedToken>();
const minting = new Map<string, Promise<CachedToken>>();
let mintCount = 0;

/** How many tokens this process has minted; the simulator counts too, this is for tests and benchmarks. */
export function mintedTokenCount(): number {
	return mintCount;
}

/** Forgets every cached token (tests, or after rotating a secret in place). */
export function clearTokenCache(): void {
	tokens.clear();
	minting.clear();
}

function cacheKey(req: TokenRequest): string {
	// The secret is part of the key (hashed, never kept) so a new secret never reuses an old token.
	const secretHash = createHash('sha256').update(req.clientSecret).digest('hex');
	return `${req.tokenUrl}\n${req.clientId}\n${secretHash}`;
}

function hostOf(url: string): string {
	const match = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
	return match ? match[1] : url;
}

interface FailureLike {
	message?: string;
	code?: string;
	cause?: FailureLike;
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
}

function statusOf(error: FailureLike): { status?: number; body?: IDataObject; retryAfter?: number } {
	for (let e: FailureLike | undefined = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
		if (e.response) {
			const data = e.response.data;
			const body = typeof data === 'object' && data !== null ? (data as IDataObject) : undefined;
			const retryAfter = Number(e.response.headers?.['retry-after']);
			return { status: e.response.status, body, retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined };
		}
	}
	return {};
}

/** A message that says what happened and how to fix it, with no secret or token in it. */
function mintFailure(req: TokenRequest, status: number | undefined, body: IDataObject | undefined): Error {
	const host = hostOf(req.tokenUrl);
	const oauthError = typeof body?.error === 'string' ? ` (${body.error})` : '';
	if (status === 400 || status === 401 || status === 403) {
		return new Error(
			`${req.service} at ${host} rejected the client ID or client secret${oauthError}. Check both in the credential; regenerating the secret in ${req.service} invalidates the old one.`,
		);
	}
	if (status === undefined) {
		return new Error(`Could not reach the ${req.service} token endpoint at ${host}. Check the URL in the credential and the network.`);
	}
	return new Error(`${req.service} at ${host} could not issue an access token (HTTP ${status}${oauthError}). Try again later.`);
}

async function requestToken(helper: IHttpRequestHelper, req: TokenRequest): Promise<unknown> {
	for (let attempt = 1; ; attempt++) {
		let failure: { status?: number; body?: IDataObject; retryAfter?: number };
		try {
			return await helper.helpers.httpRequest({
				method: 'POST',
				url: req.tokenUrl,
				auth: { username: req.clientId, password: req.clientSecret },
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: 'grant_type=client_credentials',
				json: true,
				timeout: 30_000,
			});
		} catch (error) {
			failure = statusOf(error as FailureLike);
		}
		// A refused token request is final; only overload and network trouble are worth another try.
		const transient = failure.status === undefined || failure.status === 429 || failure.status >= 500;
		if (!transient || attempt >= MAX_ATTEMPTS) throw mintFailure(req, failure.status, failure.body);
		await sleep(Math.min(failure.retryAfter ?? 2 ** (attempt - 1), 10) * 1000);
	}
}

async function mint(helper: IHttpRequestHelper, req: TokenRequest): Promise<CachedToken> {
	const body = await requestToken(helper, req);
	const answer = typeof body === 'object' && body !== null ? (body as IDataObject) : {};
	if (typeof answer.access_token !== 'string' || !answer.access_token) {
		throw new Error(`${req.service} at ${hostOf(req.tokenUrl)} answered the token request without an access token. Check the URL in the credential.`);
	}
	mintCount++;
	const lifetime = Number(answer.expires_in);
	const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S;
	return { token: answer.access_token, expiresAt: Date.now() + seconds * 1000 };
}

/**
 * Returns a usable token: the cached one while it is fresh and not the one being rejected,
 * otherwise a new one, minted once for all concurrent callers.
 */
export async function obtainClientCredentialsToken(helper: IHttpRequestHelper, req: TokenRequest): Promise<string> {
	const key = cacheKey(req);
	const cached = tokens.get(key);
	if (cached && cached.expiresAt - REFRESH_EARLY_MS > Date.now() && cached.token !== req.currentToken) {
		return cached.token;
	}
	let pending = minting.get(key);
	if (!pending) {
		pending = mint(helper, req).finally(() => minting.delete(key));
		minting.set(key, pending);
	}
	const fresh = await pending;
	tokens.set(key, fresh);
	return fresh.token;
}

export function trimUrl(url: unknown): string {
	return String(url ?? '').trim().replace(/\/+$/, '');
}
