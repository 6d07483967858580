// Waits after a 429 or a 5xx are jittered, in the one place that computes them (retryPolicy.ts,
// used by the RMS, BeyondTrust and Rimo3 clients and the token requests) and in the limiter's
// pause after a 429: never shorter than Retry-After, at most half of it longer, so processes that
// collided once come back spread out. Randomness is injected: bounds are asserted exactly, on a
// virtual clock, never on wall time.
'use strict';
const path = require('path');

const dist = (file) => require(path.resolve(__dirname, '../../dist/nodes/shared', file));
const { backoffMs, jittered } = dist('retryPolicy.js');
const { RateLimiter } = dist('rateLimiter.js');

const ALMOST_ONE = 0.999999;

describe('backoffMs', () => {
	test.each([
		['a 429 with Retry-After 1 s', { status: 429, retryAfterSeconds: 1 }, 1, 1000],
		['a 429 with Retry-After 4 s', { status: 429, retryAfterSeconds: 4 }, 1, 4000],
		['a 503 without Retry-After, first retry', { status: 503 }, 1, 500],
		['a 503 without Retry-After, third retry', { status: 503 }, 3, 2000],
	])('%s: from the base up to half of it longer', (_name, failure, attempt, base) => {
		expect(backoffMs(failure, attempt, () => 0)).toBe(base);
		expect(backoffMs(failure, attempt, () => 0.5)).toBe(
			base + Math.floor(0.5 * Math.max(base / 2, 250)),
		);
		const longest = backoffMs(failure, attempt, () => ALMOST_ONE);
		expect(longest).toBeGreaterThan(base + 0.99 * Math.max(base / 2, 250));
		expect(longest).toBeLessThanOrEqual(base + Math.max(base / 2, 250));
	});

	test('thirty processes told "Retry-After: 1" come back at thirty different times', () => {
		const randoms = Array.from({ length: 30 }, (_, i) => (i + 0.5) / 30);
		const waits = randoms.map((r) => backoffMs({ status: 429, retryAfterSeconds: 1 }, 1, () => r));
		expect(new Set(waits).size).toBe(30);
		expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000);
		expect(Math.max(...waits)).toBeLessThan(1500);
	});

	test('Retry-After 0 is still spread (over 250 ms), and a broken random source falls back to the base', () => {
		expect(jittered(0, () => ALMOST_ONE)).toBe(249);
		expect(jittered(1000, () => NaN)).toBe(1000);
		expect(jittered(1000, () => 7)).toBe(1500);
	});
});

describe('the rate limiter after a 429', () => {
	function virtualClock(random) {
		const clock = {
			t: Date.UTC(2026, 0, 5, 13, 0, 0),
			now: () => clock.t,
			sleep: async (ms) => void (clock.t += ms),
			random,
		};
		return clock;
	}

	async function pauseAfter429(random, retryAfter = '1') {
		const clock = virtualClock(random);
		const limiter = new RateLimiter(clock);
		const first = await limiter.acquire(19);
		const answeredAt = clock.t;
		first.done(429, { 'Retry-After': retryAfter });
		const next = await limiter.acquire(19);
		return next.grantedAt - answeredAt;
	}

	test('the pause is Retry-After plus the drawn share of half of it', async () => {
		expect(await pauseAfter429(() => 0)).toBeGreaterThanOrEqual(1000);
		expect(await pauseAfter429(() => 0)).toBeLessThan(1000 + 250);
		const late = await pauseAfter429(() => 0.9);
		expect(late).toBeGreaterThanOrEqual(1450);
		expect(late).toBeLessThanOrEqual(1500 + 250);
	});

	test('two processes with different draws resume at different times', async () => {
		const early = await pauseAfter429(() => 0.1);
		const late = await pauseAfter429(() => 0.8);
		expect(late - early).toBeGreaterThanOrEqual(300);
	});

	test('near the longest wait (30 s) the jitter never turns a wait into "budget used up"', async () => {
		expect(await pauseAfter429(() => ALMOST_ONE, '29')).toBeLessThanOrEqual(30_000 + 250);
	});
});
