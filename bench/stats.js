// Small numeric helpers for the benchmark: every figure is a median of several runs.
'use strict';

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function timed(fn) {
	const started = process.hrtime.bigint();
	const result = await fn();
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

module.exports = { median, round, timed };
