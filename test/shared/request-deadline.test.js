// Request Timeout is a total deadline per request, not an idle timeout: a server that keeps the
// connection busy by trickling its headers or its body a byte at a time is cut off when the time
// is up, the node fails with its timeout error, and the server sees the connection closed before
// it had sent everything. Counts only (bytes written before the close), never wall time.
'use strict';
const net = require('net');
const { SERVICES, runNode, tokenAnswer } = require('./origins');

const TICK_MS = 20;
const TIMEOUT_S = 0.3;
// At one byte per tick, the deadline falls after about 15 bytes; everything is far more.
const TRICKLED_BYTES = 600;
const GIVE_UP_BEFORE = 400;

const BODY = JSON.stringify({
	success: true,
	data: [{ id: 1001, name: 'RUTX11 Office', serial: '1111111111', status: 1 }],
	meta: { total: 1 },
	padding: 'p'.repeat(TRICKLED_BYTES),
});

/**
 * A raw HTTP server on 127.0.0.1. `phase` 'body': headers at once, then the body one byte per
 * tick; 'headers': the header block itself one byte per tick. Token requests (BeyondTrust)
 * are answered at once. Records, per trickled connection, the bytes written and whether the
 * client closed it before the end.
 */
async function startTrickler(phase) {
	const connections = [];
	const server = net.createServer((socket) => {
		let head = '';
		socket.on('data', (chunk) => {
			head += chunk.toString('latin1');
			if (!head.includes('\r\n\r\n') || socket.answering) return;
			socket.answering = true;
			if (head.startsWith('POST /oauth2/token')) return answerAtOnce(socket, head);
			const headers = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\nConnection: close\r\n\r\n`;
			const record = { written: 0, closedEarly: false, finished: false };
			connections.push(record);
			const slow = phase === 'headers' ? headers + BODY : BODY;
			if (phase === 'body') socket.write(headers);
			let at = 0;
			const timer = setInterval(() => {
				if (at >= slow.length) {
					clearInterval(timer);
					record.finished = true;
					return socket.end();
				}
				socket.write(slow[at++]);
				record.written = at;
			}, TICK_MS);
			socket.on('close', () => {
				clearInterval(timer);
				if (!record.finished) record.closedEarly = true;
			});
		});
		socket.on('error', () => undefined);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		connections,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

function answerAtOnce(socket) {
	const { body } = tokenAnswer();
	const text = JSON.stringify(body);
	socket.end(
		`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${text.length}\r\nConnection: close\r\n\r\n${text}`,
	);
}

const CASES = [
	['RMS, body trickled', SERVICES.rms, 'body'],
	['RMS, headers trickled', SERVICES.rms, 'headers'],
	['BeyondTrust, body trickled', SERVICES.beyondtrust, 'body'],
];

let server;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

test.each(CASES)(
	'%s: every attempt is aborted at the deadline and the connection closed',
	async (_name, service, phase) => {
		server = await startTrickler(phase);
		const result = await runNode(service, server.url, {
			parameters: { options: { requestTimeout: TIMEOUT_S } },
		});
		// The client's close reaches the server a moment after the node has failed.
		for (let i = 0; i < 100 && server.connections.some((c) => !c.closedEarly && !c.finished); i++)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(result.error).toBeDefined();
		expect(result.error.message).toContain('did not answer in time');
		expect(result.error.description).toContain('ETIMEDOUT');
		// Reads are retried after a timeout; each attempt had its own deadline.
		expect(server.connections.length).toBeGreaterThanOrEqual(2);
		for (const connection of server.connections) {
			expect(connection.finished).toBe(false);
			expect(connection.closedEarly).toBe(true);
			expect(connection.written).toBeLessThan(GIVE_UP_BEFORE);
		}
	},
	60000,
);
