'use strict';
// A stand-in for a ticket system on 127.0.0.1: the ticket examples post to it under `npm start`
// and in the e2e run. It records each request (method, path, JSON body), tells `onRequest` and
// answers 200 `{"ok":true}`.
const http = require('http');

/** Resolves to `{ url, received, stop() }`; `port` 0 picks a free one. */
async function startTicketSystem({ port = 0, onRequest } = {}) {
	const received = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			let json = null;
			try {
				json = JSON.parse(body);
			} catch {
				// recorded as null: whoever reads `received` names it
			}
			const entry = { method: req.method, path: req.url, json };
			received.push(entry);
			if (onRequest) onRequest(entry);
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		received,
		stop: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startTicketSystem };
