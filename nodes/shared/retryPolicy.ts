import type { HttpFailure } from './httpFailure';

/**
 * `safe`: repeating the call changes nothing (reads, reports, polls), so 429, 5xx, dropped
 * connections and unreadable bodies are retried. `rejectedOnly`: the call changes state, so it is
 * repeated only when the service certainly did not act on it (a 429 or a refused connection).
 */
export type RetryPolicy = 'safe' | 'rejectedOnly';

/** Longer Retry-After values mean a quota is gone; waiting inside a workflow won't help. */
const MAX_RETRY_AFTER_SECONDS = 30;
const RETRYABLE_STATUS = [429, 500, 502, 503, 504];

export function shouldRetry(failure: HttpFailure, policy: RetryPolicy): boolean {
	if (failure.tokenMessage || failure.unsafeMessage || failure.oauthMessage) return false;
	if (failure.status === 429) return (failure.retryAfterSeconds ?? 1) <= MAX_RETRY_AFTER_SECONDS;
	if (policy === 'rejectedOnly') return failure.networkCode === 'ECONNREFUSED';
	if (failure.malformedBody || failure.networkCode) return true;
	return failure.status !== undefined && RETRYABLE_STATUS.includes(failure.status);
}

/** A number in [0, 1); injectable so tests can pin the spread. */
export type Random = () => number;

/** Every wait is spread over [base, base + half of it], and at least over this many ms. */
const JITTER_SHARE = 0.5;
const MIN_JITTER_MS = 250;

/**
 * The one place a wait after a 429, a 5xx or a dropped call is computed: never shorter than the
 * base (a Retry-After is a minimum), plus a random share of it, so processes that collided once
 * (one API account, several n8n workers) do not all come back at the same instant again.
 */
export function jittered(baseMs: number, random: Random = Math.random): number {
	const base = Math.max(0, baseMs);
	const r = Math.min(Math.max(Number(random()) || 0, 0), 1);
	return base + Math.floor(r * Math.max(base * JITTER_SHARE, MIN_JITTER_MS));
}

/** Retry-After when the service gave one, else 0.5 s, 1 s, 2 s, …; jittered either way. */
export function backoffMs(failure: HttpFailure, attempt: number, random?: Random): number {
	const base =
		failure.retryAfterSeconds !== undefined
			? failure.retryAfterSeconds * 1000
			: 500 * 2 ** (attempt - 1);
	return jittered(base, random);
}
