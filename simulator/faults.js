'use strict';
// Run-time fault injection, generic over personalities. A fault is a plain object:
//   { kind, route?, personality?, count?, ...params }
// kinds and their params:
//   latency   { ms }                          delay before the request is handled
//   status    { status, retryAfter?, message? } answer with that HTTP status (429 gets Retry-After)
//   drop      { after? }                       destroy the socket (after: true = handle it first)
//   malformed {}                               handle it, then send truncated JSON
//   channel   { outcome: 'error'|'warning'|'never' }  the next channel created ends that way
//   hold      { staggerMs? } (count required)  hold requests until `count` arrived, then release
//                                              them staggerMs apart (hold.js)
// route: "GET /api/devices" (method + template), "/api/devices" (any method), "*" or absent (all).
// count: how many matching requests it applies to, then it disappears; absent = until cleared.

const KINDS = ['latency', 'status', 'drop', 'malformed', 'channel', 'hold'];
const CHANNEL_OUTCOMES = ['error', 'warning', 'never'];

function validate(fault) {
	if (!fault || typeof fault !== 'object') throw new Error('a fault must be an object');
	if (!KINDS.includes(fault.kind)) throw new Error(`fault kind must be one of ${KINDS.join(', ')}`);
	if (fault.count !== undefined && !(Number.isInteger(fault.count) && fault.count > 0)) {
		throw new Error('fault count must be a positive integer');
	}
	if (fault.kind === 'latency' && !(Number(fault.ms) >= 0))
		throw new Error('latency needs ms >= 0');
	if (fault.kind === 'hold' && fault.count === undefined) throw new Error('hold needs a count');
	if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 400)) {
		throw new Error('status fault needs an HTTP status >= 400');
	}
	if (fault.kind === 'channel' && !CHANNEL_OUTCOMES.includes(fault.outcome)) {
		throw new Error(`channel fault outcome must be one of ${CHANNEL_OUTCOMES.join(', ')}`);
	}
}

function routeMatches(pattern, routeKey) {
	if (pattern === undefined || pattern === null || pattern === '*') return true;
	if (pattern === routeKey) return true;
	return !pattern.includes(' ') && routeKey.slice(routeKey.indexOf(' ') + 1) === pattern;
}

class FaultSet {
	constructor() {
		this.clear();
	}

	clear() {
		this.faults = [];
		this.nextId = 1;
	}

	/** Replaces every active fault. Accepts one fault or an array. */
	set(faults) {
		const list = toList(faults);
		list.forEach(validate);
		this.faults = [];
		this.add(list);
		return this.list();
	}

	add(faults) {
		const list = toList(faults);
		list.forEach(validate);
		for (const fault of list) {
			this.faults.push({ ...fault, id: this.nextId++, remaining: fault.count ?? Infinity });
		}
		return this.list();
	}

	list() {
		return this.faults.map(({ remaining, ...fault }) => ({
			...fault,
			remaining: remaining === Infinity ? null : remaining,
		}));
	}

	/** Finds the first active fault of one of `kinds` for this request and uses up one count. */
	take(routeKey, personality, kinds) {
		const wanted = Array.isArray(kinds) ? kinds : [kinds];
		const fault = this.faults.find(
			(f) =>
				wanted.includes(f.kind) &&
				routeMatches(f.route, routeKey) &&
				(!f.personality || f.personality === personality),
		);
		if (!fault) return null;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return fault;
	}
}

function toList(faults) {
	if (faults === undefined || faults === null) return [];
	return Array.isArray(faults) ? faults : [faults];
}

module.exports = { FaultSet, KINDS };
