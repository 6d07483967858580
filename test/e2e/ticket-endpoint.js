// A stand-in ticket system on 127.0.0.1 for the trigger examples, and the wait their checks share.
'use strict';
const assert = require('assert');
const http = require('http');

/**
 * Records each request (method, path, JSON body or null), tells onRequest, answers 200.
 * `received` stays the same array across runs (callers empty it with `received.length = 0`).
 */
function ticketEndpoint() {
	const endpoint = {
		server: null,
		url: null,
		received: [],
		async start({ port = 0, onRequest } = {}) {
			endpoint.server = http.createServer((req, res) => {
				let body = '';
				req.on('data', (c) => (body += c));
				req.on('end', () => {
					let json = null;
					try {
						json = JSON.parse(body);
					} catch {
						// recorded as null: the checks name it
					}
					const entry = { method: req.method, path: req.url, json };
					endpoint.received.push(entry);
					if (onRequest) onRequest(entry);
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end('{"ok":true}');
				});
			});
			await new Promise((resolve) => endpoint.server.listen(port, '127.0.0.1', resolve));
			endpoint.url = `http://127.0.0.1:${endpoint.server.address().port}`;
		},
		async stop() {
			if (!endpoint.server) return;
			endpoint.server.closeAllConnections();
			await new Promise((resolve) => endpoint.server.close(resolve));
		},
		/** The example as shipped, with `exampleHost` in its HTTP Request nodes' URLs replaced. */
		pointAt(workflow, exampleHost) {
			const nodes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest');
			assert.ok(nodes.length > 0, 'the example has an HTTP Request node');
			for (const node of nodes) {
				assert.ok(
					node.parameters.url.includes(exampleHost),
					`ticket URL is ${node.parameters.url}`,
				);
				node.parameters.url = node.parameters.url.replace(exampleHost, endpoint.url);
			}
			return workflow;
		},
	};
	return endpoint;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves to fn()'s first truthy value, checking every `everyMs`; throws after `timeoutMs`. */
async function waitFor(what, fn, timeoutMs, everyMs) {
	const t0 = Date.now();
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() - t0 > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000}s: ${what}`);
		await sleep(everyMs);
	}
}

module.exports = { ticketEndpoint, sleep, waitFor };
