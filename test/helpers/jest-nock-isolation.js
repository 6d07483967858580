// Jest loads a fresh nock into every test file's module registry, but each one patches Node's
// shared `http` module. A nock left active by an earlier file in the same worker would still
// intercept (and block) the next file's requests, crashing the worker with an unhandled
// NetConnectNotAllowedError. Restore nock after every file so each file starts clean.
afterAll(() => {
	const nock = require('nock');
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
