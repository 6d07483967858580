'use strict';
// BeyondTrust outbound events: HTTP recipients registered at run time, a support-session
// lifecycle that emits events, and the appliance's delivery queue (docs/vendor-behaviour.md,
// BeyondTrust: outbound events). Each event is POSTed form-encoded; only HTTP 200 counts as
// delivered; anything else (or a network error) re-queues it, and later events wait behind it,
// until the recipient's retry duration has passed: then the event is dropped and the next goes.

const http = require('http');
const crypto = require('crypto');

const EVENTS = [
	'support_conference_begin',
	'support_conference_end',
	'support_conference_member_added',
	'support_conference_member_departed',
	'support_conference_owner_changed',
	'support_conference_customer_exit_survey_completed',
	'support_conference_rep_exit_survey_completed',
];
const APPLIANCE_ID = 'sim-appliance-4b7d1e';
const VERSION = '24.3.1';
const DEFAULT_RETRY_MS = 1000;
// The simulator's own default (the appliance's is set per recipient; no vendor default is known).
const DEFAULT_RETRY_DURATION_MS = 60 * 60 * 1000;
const ATTEMPT_TIMEOUT_MS = 10000;

const emptyTotals = () => ({
	btEventsEmitted: 0,
	btEventsSent: 0,
	btEventsRetried: 0,
	btEventsDelivered: 0,
	btEventsDropped: 0,
});

/**
 * getState() returns the personality's current state (sessions, reps); clock() is ms.
 * The returned object is `sim.beyondtrust.events`.
 */
function createEventSender({ getState, clock }) {
	let recipients = [];
	let nextId = 1;
	let retryDelayMs = DEFAULT_RETRY_MS;
	let retryDurationMs = DEFAULT_RETRY_DURATION_MS;
	let totals = emptyTotals();
	let stopped = false;
	const timers = new Set();
	const waiters = new Set();

	const nowSeconds = () => Math.floor(clock() / 1000);

	function sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timer.resolve = resolve;
			timers.add(timer);
		});
	}

	function checkEvents(events) {
		if (events === undefined || events === null) return null;
		const list = Array.isArray(events) ? events : [events];
		const unknown = list.filter((e) => !EVENTS.includes(e));
		if (unknown.length) throw new Error(`unknown event(s): ${unknown.join(', ')}`);
		return list;
	}

	function findRecipient(id) {
		const r = recipients.find((x) => x.id === Number(id) || x.url === id);
		if (!r) throw new Error(`no recipient ${id}`);
		return r;
	}

	const publicRecipient = (r) => ({
		id: r.id,
		url: r.url,
		events: r.events,
		fault: r.fault,
		queued: r.queue.length,
		sent: r.sent,
		retried: r.retried,
		delivered: r.delivered,
		dropped: r.dropped.length,
		lastStatus: r.lastStatus,
	});

	// One POST; resolves to the HTTP status, or 0 for a network error or timeout.
	function post(url, form) {
		return new Promise((resolve) => {
			const body = new URLSearchParams(form).toString();
			let req;
			try {
				req = http.request(url, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded',
						'Content-Length': Buffer.byteLength(body),
						'User-Agent': 'BeyondTrust-Outbound-Events (simulator)',
					},
					timeout: ATTEMPT_TIMEOUT_MS,
				});
			} catch {
				resolve(0);
				return;
			}
			req.on('response', (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode));
				res.on('error', () => resolve(0));
			});
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', () => resolve(0));
			req.end(body);
		});
	}

	async function attempt(r, form) {
		const fault = r.fault;
		if (fault && fault.mode === 'slow') await sleep(fault.ms);
		if (stopped || r.removed) return 0;
		if (fault && fault.mode === 'fail') {
			if (fault.count !== undefined && --fault.count <= 0) r.fault = null;
			return 0; // the appliance could not reach the recipient
		}
		r.sent += 1;
		totals.btEventsSent += 1;
		return post(r.url, form);
	}

	// Strictly one event at a time, head of the queue first; a failure keeps it at the head.
	async function pump(r) {
		if (r.busy) return;
		r.busy = true;
		let headSince = null; // when the head event was first tried
		while (r.queue.length && !r.removed && !stopped) {
			if (headSince === null) headSince = clock();
			const status = await attempt(r, r.queue[0]);
			r.lastStatus = status;
			if (r.removed || stopped) break;
			if (status === 200) {
				r.queue.shift();
				headSince = null;
				r.delivered += 1;
				totals.btEventsDelivered += 1;
			} else if (clock() - headSince >= (r.retryDurationMs ?? retryDurationMs)) {
				// Retry duration over: the appliance gives the event up and sends the next one.
				r.dropped.push(r.queue.shift());
				headSince = null;
				totals.btEventsDropped += 1;
			} else {
				r.retried += 1;
				totals.btEventsRetried += 1;
				await sleep(r.retryDelayMs ?? retryDelayMs);
			}
		}
		r.busy = false;
		notifyIdle();
	}

	function notifyIdle() {
		if (recipients.some((r) => r.queue.length && !r.removed)) return;
		for (const resolve of waiters) resolve();
		waiters.clear();
	}

	/** Queues one event (fields as BeyondTrust names them) for every recipient that wants it. */
	function emit(event, fields = {}) {
		checkEvents(event);
		const form = {
			event,
			version: VERSION,
			timestamp: String(nowSeconds()),
			appliance_id: APPLIANCE_ID,
			...fields,
		};
		totals.btEventsEmitted += 1;
		for (const r of recipients) {
			if (r.events && !r.events.includes(event)) continue;
			r.queue.push(form);
			pump(r);
		}
		return form;
	}

	// ---- support-session lifecycle --------------------------------------------------------
	function findRep(which) {
		const reps = getState().reps;
		const rep =
			typeof which === 'number' || /^\d+$/.test(String(which))
				? reps.find((r) => r.id === Number(which))
				: reps.find((r) => r.username === which);
		if (!rep) throw new Error(`no representative ${which}`);
		return rep;
	}

	function findSession(lsid, { running = true } = {}) {
		const s = getState().sessions.find((x) => x.lsid === lsid);
		if (!s) throw new Error(`no session ${lsid}`);
		if (running && s.end !== null) throw new Error(`session ${lsid} has ended`);
		return s;
	}

	const sessionFields = (s) => ({ lsid: s.lsid, external_key: s.externalKey ?? '' });

	function memberFields(s, member) {
		const rep = member.type === 'representative' ? findRep(member.repId) : null;
		const display = rep ? rep.display : member.name;
		return {
			...sessionFields(s),
			username: rep ? rep.username : '',
			user_id: String(rep ? rep.id : member.gsnumber),
			display_name: display,
			type: member.type,
			conference_name: `Session ${s.lsid.slice(-6)}`,
			conference_id: s.lsid,
			name: display,
		};
	}

	function ensureMembers(s) {
		if (!s.members) {
			s.members = [
				{ type: 'customer', name: s.customer, gsnumber: 7 },
				{ type: 'representative', repId: s.rep },
			];
		}
		if (!s.reps) s.reps = [s.rep];
		return s.members;
	}

	/**
	 * Begins a support session: { externalKey, customer, representative (username or id),
	 * company?, issue? } → emits begin, then member_added for the customer and the rep.
	 */
	function beginSession({
		externalKey = null,
		customer = 'Sam Customer',
		representative = 'alice',
		company = null,
		issue = null,
	} = {}) {
		const rep = findRep(representative);
		const s = {
			lsid: crypto.randomBytes(16).toString('hex'),
			start: nowSeconds(),
			end: null,
			externalKey: externalKey === '' ? null : externalKey,
			rep: rep.id,
			customer,
			company,
			issue,
			events: 1,
		};
		getState().sessions.push(s);
		ensureMembers(s);
		emit('support_conference_begin', sessionFields(s));
		for (const m of s.members) emit('support_conference_member_added', memberFields(s, m));
		return { lsid: s.lsid, external_key: s.externalKey };
	}

	/** Adds a member: { representative } (username or id) or { customer } (name). */
	function addMember(lsid, { representative, customer } = {}) {
		const s = findSession(lsid);
		ensureMembers(s);
		const member = representative
			? { type: 'representative', repId: findRep(representative).id }
			: { type: 'customer', name: customer || 'Guest', gsnumber: 7 + s.members.length };
		s.members.push(member);
		if (member.type === 'representative' && !s.reps.includes(member.repId))
			s.reps.push(member.repId);
		return emit('support_conference_member_added', memberFields(s, member));
	}

	function removeMember(lsid, { representative, customer } = {}) {
		const s = findSession(lsid);
		ensureMembers(s);
		const repId = representative ? findRep(representative).id : null;
		const index = s.members.findIndex((m) =>
			repId !== null ? m.repId === repId : m.type === 'customer' && m.name === customer,
		);
		if (index < 0) throw new Error(`no such member in session ${lsid}`);
		const [member] = s.members.splice(index, 1);
		return emit('support_conference_member_departed', memberFields(s, member));
	}

	function changeOwner(lsid, representative) {
		const s = findSession(lsid);
		ensureMembers(s);
		const rep = findRep(representative);
		if (!s.members.some((m) => m.repId === rep.id)) addMember(lsid, { representative: rep.id });
		s.rep = rep.id;
		return emit(
			'support_conference_owner_changed',
			memberFields(s, { type: 'representative', repId: rep.id }),
		);
	}

	/** Ends a running session: member_departed for everyone still in it, then end. */
	function endSession(lsid) {
		const s = findSession(lsid);
		ensureMembers(s);
		for (const m of s.members.splice(0).reverse())
			emit('support_conference_member_departed', memberFields(s, m));
		s.end = nowSeconds();
		return emit('support_conference_end', sessionFields(s));
	}

	/** A session key used by a customer: a session begins with the key's external key. */
	function useSessionKey(key, { customer, representative = 'alice' } = {}) {
		const found = getState().keys.find((k) => k.shortKey === String(key) || k.ak === key);
		if (!found) throw new Error(`no session key ${key}`);
		return beginSession({ externalKey: found.externalKey, customer, representative });
	}

	return {
		EVENTS,
		applianceId: APPLIANCE_ID,
		/** url (http only), { events?, retryDelayMs?, retryDurationMs? } → the recipient. */
		addRecipient(url, { events, retryDelayMs: delay, retryDurationMs: duration } = {}) {
			if (duration !== undefined && !(Number(duration) >= 0))
				throw new Error('retry duration must be >= 0');
			if (!/^http:\/\//.test(String(url))) throw new Error('recipient url must be http://…');
			const r = {
				id: nextId++,
				url: String(url),
				events: checkEvents(events),
				retryDelayMs: delay,
				retryDurationMs: duration === undefined ? undefined : Number(duration),
				queue: [],
				dropped: [],
				fault: null,
				busy: false,
				removed: false,
				sent: 0,
				retried: 0,
				delivered: 0,
				lastStatus: null,
			};
			recipients.push(r);
			return publicRecipient(r);
		},
		removeRecipient(id) {
			const r = findRecipient(id);
			r.removed = true;
			recipients = recipients.filter((x) => x !== r);
			notifyIdle();
			return true;
		},
		recipients: () => recipients.map(publicRecipient),
		/** { mode: 'slow', ms } delays every attempt; { mode: 'fail', count? } fails attempts
		 * as unreachable (count of them, else until cleared); null clears. */
		setRecipientFault(id, fault) {
			const r = findRecipient(id);
			if (fault && !['slow', 'fail'].includes(fault.mode))
				throw new Error('recipient fault mode must be slow or fail');
			if (fault && fault.mode === 'slow' && !(Number(fault.ms) >= 0))
				throw new Error('slow needs ms >= 0');
			r.fault = fault ? { ...fault } : null;
			return publicRecipient(r);
		},
		/** Delay before a failed event is retried (default 1000 ms; kept across reset()). */
		setRetryDelay(ms) {
			if (!(Number(ms) >= 0)) throw new Error('retry delay must be >= 0');
			retryDelayMs = Number(ms);
			return retryDelayMs;
		},
		/** How long a refused event is retried before it is dropped (default 1 h; kept across reset()). */
		setRetryDuration(ms) {
			if (!(Number(ms) >= 0)) throw new Error('retry duration must be >= 0');
			retryDurationMs = Number(ms);
			return retryDurationMs;
		},
		/** The events a recipient's queue gave up on, oldest first. */
		dropped(id) {
			return findRecipient(id).dropped.map((form) => ({ ...form }));
		},
		emit,
		beginSession,
		addMember,
		removeMember,
		changeOwner,
		endSession,
		useSessionKey,
		/** Resolves when every queue is empty (rejects after timeoutMs). */
		idle(timeoutMs = 10000) {
			if (!recipients.some((r) => r.queue.length)) return Promise.resolve();
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					waiters.delete(done);
					reject(new Error(`event queues not empty after ${timeoutMs} ms`));
				}, timeoutMs);
				const done = () => {
					clearTimeout(timer);
					resolve();
				};
				waiters.add(done);
			});
		},
		stats: () => ({
			...totals,
			btEventsQueued: recipients.reduce((n, r) => n + r.queue.length, 0),
		}),
		/** Drops every recipient and queue, and the counters. */
		reset() {
			for (const r of recipients) r.removed = true;
			recipients = [];
			totals = emptyTotals();
			notifyIdle();
		},
		/** Stops retry timers (the simulator is closing). */
		stop() {
			stopped = true;
			for (const timer of timers) {
				clearTimeout(timer);
				timer.resolve();
			}
			timers.clear();
			for (const r of recipients) r.removed = true;
			notifyIdle();
		},
	};
}

module.exports = { createEventSender, EVENTS, APPLIANCE_ID };
