'use strict';
// Handles one vendor API request: route -> faults -> body -> auth -> personality handler,
// then logs it. Faults are looked up by route key ("GET /api/devices") and personality name.

const http = require('http');
const { findRoute } = require('./routes');
const { redactHeaders } = require('./recorder');
const {
	parseForm,
	parseJson,
	sendJson,
	sendTruncatedJson,
	sendText,
	sendTruncatedText,
	sleep,
} = require('./http-utils');
const { holdRequest } = require('./hold');

function createApiHandler({ routes, personalities, faults, recorder, clock }) {
	const tickAll = () => personalities.forEach((p) => p.tick && p.tick());

	return async function handleApi(req, res, { pathname, query, rawBody }) {
		const started = Date.now();
		const { route, params } = findRoute(routes, req.method, pathname);
		const personality = route ? route.personality : ownerOf(personalities, pathname);
		const routeKey = route ? route.key : `${req.method} ${pathname}`;
		const entry = {
			time: new Date(clock()).toISOString(),
			method: req.method,
			path: pathname,
			route: routeKey,
			query,
			headers: redactHeaders(req.headers),
			body: logBody(rawBody, req.headers),
			faults: [],
			principal: null,
		};
		const finish = (status) =>
			recorder.record({ ...entry, status, durationMs: Date.now() - started });
		const takeFault = (kinds) => {
			const fault = faults.take(routeKey, personality && personality.name, kinds);
			if (fault) entry.faults.push(fault.kind);
			return fault;
		};

		// The front server refuses an over-long request line before the application sees it.
		if (overLongRequestLine(req, personality)) {
			sendText(res, 414, REQUEST_LINE_TOO_LONG, 'text/html; charset=iso-8859-1', {
				Connection: 'close',
			});
			return finish(414);
		}
		const hold = takeFault('hold');
		if (hold) await holdRequest(hold);
		const latency = takeFault('latency');
		if (latency) await sleep(Number(latency.ms));
		tickAll(); // let due channels take effect before anything reads state
		const abort = takeFault(['status', 'drop', 'malformed']);
		if (abort && abort.kind === 'drop' && !abort.after) return dropConnection(req, finish);

		const response =
			abort && abort.kind === 'status'
				? errorFor(personality, abort.status, abort)
				: await runRoute({
						req,
						route,
						params,
						personality,
						query,
						rawBody,
						routeKey,
						takeFault,
						entry,
						clock,
					});

		if (abort && abort.kind === 'drop') return dropConnection(req, finish);
		// A response with `text` (XML, plain text) goes out as is with its `contentType`; else JSON.
		const malformed = abort && abort.kind === 'malformed';
		if (response.text !== undefined) {
			(malformed ? sendTruncatedText : sendText)(
				res,
				response.status,
				response.text,
				response.contentType,
				response.headers,
			);
		} else {
			(malformed ? sendTruncatedJson : sendJson)(
				res,
				response.status,
				response.body,
				response.headers,
			);
		}
		finish(response.status);
	};
}

async function runRoute({
	req,
	route,
	params,
	personality,
	query,
	rawBody,
	routeKey,
	takeFault,
	entry,
	clock,
}) {
	if (!route) return errorFor(personality, 404);
	// Personalities that take form or multipart bodies parse them themselves; JSON otherwise.
	const parsed = personality.parseBody
		? personality.parseBody(rawBody, req.headers)
		: parseJson(rawBody);
	if (parsed.error) return errorFor(personality, 400);
	const ctx = {
		method: req.method,
		params,
		query,
		body: parsed.value,
		rawBody,
		headers: req.headers,
		routeKey,
		now: clock,
		takeFault,
	};
	if (personality.beforeRequest) {
		const early = personality.beforeRequest(ctx, route);
		if (early) return early;
	}
	const denied = personality.authorize(ctx, route);
	entry.principal = ctx.principal ? ctx.principal.name : null;
	if (denied) return denied;
	try {
		return await route.handler(ctx);
	} catch (error) {
		if (error.response) return error.response; // API errors thrown by handlers (404, 422, ...)
		return errorFor(personality, 500, { message: `Simulator bug: ${error.message}` });
	}
}

// What Apache sends for a request line over LimitRequestLine (8,190 bytes by default).
const REQUEST_LINE_TOO_LONG = [
	'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">',
	'<html><head>',
	'<title>414 Request-URI Too Long</title>',
	'</head><body>',
	'<h1>Request-URI Too Long</h1>',
	"<p>The requested URL's length exceeds the capacity",
	'limit for this server.<br />',
	'</p>',
	'</body></html>',
	'',
].join('\n');

/** `METHOD target HTTP/x.y` longer than the personality's `maxRequestLine` (bytes), if it has one. */
function overLongRequestLine(req, personality) {
	const limit = personality && personality.maxRequestLine;
	if (!limit) return false;
	const line = `${req.method} ${req.url} HTTP/${req.httpVersion}`;
	return Buffer.byteLength(line) > limit;
}

function ownerOf(personalities, pathname) {
	return (
		personalities.find((p) => p.prefixes.some((prefix) => pathname.startsWith(prefix))) || null
	);
}

function errorFor(personality, status, details = {}) {
	const response = personality
		? personality.errorResponse(status, details)
		: { status, body: { error: details.message || http.STATUS_CODES[status] || 'Error' } };
	if (status !== 429) return response;
	// Rate limiting is generic: every personality's 429 carries Retry-After (seconds).
	return {
		...response,
		headers: { ...response.headers, 'Retry-After': String(details.retryAfter ?? 1) },
	};
}

function dropConnection(req, finish) {
	req.socket.destroy();
	finish(0);
}

/** A form body is logged as its fields (BeyondTrust calls), JSON as parsed, anything else as text. */
function logBody(rawBody, headers) {
	if (/^application\/x-www-form-urlencoded/i.test(headers['content-type'] || ''))
		return parseForm(rawBody);
	const parsed = parseJson(rawBody);
	return parsed.error ? rawBody.slice(0, 10000) : parsed.value;
}

module.exports = { createApiHandler };
