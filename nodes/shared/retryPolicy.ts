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

/** Retry-After when the service gave one, else 0.5 s, 1 s, 2 s, … */
export function backoffMs(failure: HttpFailure, attempt: number): number {
	if (failure.retryAfterSeconds !== undefined) return failure.retryAfterSeconds * 1000;
	return 500 * 2 ** (attempt - 1);
}
