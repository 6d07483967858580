// Small loopback servers for the hostile side of the security tests: each records every request
// it receives (method, url, headers, raw body) and answers through a handler the test gives.
'use strict';
const http = require('http');

/**
 * Starts an HTTP server on 127.0.0.1 with a random port.
 * @param handler (request) => answer | Promise<answer>; answer = { status, headers?, body? }
 *   (body: string, Buffer or object sent as JSON); undefined answers 404; { drop: true } closes
 *   the connection without an answer.
 */
async function startServer(handler) {
	const requests = [];
	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const request = {
			method: req.method,
			url: req.url,
			path: req.url.split('?')[0],
			headers: req.headers,
			body: Buffer.concat(chunks).toString('utf8'),
		};
		requests.push(request);
		const answer = (await handler(request)) || { status: 404, body: 'not here' };
		if (answer.drop) return req.socket.destroy();
		let body = answer.body ?? '';
		const headers = { ...answer.headers };
		if (typeof body === 'object' && !Buffer.isBuffer(body)) {
			body = JSON.stringify(body);
			headers['Content-Type'] = headers['Content-Type'] || 'application/json';
		}
		res.writeHead(answer.status, headers);
		res.end(body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		port,
		host: `127.0.0.1:${port}`,
		url: `http://127.0.0.1:${port}`,
		requests,
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

const json = (status, body, headers) => ({ status, body, headers });
const xml = (status, text) => ({
	status,
	body: text,
	headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
});
const redirect = (status, location) => ({ status, headers: { Location: location }, body: '' });

/**
 * The requests that carry a credential: any Authorization header, or any of the secret strings
 * anywhere in the URL, a header or the body.
 */
function requestsCarryingCredentials(requests, secrets) {
	return requests.filter((r) => {
		if (r.headers.authorization !== undefined) return true;
		const seen = [r.url, JSON.stringify(r.headers), r.body].join('\n');
		return secrets.some((secret) => seen.includes(secret));
	});
}

/**
 * For a test file: returns `track(startingServer)`, which resolves to the server and stops it
 * after the test that started it.
 */
function stopAfterEach() {
	let started = [];
	afterEach(async () => {
		await Promise.all(started.map((server) => server.stop()));
		started = [];
	});
	return async (starting) => {
		const server = await starting;
		started.push(server);
		return server;
	};
}

module.exports = { startServer, stopAfterEach, json, xml, redirect, requestsCarryingCredentials };
