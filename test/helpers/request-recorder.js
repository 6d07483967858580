// Records every HTTP(S) request as it leaves the process. It wraps http(s).request, which
// nock has already patched, so mocked requests and real ones to 127.0.0.1 (the simulator)
// are both seen, with the headers and body actually sent.
const http = require('http');
const https = require('https');

function parseBody(text, contentType) {
	if (text === '') return undefined;
	if (/json/i.test(contentType || '') || /^[[{]/.test(text)) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return text;
}

function queryObject(searchParams) {
	const query = {};
	for (const [key, value] of searchParams) {
		if (key in query) query[key] = [].concat(query[key], value);
		else query[key] = value;
	}
	return query;
}

function describe(req, chunks) {
	const host = req.getHeader('host') || req.host;
	const url = new URL(`${req.protocol}//${host}${req.path}`);
	const headers = { ...req.getHeaders() };
	return {
		method: req.method,
		url: url.href,
		path: url.pathname,
		query: queryObject(url.searchParams),
		headers,
		body: parseBody(Buffer.concat(chunks).toString('utf8'), headers['content-type']),
	};
}

function wrap(module, records) {
	const original = module.request;
	const wrapped = function (...args) {
		const req = original.apply(this, args);
		const chunks = [];
		const record = { method: req.method }; // filled in when the request ends
		records.push(record);
		const { write, end } = req;
		req.write = function (chunk, ...rest) {
			if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
			return write.call(this, chunk, ...rest);
		};
		req.end = function (chunk, ...rest) {
			if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
			Object.assign(record, describe(req, chunks));
			return end.call(this, chunk, ...rest);
		};
		return req;
	};
	module.request = wrapped;
	return () => {
		if (module.request === wrapped) module.request = original;
	};
}

/** Starts recording; returns { requests, stop() }. */
function recordRequests() {
	const requests = [];
	const restore = [wrap(http, requests), wrap(https, requests)];
	return {
		requests,
		stop: () => restore.reverse().forEach((undo) => undo()),
	};
}

module.exports = { recordRequests };
