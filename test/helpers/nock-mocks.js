// Registers a fixture's HTTP mocks with nock. The shape is n8n's own WorkflowTestData.nock
// ({ baseUrl, mocks: [{ method, path, statusCode, requestBody, requestHeaders, responseBody,
// responseHeaders }] }) plus: a mock may override `baseUrl` (RMS has two hosts), give `query`
// (object = exact match, true = any) and `times`. Mocks on one URL are consumed in order.
const nock = require('nock');

function registerMock(defaultBaseUrl, mock) {
	const baseUrl = mock.baseUrl || defaultBaseUrl;
	if (!baseUrl) throw new Error(`Mock ${mock.method} ${mock.path} has no baseUrl`);
	const url = new URL(baseUrl);
	// nock matches on origin + path; a base URL's own path (e.g. /api) prefixes the mock path.
	const path = url.pathname.replace(/\/$/, '') + mock.path;
	let interceptor = nock(url.origin)[mock.method.toLowerCase()](path, mock.requestBody);
	if (mock.query !== undefined) interceptor = interceptor.query(mock.query);
	for (const [name, value] of Object.entries(mock.requestHeaders || {})) {
		interceptor = interceptor.matchHeader(name, value);
	}
	if (mock.times) interceptor = interceptor.times(mock.times);
	const body = mock.responseBody === undefined ? '' : mock.responseBody;
	interceptor.reply(mock.statusCode || 200, body, mock.responseHeaders);
}

/** Registers every mock; returns them so callers can report what was left unused. */
function registerMocks(nockSpec = {}) {
	const mocks = nockSpec.mocks || [];
	for (const mock of mocks) registerMock(nockSpec.baseUrl, mock);
	return mocks;
}

/** Unused mocks as "METHOD url" strings, then forget all mocks. */
function drainMocks() {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	return pending;
}

module.exports = { registerMocks, drainMocks };
