// The waits the e2e checks share: for a state, never for a fixed time alone.
'use strict';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves to fn()'s first truthy value, checking every `everyMs`; throws after `timeoutMs`. */
async function waitFor(what, fn, timeoutMs, everyMs) {
	const t0 = Date.now();
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() - t0 > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000}s: ${what}`);
		await sleep(everyMs);
	}
}

module.exports = { sleep, waitFor };
