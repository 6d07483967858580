'use strict';
// Small HTTP helpers shared by the server, the control API and the personalities.

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body as a string (empty string when there is none). */
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Parses a JSON body; returns { value } or { error } so callers can answer 400 themselves. */
function parseJson(text) {
	if (!text || !text.trim()) return { value: undefined };
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { error };
	}
}

function sendJson(res, status, body, headers = {}) {
	const text = body === undefined ? '' : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** Sends the first half of the JSON text with a matching Content-Length: a complete HTTP
 * response whose body does not parse (the "malformed body" fault). */
function sendTruncatedJson(res, status, body, headers = {}) {
	const full = JSON.stringify(body === undefined ? {} : body);
	const text = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { readBody, parseJson, sendJson, sendTruncatedJson, sleep };
