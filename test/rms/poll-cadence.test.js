// The status-channel cadence is a pure function (attempt, elapsed, interval → next wait): these
// figures follow from it alone, with no clock and no network.
const {
	nextPollWaitMs,
	MAX_POLL_WAIT_MS,
} = require('../../dist/nodes/TeltonikaRms/transport/statusChannel');

const INTERVAL_MS = 500; // the node's default poll interval

/** Times (ms after the start) at which a channel is checked until one check sees it done. */
function checksUntil(channelMs, intervalMs = INTERVAL_MS) {
	const times = [];
	let elapsed = 0;
	for (let attempt = 0; times.length < 1000; attempt++) {
		elapsed += nextPollWaitMs(attempt, elapsed, intervalMs);
		times.push(elapsed);
		if (elapsed >= channelMs) return times;
	}
	throw new Error('no end');
}

test('first check after twice the interval, then the interval until a fifth of the elapsed time is longer', () => {
	expect(checksUntil(5000)).toEqual([1000, 1500, 2000, 2500, 3000, 3600, 4320, 5184]);
});

test('waits never exceed the cap, nor go below the interval', () => {
	expect(nextPollWaitMs(5, 3_600_000, INTERVAL_MS)).toBe(MAX_POLL_WAIT_MS);
	expect(nextPollWaitMs(5, 100, INTERVAL_MS)).toBe(INTERVAL_MS);
	// An interval above the cap is honoured as asked.
	expect(nextPollWaitMs(5, 100, 8000)).toBe(8000);
});

test.each([
	[1.5, 3],
	[5, 9],
	[15, 15],
	[60, 25],
])(
	'a channel that completes after %s s costs at most %i polls, and is seen within 1.2 x its time',
	(seconds, maxPolls) => {
		const times = checksUntil(seconds * 1000);
		expect(times.length).toBeLessThanOrEqual(maxPolls);
		expect(times[times.length - 1]).toBeLessThanOrEqual(1.2 * seconds * 1000);
	},
);

test('the poll counts for 1.5, 5, 15 and 60 s channels', () => {
	expect([1.5, 5, 15, 60].map((s) => checksUntil(s * 1000).length)).toEqual([2, 8, 14, 24]);
});

test('a fixed-cadence client would need several times as many polls for a slow channel', () => {
	// The old cadence: first check after 1 s, then every 0.5 s.
	const fixedPolls = (ms) => Math.ceil((ms - 1000) / 500) + 1;
	expect(fixedPolls(60_000)).toBe(119);
	expect(checksUntil(60_000).length * 4).toBeLessThan(fixedPolls(60_000));
});
