// Runs one JSON workflow fixture (format: docs/testing.md, "Workflow fixtures"). Like n8n's
// NodeTestHarness: `pinData` holds the expected output and is stripped before the run;
// `nock` holds the HTTP mocks; `test` holds input items, credentials and expectations.
const fs = require('fs');
const path = require('path');
const { runWorkflow } = require('./workflow-runner');
const { registerMocks, drainMocks } = require('./nock-mocks');

function readFixture(fixturePath) {
	const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8'));
	const { pinData = {}, nock: nockSpec, test = {}, ...workflow } = fixture;
	return { workflow, expected: pinData, nockSpec, test };
}

/**
 * `test.now` (ISO string or unix ms) fixes Date.now() for the run, so outputs that depend on the
 * current time (expiry of a new link, whether a session is still active) can be pinned. Timers
 * (setTimeout, so poll intervals) keep running on the real clock.
 */
function freezeDateNow(now) {
	const fixed = typeof now === 'number' ? now : Date.parse(now);
	if (!Number.isFinite(fixed)) throw new Error(`test.now is not a time: ${now}`);
	const realNow = Date.now;
	Date.now = () => fixed;
	return () => {
		Date.now = realNow;
	};
}

/**
 * @param fixturePath     path to a *.workflow.json fixture
 * @param opts.credentials default credentials; the fixture's test.credentials win per type
 * @returns the runWorkflow result plus { fixture, pendingMocks }
 */
async function runWorkflowFixture(fixturePath, opts = {}) {
	const fixture = readFixture(fixturePath);
	const { workflow, nockSpec, test } = fixture;
	const credentials = { ...opts.credentials, ...test.credentials };
	drainMocks(); // a previous failed test must not leave mocks behind
	registerMocks(nockSpec);
	const restoreClock = test.now === undefined ? () => {} : freezeDateNow(test.now);
	let result;
	try {
		result = await runWorkflow(workflow, { ...opts, credentials, input: test.input });
	} finally {
		restoreClock();
		result = { ...result, pendingMocks: drainMocks() };
	}
	return { ...result, fixture: { ...fixture, name: path.basename(fixturePath) } };
}

/** Every *.workflow.json under dir (recursive), sorted. */
function listFixtures(dir) {
	return fs
		.readdirSync(dir, { recursive: true })
		.filter((file) => file.endsWith('.workflow.json'))
		.sort()
		.map((file) => path.join(dir, file));
}

module.exports = { runWorkflowFixture, readFixture, listFixtures };
