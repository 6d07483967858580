'use strict';
// RMS Connect sessions (docs/vendor-behaviour.md, RMS: sessions list). Starting one answers with a
// channel whose final event carries `link` as a bare host name; the session exists once the
// channel completes.

const { list, channel, fail, notFoundError } = require('./envelope');
const { SCOPES } = require('./tokens');
const { pageList, invalid } = require('./query');
const { connectHost } = require('./format');

const ACTIVE_FILTERS = {
	true: (s, nowS) => s.end_time > nowS,
	false: (s, nowS) => s.end_time <= nowS,
};

function startSession(store, ctx) {
	const config = store.findConfig(ctx.params.access_id);
	if (!config) fail(notFoundError());
	const duration = ctx.body && ctx.body.duration;
	if (!Number.isInteger(duration) || duration < 10) {
		invalid('duration', 'The duration must be an integer of at least 10.');
	}
	const device = store.findDevice(config.device_id);
	const key = config.device_id;
	if (device.status !== 1) {
		const part = {
			key,
			outcome: 'error',
			value: 'Device is offline. Could not start RMS Connect session.',
			errorKey: 'errorCode',
		};
		return channel(store.createChannel(ctx, [part]));
	}
	const id = store.state.nextSessionId++;
	const link = connectHost(id);
	const apply = () => {
		const startS = Math.floor(store.clock() / 1000);
		const session = {
			id,
			access_id: config.id,
			device_id: key,
			start_time: startS,
			end_time: startS + duration,
			ttl: duration,
			url: link,
		};
		store.state.sessions.push(session);
		store.counters.sessionsStarted += 1;
	};
	const part = {
		key,
		outcome: 'completed',
		value: 'RMS Connect session started.',
		extra: { link },
		apply,
	};
	return channel(store.createChannel(ctx, [part]));
}

function listSessions(store, ctx) {
	const config = store.findConfig(ctx.params.access_id);
	if (!config) fail(notFoundError());
	const { active } = ctx.query;
	if (active !== undefined && !ACTIVE_FILTERS[active])
		invalid('active', 'The selected active is invalid. Allowed: true, false.');
	const nowS = Math.floor(store.clock() / 1000);
	const sessions = store.state.sessions.filter(
		(s) => s.access_id === config.id && (active === undefined || ACTIVE_FILTERS[active](s, nowS)),
	);
	const rows = sessions.map((s) => store.serializeSession(s));
	const { data, meta } = pageList(rows, ctx.query, { defaultLimit: Infinity, filters: { active } });
	return list(data, meta);
}

function closeSession(store, ctx) {
	const session = store.state.sessions.find((s) => String(s.id) === ctx.params.session_id);
	if (!session) fail(notFoundError());
	const apply = () => {
		session.end_time = Math.min(session.end_time, Math.floor(store.clock() / 1000));
		store.counters.sessionsClosed += 1;
	};
	const part = {
		key: session.device_id,
		outcome: 'completed',
		value: 'RMS Connect session closed.',
		apply,
	};
	return channel(store.createChannel(ctx, [part]));
}

function connectRoutes(store) {
	const read = SCOPES.remoteAccessRead;
	const write = SCOPES.remoteAccessWrite;
	return [
		// Literal path before the {access_id} templates so "sessions" is never read as an id.
		{
			method: 'DELETE',
			path: '/api/devices/connect/sessions/{session_id}',
			scope: write,
			handler: (ctx) => closeSession(store, ctx),
		},
		{
			method: 'POST',
			path: '/api/devices/connect/{access_id}',
			scope: write,
			handler: (ctx) => startSession(store, ctx),
		},
		{
			method: 'GET',
			path: '/api/devices/connect/{access_id}/sessions',
			scope: read,
			handler: (ctx) => listSessions(store, ctx),
		},
	];
}

module.exports = { connectRoutes };
