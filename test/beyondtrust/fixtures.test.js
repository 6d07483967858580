// Runs every workflow fixture in fixtures/ on n8n-core's WorkflowExecute with nock mocks (fixture
// format: test/helpers/fixture-runner.js). Each fixture uses its own host: the per-process token
// cache is keyed by token URL, so no fixture reuses the token another one minted.
const path = require('path');
const { runWorkflowFixture } = require('../helpers/workflow-runner');
const { listFixtures } = require('../helpers/fixture-runner');
const { expectFixtureResult } = require('../helpers/fixture-assert');

const fixtures = listFixtures(path.join(__dirname, 'fixtures'));

test.each(fixtures.map((file) => [path.relative(__dirname, file), file]))(
	'%s',
	async (_name, file) => {
		expectFixtureResult(await runWorkflowFixture(file));
	},
);
