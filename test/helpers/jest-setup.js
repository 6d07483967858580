// Runs in every test file (jest.config.js setupFilesAfterEnv).
// nock patches Node's shared `http`/`https` modules when it is required. Jest runs several test
// files in one worker, each with a fresh module registry, so without this every file would stack
// one more nock interceptor over the last file's (whose internals jest has already torn down),
// and requests would fail with "Unhandled error" depending on which files shared a worker.
afterAll(() => {
	const nock = require('nock');
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
