import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { parseRetryAfter } from './httpFailure';
import type { Random } from './retryPolicy';
import { jittered } from './retryPolicy';

/**
 * A per-process limiter, one per API account (key = site + client id), shared by every execution
 * in this n8n process. Guarantee: at most N requests in any sliding 1 s window at the server.
 *
 * A request is counted from the moment its permit is granted until its answer has been read
 * (`done`), plus one window: whenever the server received it, that was in between. So a stalled
 * event loop that delays sends cannot bunch more than N into one second: permits whose requests
 * have not gone out yet still count. Even spacing (1000 / N ms) only smooths the flow.
 *
 * The answers steer it too: a 429 pauses every caller of the key until its Retry-After; a low
 * `X-RateLimit-Remaining` (BeyondTrust's hourly budget, see docs/vendor-behaviour.md) spaces the
 * requests so the rest lasts until the budget resets; an exhausted budget fails with its reset time.
 */

const WINDOW_MS = 1000;
/** The server's clock and window edges are not ours; a little margin on each window. */
const PADDING_MS = 25;
/** Longer than this, a pause means the budget is gone: waiting inside a workflow won't help. */
const MAX_WAIT_MS = 30_000;
/** Below this many requests left in the hour, spread them over the time until the reset. */
const LOW_BUDGET = 1_500;
const HOUR_MS = 3_600_000;
const MAX_STEP_MS = 250;
const IN_FLIGHT_STEP_MS = 5;
/** A permit never reported done (a bug, a lost promise) stops counting after this long. */
const STALE_PERMIT_MS = 300_000;

export type Headers = Record<string, unknown> | undefined;

/** The account's request budget is used up for longer than a node should wait. */
export class RateBudgetExhaustedError extends Error {
	constructor(
		readonly resetAt: number,
		now: number,
		answered429 = false,
	) {
		const at = new Date(resetAt).toISOString().slice(11, 19);
		const minutes = Math.max(1, Math.ceil((resetAt - now) / 60_000));
		const cause = answered429 ? 'Rate limit reached (429 Too Many Requests): the' : 'The';
		super(
			`${cause} request budget of this API account is used up: it resets at ${at} UTC (in ${minutes} minute${minutes === 1 ? '' : 's'}). Try again after that, or lower the request rate.`,
		);
		this.name = 'RateBudgetExhaustedError';
	}
}

/** Rethrows an exhausted budget as the node's error, naming the item; anything else as it is. */
export function rethrowExhausted(node: INode, error: unknown, itemIndex?: number): never {
	if (!(error instanceof RateBudgetExhaustedError)) throw error;
	throw new NodeApiError(node, { message: error.message } as JsonObject, {
		message: itemIndex === undefined ? error.message : `${error.message} [item ${itemIndex}]`,
		description:
			"The API account's hourly request budget is shared by every client that uses the account.",
		httpCode: '429',
		itemIndex,
	});
}

export interface Permit {
	readonly grantedAt: number;
	/**
	 * Call once the answer is read (status and headers), or without arguments when no answer came.
	 * Throws RateBudgetExhaustedError on a 429 whose Retry-After is longer than a node should wait.
	 */
	done(status?: number, headers?: Headers): void;
}

interface Clock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
	/** Spreads the pause after a 429 (tests pin it). */
	random?: Random;
}

interface Sent {
	grantedAt: number;
	/** When the answer was read; undefined while the request may still be on its way. */
	doneAt?: number;
}

function header(headers: Headers, name: string): unknown {
	if (!headers) return undefined;
	const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
	return found === undefined ? undefined : headers[found];
}

/** X-RateLimit-Reset as epoch seconds or as seconds from now (APIs use both). */
function resetFrom(headers: Headers, now: number): number | undefined {
	const value = Number(header(headers, 'x-ratelimit-reset'));
	if (!Number.isFinite(value) || value < 0) return undefined;
	return value > 1e9 ? value * 1000 : now + value * 1000;
}

export class RateLimiter {
	private sent: Sent[] = [];
	private lastGrantAt = -Infinity;
	private pausedUntil = 0;
	private budget?: { remaining: number; resetAt: number };
	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly clock: Clock = { now: Date.now, sleep }) {}

	/** Resolves when one more request may be sent; callers are served in arrival order. */
	async acquire(perSecond: number): Promise<Permit> {
		const rate = Number.isFinite(perSecond) && perSecond >= 1 ? perSecond : 1;
		const turn = this.queue.then(async () => await this.grant(rate));
		this.queue = turn.then(
			() => undefined,
			() => undefined,
		);
		return await turn;
	}

	private async grant(rate: number): Promise<Permit> {
		for (;;) {
			const now = this.clock.now();
			const wait = this.waitMs(now, rate);
			if (wait <= 0) break;
			// Short steps: an answer (a 429, new budget headers) can change the wait meanwhile.
			await this.clock.sleep(Math.min(wait, MAX_STEP_MS));
		}
		const entry: Sent = { grantedAt: this.clock.now() };
		this.sent.push(entry);
		this.lastGrantAt = entry.grantedAt;
		if (this.budget) this.budget.remaining -= 1;
		return {
			grantedAt: entry.grantedAt,
			done: (status, headers) => this.done(entry, status, headers),
		};
	}

	/** ms until one more request may go; 0 when it may go now. Throws when the budget is gone. */
	private waitMs(now: number, rate: number): number {
		if (this.pausedUntil - now > MAX_WAIT_MS)
			throw new RateBudgetExhaustedError(this.pausedUntil, now);
		if (this.budget && now >= this.budget.resetAt) this.budget = undefined;
		let intervalMs = 1000 / rate;
		if (this.budget && this.budget.remaining <= 0) {
			if (this.budget.resetAt - now > MAX_WAIT_MS)
				throw new RateBudgetExhaustedError(this.budget.resetAt, now);
			return this.budget.resetAt - now;
		}
		if (this.budget && this.budget.remaining <= LOW_BUDGET) {
			// Capped: a node waits at most MAX_WAIT_MS for one request; the last few then trickle.
			const spread = (this.budget.resetAt - now) / this.budget.remaining;
			intervalMs = Math.max(intervalMs, Math.min(MAX_WAIT_MS, spread));
		}
		return Math.max(
			this.pausedUntil - now,
			this.lastGrantAt + intervalMs - now,
			this.windowWaitMs(now, rate),
		);
	}

	/** ms until fewer than `rate` requests may fall in the window that a request sent now falls in. */
	private windowWaitMs(now: number, rate: number): number {
		const horizon = now - WINDOW_MS - PADDING_MS;
		this.sent = this.sent.filter(
			(s) =>
				(s.doneAt ?? s.grantedAt + STALE_PERMIT_MS) > horizon &&
				s.grantedAt > now - STALE_PERMIT_MS,
		);
		const limit = Math.floor(rate);
		if (this.sent.length < limit) return 0;
		const inFlight = this.sent.filter((s) => s.doneAt === undefined).length;
		// Still on their way, they may reach the server any time: wait for their answers.
		if (inFlight >= limit) return IN_FLIGHT_STEP_MS;
		const finished = this.sent.map((s) => s.doneAt).filter((t): t is number => t !== undefined);
		finished.sort((a, b) => a - b);
		return finished[this.sent.length - limit] - horizon;
	}

	private done(entry: Sent, status?: number, headers?: Headers): void {
		if (entry.doneAt !== undefined) return;
		const now = this.clock.now();
		entry.doneAt = now;
		if (status !== 429) {
			this.readBudget(headers, now, resetFrom(headers, now));
			return;
		}
		const retryAfterMs = (parseRetryAfter(header(headers, 'retry-after')) ?? 1) * 1000;
		const retryAt = now + retryAfterMs;
		// Jittered (never before Retry-After, never past the longest wait), so processes that got
		// the same 429 come back spread out instead of colliding again.
		const resumeAt = Math.min(
			now + jittered(retryAfterMs, this.clock.random),
			Math.max(retryAt, now + MAX_WAIT_MS),
		);
		this.pausedUntil = Math.max(this.pausedUntil, resumeAt);
		// On a 429, Retry-After says when to try again, whatever the remaining count says.
		this.readBudget(headers, now, retryAt);
		if (retryAt - now > MAX_WAIT_MS) throw new RateBudgetExhaustedError(retryAt, now, true);
	}

	private readBudget(headers: Headers, now: number, knownResetAt: number | undefined): void {
		const remaining = Number(header(headers, 'x-ratelimit-remaining') ?? NaN);
		if (!Number.isFinite(remaining)) return;
		// Without a reset time, the hour that counts is over within an hour from now at the latest.
		const resetAt = knownResetAt ?? now + HOUR_MS;
		const inFlight = this.sent.filter((s) => s.doneAt === undefined).length;
		this.budget = { remaining: remaining - inFlight, resetAt };
	}
}

const limiters = new Map<string, RateLimiter>();

/** Forgets every account's pauses and budgets (tests: a fresh simulator behind the same key). */
export function clearRateLimiters(): void {
	limiters.clear();
}

export function limiterFor(key: string): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}
