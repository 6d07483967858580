'use strict';
// Status channels, the asynchronous half of every RMS write (docs/vendor-behaviour.md,
// RMS: status channels; RMS: channel not found right after creation).
// Timeline of a channel created at T (all times from the simulator clock):
//   the first `notFoundPolls` polls       -> 404 { code: 'CHANNEL_NOT_FOUND' } ("not yet")
//   T                                     -> event 'started'
//   T + completeMs / 2                    -> event 'in_progress'
//   T + completeMs                        -> terminal event; the operation's effect happens now
//   T + completeMs + ttlMs                -> 404 CHANNEL_NOT_FOUND again (expired)
// A part's outcome is 'completed', 'error' or 'warning'; a channel fault may force
// 'error', 'warning' or 'never' (stays in progress, no effect).

const { alnum64 } = require('./format');

const ERROR_CODES = { error: -97, warning: -3 };

class ChannelStore {
	constructor({ clock, userId, completeMs = 1500, notFoundPolls = 1, ttlMs = 10 * 60 * 1000 }) {
		Object.assign(this, { clock, userId, completeMs, notFoundPolls, ttlMs });
		this.reset();
	}

	reset() {
		this.channels = new Map();
		this.seq = 0;
	}

	/**
	 * parts: [{ key, outcome, value, extra?, errorKey?, apply? }] - one per device (map key).
	 * errorKey is how the terminal failure spells its code field: 'errorCode' or 'errorcode'.
	 */
	create(parts, forcedOutcome) {
		this.seq += 1;
		const id = `private-status.${this.userId}.${alnum64(`rms-sim-channel-${this.seq}`)}`;
		const channel = { id, createdAt: this.clock(), polls: 0, settled: false, forcedOutcome, parts };
		this.channels.set(id, channel);
		return id;
	}

	/** Applies the effects of channels whose completion time has passed; drops expired ones. */
	tick() {
		const now = this.clock();
		for (const channel of this.channels.values()) {
			const elapsed = now - channel.createdAt;
			if (!channel.settled && elapsed >= this.completeMs) {
				channel.settled = true;
				if (!channel.forcedOutcome) {
					channel.parts
						.filter((p) => p.outcome === 'completed' && p.apply)
						.forEach((p) => p.apply());
				}
			}
			if (elapsed >= this.completeMs + this.ttlMs) this.channels.delete(channel.id);
		}
	}

	poll(id) {
		const channel = this.channels.get(id);
		if (!channel) return notFound();
		channel.polls += 1;
		if (channel.polls <= this.notFoundPolls) return notFound();
		const elapsed = this.clock() - channel.createdAt;
		const data = {};
		for (const part of channel.parts)
			data[String(part.key)] = this.eventsFor(channel, part, elapsed);
		return { status: 200, body: { success: true, data } };
	}

	eventsFor(channel, part, elapsed) {
		const events = [{ status: 'started', type: 'text', value: 'Waiting for device response.' }];
		if (elapsed >= this.completeMs / 2) {
			// Intermediate events use the spec's spelling `errorcode`
			// (docs/vendor-behaviour.md, RMS: status channels).
			events.push({
				status: 'in_progress',
				type: 'text',
				value: 'Device is processing the request.',
				errorcode: 0,
			});
		}
		const outcome = channel.forcedOutcome || part.outcome;
		if (elapsed < this.completeMs || outcome === 'never') return events;
		if (outcome === 'completed') {
			events.push({
				status: 'completed',
				type: 'text',
				value: part.value,
				errorCode: 0,
				...part.extra,
			});
		} else {
			const value = channel.forcedOutcome ? FORCED_MESSAGES[outcome] : part.value;
			events.push({
				status: outcome,
				type: 'text',
				value,
				[part.errorKey || 'errorCode']: ERROR_CODES[outcome],
			});
		}
		return events;
	}
}

const FORCED_MESSAGES = {
	error: 'Device did not respond. Please try again later.',
	warning: 'Operation finished with warnings: device configuration could not be confirmed.',
};

function notFound() {
	return {
		status: 404,
		body: {
			success: false,
			code: 'CHANNEL_NOT_FOUND',
			message: "Channel doesn't exist or has expired.",
		},
	};
}

module.exports = { ChannelStore };
