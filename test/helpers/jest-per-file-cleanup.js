// Runs after every test file (jest setupFilesAfterEnv).
//
// 1. Jest loads a fresh nock into every test file's module registry, but each one patches Node's
//    shared `http` module. A nock left active by an earlier file in the same worker would still
//    intercept (and block) the next file's requests, crashing the worker with an unhandled
//    NetConnectNotAllowedError. Restore nock so each file starts clean.
// 2. n8n-core's SSHClientsManager (created for every node execution context) starts a 60-second
//    setInterval that nothing clears, so jest never exits after a workflow ran. Shut it down.
afterAll(() => {
	const nock = require('nock');
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
	const { Container } = require('@n8n/di');
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
