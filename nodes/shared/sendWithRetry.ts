import { sleep } from 'n8n-workflow';
import type { HttpResponse } from './exchange';
import type { HttpFailure } from './httpFailure';
import { readFailure } from './httpFailure';
import type { RetryPolicy } from './retryPolicy';
import { backoffMs, shouldRetry } from './retryPolicy';

/** What one attempt came to: the value, or what went wrong (and whether the token was refused). */
export type Outcome<T, F extends HttpFailure = HttpFailure> =
	| { value: T }
	| { failure: F; tokenRefused?: boolean };

export interface RetryPlan<T, F extends HttpFailure = HttpFailure> {
	/** Attempts in all; the repeat with a renewed token is not counted. */
	maxAttempts: number;
	policy: RetryPolicy;
	/**
	 * Passed before each attempt, token request included (a rate limit); it is handed the answer,
	 * or nothing when none came. What it throws ends the request as it is.
	 */
	gate?: () => Promise<(response?: HttpResponse) => void>;
	/**
	 * One exchange (exchange.ts: URL rules, redirects, size cap, the Request Timeout as a deadline).
	 * `renew`: the token sent last was refused, so send with a new one. What it throws is read as a
	 * failure (httpFailure.ts).
	 */
	exchange: (renew: boolean) => Promise<HttpResponse>;
	/** A complete answer, in the service's format: the value, or the failure it carries. */
	read: (response: HttpResponse) => Outcome<T, F>;
	/** A failure that is an answer here after all (RMS: a status channel not there yet). */
	accept?: (failure: F) => { value: T } | undefined;
	/** The error a final failure is thrown as, in the service's words. */
	fail: (failure: F) => Error;
	/** Whether a failure may be repeated; by default the package's rule (retryPolicy.ts). */
	retryable?: (failure: F, policy: RetryPolicy) => boolean;
	/** The wait before attempt `attempt + 1`; by default Retry-After or 0.5 s, 1 s, …, jittered. */
	backoff?: (failure: F, attempt: number) => number;
}

async function attemptOnce<T, F extends HttpFailure>(
	plan: RetryPlan<T, F>,
	renew: boolean,
): Promise<Outcome<T, F>> {
	const passed = plan.gate ? await plan.gate() : undefined;
	let response: HttpResponse;
	try {
		response = await plan.exchange(renew);
	} catch (error) {
		passed?.();
		return { failure: readFailure(error) as F };
	}
	passed?.(response);
	return plan.read(response);
}

/**
 * The package's one send-with-retry. A refused token is renewed once and the call repeated once:
 * the service did not act on it, so that is safe for a change too. Other failures are repeated
 * while the plan's policy allows it (a change only when it certainly did not reach the service),
 * with a jittered wait, up to `maxAttempts`; then the service's own error is thrown.
 */
export async function sendWithRetry<T, F extends HttpFailure = HttpFailure>(
	plan: RetryPlan<T, F>,
): Promise<T> {
	const retryable = plan.retryable ?? shouldRetry;
	const backoff = plan.backoff ?? backoffMs;
	let renewed = false;
	let renewNow = false;
	for (let attempt = 1; ; ) {
		// Only the repeat right after a refusal renews; later repeats use the token it got.
		const outcome = await attemptOnce(plan, renewNow);
		renewNow = false;
		if ('value' in outcome) return outcome.value;
		const { failure } = outcome;
		const accepted = plan.accept?.(failure);
		if (accepted) return accepted.value;
		if (outcome.tokenRefused && !renewed) {
			renewed = true;
			renewNow = true;
			continue;
		}
		// A token refused again after its renewal is final: repeating cannot help.
		if (outcome.tokenRefused || attempt >= plan.maxAttempts || !retryable(failure, plan.policy))
			throw plan.fail(failure);
		await sleep(backoff(failure, attempt));
		attempt++;
	}
}
