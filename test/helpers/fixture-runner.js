// Runs one JSON workflow fixture (format: test/workflows/README.md). Like n8n's
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
	let result;
	try {
		result = await runWorkflow(workflow, { ...opts, credentials, input: test.input });
	} finally {
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
