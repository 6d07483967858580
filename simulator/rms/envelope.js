'use strict';
// RMS response envelopes (docs/vendor-behaviour.md, RMS: response envelopes).
// Handlers return { status, body, headers? }; helpers named `*Error` build failures, `fail()`
// throws one so validation can bail out early.

const ok = (data) => ({ status: 200, body: { success: true, data } });
const list = (data, meta) => ({ status: 200, body: { success: true, data, meta } });
const channel = (id, status = 200) => ({ status, body: { success: true, meta: { channel: id } } });

function apiError(status, code, message, source = null) {
	return { status, body: { success: false, errors: [{ code, source, message }] } };
}

const MESSAGES = {
	400: ['BAD_REQUEST', 'Bad request.'],
	401: ['UNAUTHORIZED', 'Unauthorized.'],
	403: ['FORBIDDEN', 'Forbidden.'],
	404: ['NOT_FOUND', 'Not found.'],
	409: ['CONFLICT', 'Already in use.'],
	429: ['TOO_MANY_REQUESTS', 'Too Many Attempts.'],
	500: ['SERVER_ERROR', 'Server Error.'],
	502: ['BAD_GATEWAY', 'Bad Gateway.'],
	503: ['SERVICE_UNAVAILABLE', 'Service Unavailable.'],
	504: ['GATEWAY_TIMEOUT', 'Gateway Timeout.'],
};

/** The spec-shaped error for any HTTP status (used for auth, 404s and injected faults). */
function statusError(status, message) {
	const [code, text] = MESSAGES[status] || ['ERROR', 'Error.'];
	return apiError(status, code, message || text);
}

const notFoundError = () => statusError(404);

/** 422 with one entry per failing field; `problems` is [{ source, message }]. */
function validationError(problems) {
	const errors = problems.map(({ source, message }) => ({
		code: 'VALIDATION_ERROR',
		source,
		message,
	}));
	return { status: 422, body: { success: false, errors } };
}

/** Throws a response; the server sends `error.response` as is. */
function fail(response) {
	const error = new Error(`RMS ${response.status}`);
	error.response = response;
	throw error;
}

module.exports = { ok, list, channel, apiError, statusError, notFoundError, validationError, fail };
