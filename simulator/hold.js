'use strict';
// The `hold` fault: the first `count` matching requests are held until all of them have arrived,
// then let through in arrival order, `staggerMs` apart. Clients that sent the same request side
// by side thus get their answers at known, different moments, whatever their own timing was.
// If fewer than `count` requests ever arrive, the held ones wait until the server stops.

const waiting = new WeakMap(); // fault -> release functions of the requests held so far

function holdRequest(fault) {
	const held = waiting.get(fault) || [];
	waiting.set(fault, held);
	return new Promise((release) => {
		held.push(release);
		if (held.length < fault.count) return;
		held.forEach((go, i) => setTimeout(go, i * Number(fault.staggerMs || 0)));
	});
}

module.exports = { holdRequest };
