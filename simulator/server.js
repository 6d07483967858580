'use strict';
// One loopback HTTP server hosting every vendor personality plus the /__sim control API.
// A personality is { name, prefixes, routes, authorize, errorResponse, tick?, reset, stats, info }
// (see README.md); api-handler.js runs its routes with faults, logging and counters.

const http = require('http');
const { FaultSet } = require('./faults');
const { Recorder } = require('./recorder');
const { compileRoutes } = require('./routes');
const { readBody, parseJson, sendJson } = require('./http-utils');
const { handleControl } = require('./control');
const { createApiHandler } = require('./api-handler');
const { createRmsPersonality } = require('./rms');
const { createRmsOAuthPersonality } = require('./rms/oauth');
const { createBeyondTrustPersonality } = require('./beyondtrust');
const { createRimo3Personality } = require('./rimo3');

const HOST = '127.0.0.1';

/**
 * options: port (0 = random), clock (() => ms, default Date.now), logLimit (5000), plus each
 * personality's own (RMS: channelCompleteMs, channelNotFoundPolls, channelTtlMs; BeyondTrust:
 * btNamespace 'bomgar' | 'beyondtrust', btAuthFailure 'http401' | 'xml200').
 */
async function startSimulator(options = {}) {
	const clock = options.clock || Date.now;
	const faults = new FaultSet();
	const recorder = new Recorder({ limit: options.logLimit });
	const rmsOAuth = createRmsOAuthPersonality({ ...options, clock });
	const personalities = [
		createRmsPersonality({ ...options, clock, oauthPrincipal: rmsOAuth.principal }),
		rmsOAuth,
		createBeyondTrustPersonality({ ...options, clock }),
		createRimo3Personality({ ...options, clock }),
	];
	const routes = compileRoutes(personalities);
	const handleApi = createApiHandler({ routes, personalities, faults, recorder, clock });
	const sim = {};

	async function dispatch(req, res) {
		const url = new URL(req.url, `http://${HOST}`);
		const query = Object.fromEntries(url.searchParams);
		// A personality may read a large body as it streams in (the Rimo3 file upload).
		const reader = personalities.find((p) => p.readsBody && p.readsBody(req, url.pathname));
		const rawBody = reader ? await reader.readBody(req) : await readBody(req);
		if (!url.pathname.startsWith('/__sim/'))
			return handleApi(req, res, { pathname: url.pathname, query, rawBody });
		const parsed = parseJson(rawBody);
		if (parsed.error) return sendJson(res, 400, { error: 'body is not JSON' });
		return handleControl(sim, req, res, { pathname: url.pathname, query, body: parsed.value });
	}

	const server = http.createServer((req, res) => {
		dispatch(req, res).catch((error) => {
			if (!res.headersSent) sendJson(res, 500, { error: error.message });
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, HOST, resolve);
	});
	const port = server.address().port;
	const url = `http://${HOST}:${port}`;

	Object.assign(sim, {
		url,
		port,
		server,
		/** Generic counters plus every personality's own, flat and under `personalities.<name>`. */
		stats() {
			personalities.forEach((p) => p.tick && p.tick());
			const own = Object.fromEntries(personalities.map((p) => [p.name, p.stats()]));
			return {
				...recorder.counters(),
				...Object.assign({}, ...Object.values(own)),
				personalities: own,
			};
		},
		requests: (filter) => recorder.list(filter),
		setFaults: (list) => faults.set(list),
		addFaults: (list) => faults.add(list),
		clearFaults: () => {
			faults.clear();
			return [];
		},
		faults: () => faults.list(),
		/** Restores every personality's seed and clears channels, faults, the log and counters. */
		reset() {
			personalities.forEach((p) => p.reset());
			faults.clear();
			recorder.reset();
		},
		info: () => ({
			url,
			...Object.fromEntries(personalities.map((p) => [p.name, jsonSafe(p.info(url))])),
		}),
		async stop() {
			personalities.forEach((p) => p.stop && p.stop());
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	});
	for (const p of personalities) sim[p.name] = p.info(url);
	return sim;
}

/** The JSON part of a personality's info (functions such as state() stay in-process). */
function jsonSafe(info) {
	return Object.fromEntries(
		Object.entries(info).filter(([, value]) => typeof value !== 'function'),
	);
}

module.exports = { startSimulator, HOST };
