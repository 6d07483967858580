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

function handleControl(sim, req, res, { pathname, query, body }) {
	const handler = ROUTES[`${req.method} ${pathname.replace(/\/$/, '')}`];
	if (!handler) {
		sendJson(res, 404, { error: `no control route ${req.method} ${pathname}`, routes: Object.keys(ROUTES) });
		return;
	}
	try {
		sendJson(res, 200, handler(sim, { query, body }) ?? { ok: true });
	} catch (error) {
		sendJson(res, 400, { error: error.message });
	}
}

module.exports = { handleControl };
