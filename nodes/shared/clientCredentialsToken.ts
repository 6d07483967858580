import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { exchange, parseJson } from './exchange';
import { failureFromResponse } from './httpFailure';
import { jittered } from './retryPolicy';
import { sendWithRetry } from './sendWithRetry';
import { TokenMintError } from './tokenError';
import { isBoundTo, tokenBinding } from './tokenBinding';
import type { UrlGuard } from './url';
import { hostOf } from './url';

export { TOKEN_ERROR_PREFIX, TokenMintError } from './tokenError';

/**
 * OAuth2 client-credentials tokens for BeyondTrust and Rimo3, written once for both.
 *
 * n8n stores the token in the credential's hidden expirable field and only calls
 * `preAuthentication` when that field is empty or a request came back 401 (or, in the legacy
 * `requestWithAuthentication` path the HTTP Request node uses, after any error); the Test button
 * too. The token is bound to what minted it (tokenBinding.ts). This module adds a per-process cache with single-flight minting on top, so that
 * executions running side by side share one token, and a rejection mints exactly one new token
 * however many requests saw it fail. BeyondTrust invalidates the oldest token when a 31st is
 * minted, so minting per request or per execution would break other workflows on the account.
 *
 * When n8n says "expired" about the very token we cached and it is not old, the token is first
 * checked with one cheap probe call: a 404 or 500 seen by the HTTP Request node must not burn a
 * token. Only a token the service really rejects is replaced.
 *
 * The package's own nodes take their token from here directly (tokenAuth.ts), so they know which
 * token each request carried and mark only that one when it is refused; the credentials'
 * `preAuthentication` takes it from here too. Token requests and probes follow the package's URL,
 * redirect and size rules (exchange.ts).
 */

/** A cheap authenticated call that tells whether a token is still accepted. */
export interface TokenProbe {
	url: string;
	qs?: IDataObject;
	/** True when the answer means "this token is not accepted". HTTP 401 always counts. */
	rejects: (body: unknown) => boolean;
	guard: UrlGuard;
}

export interface TokenRequest {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	/** The token the caller holds now; when it comes back here it was rejected, so never hand it out again. */
	currentToken?: string;
	/**
	 * A token n8n stored in the credential earlier (Test button, HTTP Request node). A process with
	 * nothing cached adopts it instead of minting, but only when `storedBinding` says it was minted
	 * with this token URL, client ID and secret; a rejection then replaces it once.
	 */
	storedToken?: string;
	/** The credential's hidden binding of `storedToken` (tokenBinding.ts). */
	storedBinding?: string;
	/** Shown in messages, e.g. "BeyondTrust Remote Support". */
	service: string;
	probe?: TokenProbe;
	/** The URL rules: https unless loopback or allowed, and the field named when refused. */
	guard: UrlGuard;
}

interface CachedToken {
	token: string;
	expiresAt: number;
}

const REFRESH_EARLY_MS = 60_000;
const DEFAULT_LIFETIME_S = 3600;
const MAX_ATTEMPTS = 3;
const REJECTED_MEMORY = 200;

const tokens = new Map<string, CachedToken>();
const minting = new Map<string, Promise<CachedToken>>();
const rejected = new Set<string>();

/**
 * Marks a token as rejected by the service although the HTTP status was not 401 (BeyondTrust
 * answers `access_denied` inside an HTTP 200 XML body). The next `preAuthentication` then mints.
 */
export function markTokenRejected(token: string): void {
	if (!token) return;
	rejected.add(fingerprint(token));
	if (rejected.size > REJECTED_MEMORY) rejected.delete(rejected.values().next().value as string);
}

function fingerprint(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

function cacheKey(req: TokenRequest): string {
	// The secret is part of the key (hashed, never kept) so a new secret never reuses an old token.
	return `${req.tokenUrl}\n${req.clientId}\n${fingerprint(req.clientSecret)}`;
}

function asObject(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null ? (value as IDataObject) : undefined;
}

/** A message that says what happened and how to fix it, with no secret or token in it. */
function mintFailure(
	req: TokenRequest,
	status: number | undefined,
	body: IDataObject | undefined,
): TokenMintError {
	const host = hostOf(req.tokenUrl);
	const code =
		typeof body?.error === 'string' && /^[a-z_]{1,40}$/.test(body.error) ? ` (${body.error})` : '';
	if (status === 400 || status === 401 || status === 403) {
		return new TokenMintError(
			`${req.service} at ${host} rejected the client ID or client secret${code}. Check both in the credential; regenerating the secret in ${req.service} invalidates the old one.`,
			status,
		);
	}
	if (status === undefined) {
		return new TokenMintError(
			`the ${req.service} token endpoint at ${host} could not be reached. Check the URL in the credential and the network.`,
		);
	}
	return new TokenMintError(
		`${req.service} at ${host} could not issue an access token (HTTP ${status}${code}). Try again later.`,
		status,
	);
}

async function requestToken(helper: IHttpRequestHelper, req: TokenRequest): Promise<unknown> {
	return await sendWithRetry<unknown>({
		maxAttempts: MAX_ATTEMPTS,
		policy: 'safe',
		exchange: async () =>
			await exchange(
				async (o) => await helper.helpers.httpRequest(o),
				{
					method: 'POST',
					url: req.tokenUrl,
					auth: { username: req.clientId, password: req.clientSecret },
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded',
						Accept: 'application/json',
						Connection: 'close',
					},
					body: 'grant_type=client_credentials',
					timeout: 30_000,
					ignoreHttpStatusErrors: true,
				},
				req.guard,
			),
		read: (response) => {
			const body = asObject(parseJson(response.body));
			const ok = response.statusCode >= 200 && response.statusCode < 300;
			return ok ? { value: body } : { failure: failureFromResponse(response, body) };
		},
		// A refused token request is final; only overload and network trouble are worth another try
		// (a token request changes nothing that a repeat could double, apart from the 30-token cap).
		retryable: (failure) =>
			!failure.unsafeMessage &&
			(failure.status === undefined || failure.status === 429 || failure.status >= 500),
		backoff: (failure, attempt) =>
			jittered(Math.min(failure.retryAfterSeconds ?? 2 ** (attempt - 1), 10) * 1000),
		fail: (failure) =>
			failure.unsafeMessage
				? new TokenMintError(failure.unsafeMessage)
				: mintFailure(req, failure.status, asObject(failure.body)),
	});
}

async function mint(helper: IHttpRequestHelper, req: TokenRequest): Promise<CachedToken> {
	const body = await requestToken(helper, req);
	const answer = typeof body === 'object' && body !== null ? (body as IDataObject) : {};
	if (typeof answer.access_token !== 'string' || !answer.access_token) {
		throw new TokenMintError(
			`${req.service} at ${hostOf(req.tokenUrl)} answered the token request without an access token. Check the URL in the credential.`,
		);
	}
	const lifetime = Number(answer.expires_in);
	const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S;
	return { token: answer.access_token, expiresAt: Date.now() + seconds * 1000 };
}

/** One probe call with the token; true when the service still accepts it. */
async function stillAccepted(
	helper: IHttpRequestHelper,
	probe: TokenProbe,
	token: string,
): Promise<boolean> {
	const { status, body } = await probeOnce(helper, probe, token);
	// 401 is a rejection; anything else (5xx, network) says nothing about the token: keep it.
	if (status === 401) return false;
	return status === undefined || status >= 300 || !probe.rejects(body);
}

async function probeOnce(
	helper: IHttpRequestHelper,
	probe: TokenProbe,
	token: string,
): Promise<{ status?: number; body?: unknown }> {
	try {
		const response = await exchange(
			async (o) => await helper.helpers.httpRequest(o),
			{
				method: 'GET',
				url: probe.url,
				qs: probe.qs,
				headers: { Authorization: `Bearer ${token}`, Connection: 'close' },
				timeout: 30_000,
				ignoreHttpStatusErrors: true,
			},
			probe.guard,
		);
		return { status: response.statusCode, body: response.body };
	} catch {
		return {};
	}
}

function usable(cached: CachedToken | undefined): cached is CachedToken {
	return (
		!!cached &&
		cached.expiresAt - REFRESH_EARLY_MS > Date.now() &&
		!rejected.has(fingerprint(cached.token))
	);
}

/**
 * Returns a usable token: the cached one while it is fresh and not rejected, otherwise a new one,
 * minted once for all concurrent callers.
 */
export async function obtainClientCredentialsToken(
	helper: IHttpRequestHelper,
	req: TokenRequest,
): Promise<string> {
	const key = cacheKey(req);
	if (
		!tokens.has(key) &&
		isBoundTo(req, req.storedToken, req.storedBinding) &&
		!rejected.has(fingerprint(req.storedToken as string))
	) {
		tokens.set(key, {
			token: req.storedToken as string,
			expiresAt: Date.now() + DEFAULT_LIFETIME_S * 1000,
		});
	}
	const cached = tokens.get(key);
	if (usable(cached) && cached.token !== req.currentToken) return cached.token;
	let pending = minting.get(key);
	if (!pending) {
		pending = (async () => {
			// n8n calls "expired" after errors that are not about the token; check before replacing it.
			if (usable(cached) && req.probe && (await stillAccepted(helper, req.probe, cached.token)))
				return cached;
			if (cached) rejected.add(fingerprint(cached.token));
			return await mint(helper, req);
		})().finally(() => minting.delete(key));
		minting.set(key, pending);
	}
	const fresh = await pending;
	tokens.set(key, fresh);
	return fresh.token;
}

/**
 * What a credential's `preAuthentication` returns: the token and its binding, both persisted by
 * n8n in the credential's hidden fields.
 */
export async function preAuthenticate(
	helper: IHttpRequestHelper,
	req: TokenRequest,
): Promise<{ accessToken: string; tokenBinding: string }> {
	const accessToken = await obtainClientCredentialsToken(helper, req);
	return { accessToken, tokenBinding: tokenBinding(req, accessToken) };
}
