import { sleep } from 'n8n-workflow';

/**
 * A per-process sliding-window limiter, one per API account (key = site + client id), shared by
 * every execution in this n8n process. BeyondTrust allows 20 requests/s and 15,000/h per API
 * account; we aim a little under both so network jitter never pushes the server's count over.
 * Per second the requests are spaced evenly; per hour a sliding window counts them.
 */
export interface RateLimits {
	perSecond: number;
	perHour: number;
}

const PADDING_MS = 25;

class SlidingWindow {
	private readonly stamps: number[] = [];

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
	) {}

	/** ms to wait before one more request fits; 0 when it fits now. */
	waitMs(now: number): number {
		while (this.stamps.length && this.stamps[0] <= now - this.windowMs) this.stamps.shift();
		if (this.stamps.length < this.limit) return 0;
		// A little padding: arrivals at the server bunch up by a few ms of network jitter.
		return this.stamps[this.stamps.length - this.limit] + this.windowMs - now + PADDING_MS;
	}

	add(now: number): void {
		this.stamps.push(now);
	}
}

/**
 * Spaces requests evenly (no bursts): a burst that fits a sliding window at the client can
 * arrive as more than the limit within one second at the server, once latencies differ.
 */
class Spacing {
	private next = 0;

	constructor(private readonly intervalMs: number) {}

	waitMs(now: number): number {
		return Math.max(0, this.next - now);
	}

	add(now: number): void {
		this.next = now + this.intervalMs;
	}
}

class Limiter {
	private readonly second: Spacing;
	private readonly hour: SlidingWindow;
	private queue: Promise<void> = Promise.resolve();

	constructor(limits: RateLimits) {
		this.second = new Spacing(1000 / limits.perSecond);
		this.hour = new SlidingWindow(limits.perHour, 3_600_000);
	}

	/** Resolves when one more request may be sent; callers are served in arrival order. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => {
			for (;;) {
				const now = Date.now();
				const wait = Math.max(this.second.waitMs(now), this.hour.waitMs(now));
				if (wait <= 0) break;
				await sleep(wait);
			}
			const now = Date.now();
			this.second.add(now);
			this.hour.add(now);
		});
		this.queue = turn.catch(() => undefined);
		return await turn;
	}
}

const limiters = new Map<string, Limiter>();

export function limiterFor(key: string, limits: RateLimits): Limiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new Limiter(limits);
		limiters.set(key, limiter);
	}
	return limiter;
}
