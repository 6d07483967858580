'use strict';
// Request log (a bounded ring) and the generic counters: requests per route, per status, faults.

const DEFAULT_LOG_LIMIT = 5000;

class Recorder {
	constructor({ limit = DEFAULT_LOG_LIMIT } = {}) {
		this.limit = limit;
		this.reset();
	}

	reset() {
		this.log = [];
		this.seq = 0;
		this.total = 0;
		this.routes = {};
		this.statuses = {};
		this.faults = {};
	}

	record(entry) {
		this.seq += 1;
		this.total += 1;
		this.routes[entry.route] = (this.routes[entry.route] || 0) + 1;
		const status = String(entry.status);
		this.statuses[status] = (this.statuses[status] || 0) + 1;
		for (const kind of entry.faults || []) this.faults[kind] = (this.faults[kind] || 0) + 1;
		this.log.push({ seq: this.seq, ...entry });
		if (this.log.length > this.limit) this.log.shift();
	}

	counters() {
		return {
			requests: this.total,
			routes: { ...this.routes },
			statuses: { ...this.statuses },
			faultsInjected: { ...this.faults },
		};
	}

	/** Filters: route (exact key), method, path (prefix), since (seq, exclusive), limit (last n). */
	list({ route, method, path, since, limit } = {}) {
		let entries = this.log.filter(
			(e) =>
				(!route || e.route === route) &&
				(!method || e.method === method) &&
				(!path || e.path.startsWith(path)) &&
				(since === undefined || e.seq > Number(since)),
		);
		if (limit !== undefined) entries = entries.slice(-Number(limit));
		return JSON.parse(JSON.stringify(entries));
	}
}

/** Copies headers for the log with credentials masked: the log must never hold a secret. */
function redactHeaders(headers) {
	const copy = { ...headers };
	if (copy.authorization) {
		const scheme = /^(\S+)\s+\S/.exec(copy.authorization);
		copy.authorization = scheme ? `${scheme[1]} ***` : '***';
	}
	return copy;
}

module.exports = { Recorder, redactHeaders };
