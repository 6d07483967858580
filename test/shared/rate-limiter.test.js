// The shared rate limiter (nodes/shared/rateLimiter.ts), on its own: the sliding-window guarantee
// with a blocked event loop, a 429 pausing every caller of the key, and the hourly budget headers.
// Counts only; the budget tests run on a virtual clock.
const http = require('http');
const path = require('path');

const { RateLimiter, RateBudgetExhaustedError } = require(
	path.resolve(__dirname, '../../dist/nodes/shared/rateLimiter.js'),
);

/** Most entries of `times` inside any window shorter than 1 s. */
function peakInOneSecond(times) {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= 1000) j++;
		peak = Math.max(peak, i - j + 1);
	}
	return peak;
}

function busyWait(ms) {
	const end = Date.now() + ms;
	while (Date.now() < end);
}

/** A loopback server that stamps each arrival; `answer(n)` gives the n-th request's status/headers. */
async function startServer(answer = () => ({ status: 200, headers: {} })) {
	const arrivals = [];
	const server = http.createServer((req, res) => {
		arrivals.push(Date.now());
		const { status, headers } = answer(arrivals.length);
		res.writeHead(status, { Connection: 'close', ...headers });
		res.end('ok');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/`;
	const get = () =>
		new Promise((resolve, reject) => {
			const req = http.get(url, { agent: false }, (res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
			});
			req.on('error', reject);
		});
	return { arrivals, get, stop: () => new Promise((resolve) => server.close(resolve)) };
}

test('a blocked event loop between grant and send never puts more than N requests into one second', async () => {
	const N = 10;
	const server = await startServer();
	const limiter = new RateLimiter();
	const sends = [];
	let granted = 0;
	const worker = async () => {
		const permit = await limiter.acquire(N);
		granted += 1;
		// The 12th caller blocks the whole process for 1.5 s after its permit, before its send:
		// it goes out late, together with whatever the limiter grants right after the stall.
		if (granted === 12) busyWait(1500);
		sends.push(Date.now());
		const { status, headers } = await server.get();
		permit.done(status, headers);
	};
	try {
		await Promise.all(Array.from({ length: 35 }, worker));
	} finally {
		await server.stop();
	}
	expect(sends).toHaveLength(35);
	expect(server.arrivals).toHaveLength(35);
	expect(peakInOneSecond(sends)).toBeLessThanOrEqual(N);
	expect(peakInOneSecond(server.arrivals)).toBeLessThanOrEqual(N);
	// Not vacuous: the rate was used (at least N - 1 requests in some second).
	expect(peakInOneSecond(server.arrivals)).toBeGreaterThanOrEqual(N - 1);
}, 30000);

test('a 429 with Retry-After pauses every waiting caller of the key until it has passed', async () => {
	const server = await startServer((n) =>
		n === 3 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200, headers: {} },
	);
	const limiter = new RateLimiter();
	const other = new RateLimiter(); // another API account: not paused
	let limitedAt;
	const permits = [];
	const worker = async () => {
		const permit = await limiter.acquire(20);
		permits.push(permit);
		const { status, headers } = await server.get();
		if (status === 429) limitedAt = Date.now();
		permit.done(status, headers);
	};
	try {
		const run = Promise.all(Array.from({ length: 12 }, worker));
		while (limitedAt === undefined) await new Promise((resolve) => setImmediate(resolve));
		const otherPermit = await other.acquire(20);
		const otherGrantedAt = otherPermit.grantedAt;
		otherPermit.done(200, {});
		await run;
		expect(otherGrantedAt).toBeLessThan(limitedAt + 1000);
	} finally {
		await server.stop();
	}
	expect(server.arrivals).toHaveLength(12);
	const during = permits.filter((p) => p.grantedAt > limitedAt && p.grantedAt < limitedAt + 1000);
	const after = permits.filter((p) => p.grantedAt >= limitedAt + 1000);
	expect(during).toHaveLength(0);
	expect(after.length).toBeGreaterThanOrEqual(6); // they were waiting, and all of them waited
}, 30000);

/** A virtual clock: sleeping moves it forward, nothing waits for real. */
function virtualClock(start) {
	const clock = { t: start, now: () => clock.t, sleep: async (ms) => void (clock.t += ms) };
	return clock;
}

/** `count` requests one after another at 19/s, answered without headers; grant times from `start`. */
async function grantTimes(limiter, count, start) {
	const grants = [];
	for (let i = 0; i < count; i++) {
		const permit = await limiter.acquire(19);
		grants.push(permit.grantedAt - start);
		permit.done(200, {});
	}
	return grants;
}

test('a low X-RateLimit-Remaining spreads the rest of the budget until the reset', async () => {
	const clock = virtualClock(Date.UTC(2026, 0, 5, 13, 0, 0));
	const limiter = new RateLimiter(clock);
	const start = clock.t;
	(await limiter.acquire(19)).done(200, {
		'x-ratelimit-remaining': '10',
		'x-ratelimit-reset': '100',
	});
	const grants = await grantTimes(limiter, 10, start);
	// 10 requests left for 100 s: about one every 10 s, not 10 in the first second.
	expect(grants.filter((t) => t < 1000)).toHaveLength(0);
	expect(grants.filter((t) => t < 50_000).length).toBeLessThanOrEqual(5);
	expect(grants.filter((t) => t <= 100_000)).toHaveLength(10);
});

test('a plentiful budget does not slow anything down', async () => {
	const clock = virtualClock(Date.UTC(2026, 0, 5, 13, 0, 0));
	const limiter = new RateLimiter(clock);
	const start = clock.t;
	(await limiter.acquire(19)).done(200, { 'X-RateLimit-Remaining': '14000' });
	const grants = await grantTimes(limiter, 18, start);
	expect(grants.filter((t) => t < 1000)).toHaveLength(18);
});

test('an exhausted budget fails with the clock time it resets at', async () => {
	const clock = virtualClock(Date.UTC(2026, 0, 5, 13, 37, 0));
	const limiter = new RateLimiter(clock);
	const resetEpoch = Date.UTC(2026, 0, 5, 14, 0, 0) / 1000;
	(await limiter.acquire(19)).done(200, {
		'X-RateLimit-Remaining': '0',
		'X-RateLimit-Reset': String(resetEpoch),
	});
	const error = await limiter.acquire(19).catch((e) => e);
	expect(error).toBeInstanceOf(RateBudgetExhaustedError);
	expect(error.message).toMatch(/used up: it resets at 14:00:00 UTC \(in 23 minutes\)/);
	// After the reset, requests flow again.
	clock.t = resetEpoch * 1000 + 1;
	await expect(limiter.acquire(19)).resolves.toHaveProperty('grantedAt', clock.t);
});

test('a 429 with a long Retry-After fails this request and every waiting one with the reset time', async () => {
	const clock = virtualClock(Date.UTC(2026, 0, 5, 13, 30, 0));
	const limiter = new RateLimiter(clock);
	const permit = await limiter.acquire(19);
	expect(() => permit.done(429, { 'retry-after': '1800', 'x-ratelimit-remaining': '0' })).toThrow(
		/resets at 14:00:00 UTC \(in 30 minutes\)/,
	);
	await expect(limiter.acquire(19)).rejects.toThrow(/resets at 14:00:00 UTC/);
});

test('a 429 with a short Retry-After only delays the next request', async () => {
	const clock = virtualClock(Date.UTC(2026, 0, 5, 13, 30, 0));
	const limiter = new RateLimiter(clock);
	const permit = await limiter.acquire(19);
	permit.done(429, { 'Retry-After': '2' });
	const limitedAt = clock.t;
	const next = await limiter.acquire(19);
	expect(next.grantedAt).toBeGreaterThanOrEqual(limitedAt + 2000);
});

/** A limiter on a virtual clock at 13:30:00 UTC with two requests on their way. */
async function twoInFlight() {
	const clock = virtualClock(Date.UTC(2026, 0, 5, 13, 30, 0));
	const limiter = new RateLimiter(clock);
	return { clock, limiter, first: await limiter.acquire(19), second: await limiter.acquire(19) };
}

test('a per-second 429 that says Remaining 0 pauses for its Retry-After, not for the hour', async () => {
	const { clock, limiter, first: inFlight, second: limited } = await twoInFlight();
	limited.done(429, { 'Retry-After': '1', 'X-RateLimit-Remaining': '0' });
	const limitedAt = clock.t;
	expect(() => inFlight.done(200, { 'X-RateLimit-Remaining': '14000' })).not.toThrow();
	const next = await limiter.acquire(19);
	expect(next.grantedAt).toBeGreaterThanOrEqual(limitedAt + 1000);
	expect(next.grantedAt).toBeLessThan(limitedAt + 2000);
});

test('an answer that arrives while the account is paused for long is not itself a failure', async () => {
	const { limiter, first, second } = await twoInFlight();
	expect(() => first.done(429, { 'Retry-After': '1800' })).toThrow(RateBudgetExhaustedError);
	expect(() => second.done(200, {})).not.toThrow();
	await expect(limiter.acquire(19)).rejects.toThrow(/resets at 14:00:00 UTC/);
});
