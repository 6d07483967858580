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

function sendText(res, status, text, contentType = 'text/plain; charset=UTF-8', headers = {}) {
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** The first half of a text body (the "malformed body" fault for XML personalities). */
function sendTruncatedText(res, status, text, contentType, headers = {}) {
	sendText(
		res,
		status,
		text.slice(0, Math.max(1, Math.floor(text.length / 2))),
		contentType,
		headers,
	);
}

/** Parses application/x-www-form-urlencoded text into an object ({} when empty). */
function parseForm(text) {
	return Object.fromEntries(new URLSearchParams(text || ''));
}

/** Parses multipart/form-data (as read by readBody) into { fields: { name: [values] }, files: [{ name, fileName, contentType, size }] }. */
function parseMultipart(text, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!match) return null;
	const boundary = `--${match[1] || match[2]}`;
	const fields = {};
	const files = [];
	for (const part of text.split(boundary).slice(1)) {
		if (part.startsWith('--')) break;
		const [head, ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n');
		const body = rest.join('\r\n\r\n').replace(/\r\n$/, '');
		const name = /name="([^"]*)"/i.exec(head);
		if (!name) continue;
		const fileName = /filename="([^"]*)"/i.exec(head);
		if (fileName) {
			const type = /content-type:\s*([^\r\n]+)/i.exec(head);
			files.push({
				name: name[1],
				fileName: fileName[1],
				contentType: type ? type[1].trim() : '',
				size: Buffer.byteLength(body, 'utf8'),
			});
		} else {
			(fields[name[1]] = fields[name[1]] || []).push(body);
		}
	}
	return { fields, files };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = {
	readBody,
	parseJson,
	sendJson,
	sendTruncatedJson,
	sendText,
	sendTruncatedText,
	parseForm,
	parseMultipart,
	sleep,
};
