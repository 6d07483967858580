'use strict';
// The /__sim control API: the in-process control surface of `sim`, served over HTTP so that
// `npm start`, the e2e run and benchmarks in other processes can read counters and set faults.
// Control requests are neither logged nor counted, and faults never apply to them.

const { sendJson } = require('./http-utils');

const ROUTES = {
	'GET /__sim/info': (sim) => sim.info(),
	'GET /__sim/stats': (sim) => sim.stats(),
	'GET /__sim/requests': (sim, { query }) => sim.requests(query),
	'POST /__sim/reset': (sim) => {
		sim.reset();
		return { ok: true };
	},
	'GET /__sim/faults': (sim) => sim.faults(),
	// Body: one fault, an array of faults, or { faults: [...] }. `?mode=add` appends instead.
	'POST /__sim/faults': (sim, { query, body }) => {
		const faults = body && !Array.isArray(body) && body.faults ? body.faults : body;
		return query.mode === 'add' ? sim.addFaults(faults) : sim.setFaults(faults);
	},
	'DELETE /__sim/faults': (sim) => sim.clearFaults(),
};

// Personality switches: POST /__sim/<personality>/<command> with body { "value": ... } (optional).
const PERSONALITY_COMMANDS = {
	beyondtrust: [
		'revokeAll',
		'rotateSecret',
		'setNamespace',
		'setAuthFailure',
		'validTokens',
		'stats',
	],
	rimo3: ['revokeAll', 'rotateSecret', 'stats'],
	rms: ['addConnectLogs', 'addAlerts', 'setDeviceStatus'],
	rmsOAuth: [
		'expireAccessTokens',
		'setAccessLifetime',
		'revokeRefreshTokens',
		'setRefreshRotation',
		'tamperNextChallenge',
		'validAccessTokens',
		'stats',
	],
};

function personalityHandler(method, pathname) {
	const match = /^\/__sim\/(\w+)\/(\w+)\/?$/.exec(pathname);
	if (!match || method !== 'POST' || !(PERSONALITY_COMMANDS[match[1]] || []).includes(match[2]))
		return null;
	const [, name, command] = match;
	return (sim, { body }) => ({
		result: sim[name][command](...(body && body.value !== undefined ? [body.value] : [])) ?? null,
	});
}

// BeyondTrust outbound events: POST /__sim/beyondtrust/events/<command> with body
// { "args": [...] } (or { "value": x } for one argument); GET .../events/recipients lists them.
const EVENT_COMMANDS = [
	'addRecipient',
	'removeRecipient',
	'recipients',
	'setRecipientFault',
	'setRetryDelay',
	'emit',
	'beginSession',
	'addMember',
	'removeMember',
	'changeOwner',
	'endSession',
	'useSessionKey',
	'stats',
];

function eventsHandler(method, pathname) {
	const match = /^\/__sim\/beyondtrust\/events\/(\w+)\/?$/.exec(pathname);
	if (!match || !EVENT_COMMANDS.includes(match[1])) return null;
	if (method !== 'POST' && !(method === 'GET' && ['recipients', 'stats'].includes(match[1])))
		return null;
	return (sim, { body }) => {
		const args = body && Array.isArray(body.args) ? body.args : [];
		if (body && body.value !== undefined) args.push(body.value);
		return { result: sim.beyondtrust.events[match[1]](...args) ?? null };
	};
}

function handleControl(sim, req, res, { pathname, query, body }) {
	const handler =
		ROUTES[`${req.method} ${pathname.replace(/\/$/, '')}`] ||
		personalityHandler(req.method, pathname) ||
		eventsHandler(req.method, pathname);
	if (!handler) {
		sendJson(res, 404, {
			error: `no control route ${req.method} ${pathname}`,
			routes: Object.keys(ROUTES),
		});
		return;
	}
	try {
		sendJson(res, 200, handler(sim, { query, body }) ?? { ok: true });
	} catch (error) {
		sendJson(res, 400, { error: error.message });
	}
}

module.exports = { handleControl };
