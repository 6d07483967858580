// Runs every workflow fixture under test/workflows/beyondtrust and test/workflows/rimo3 on
// n8n-core's WorkflowExecute with nock mocks (fixture format: test/helpers/fixture-runner.js).
const path = require('path');
const { runWorkflowFixture } = require('../helpers/workflow-runner');
const { listFixtures } = require('../helpers/fixture-runner');
const { expectFixtureResult } = require('../helpers/fixture-assert');

// Each fixture uses its own host: the per-process token cache is keyed by token URL, so no
// fixture reuses the token another one minted.
const fixtures = ['beyondtrust', 'rimo3'].flatMap((dir) => listFixtures(path.join(__dirname, dir)));

test.each(fixtures.map((file) => [path.relative(__dirname, file), file]))(
	'%s',
	async (_name, file) => {
		const result = await runWorkflowFixture(file);
		expectFixtureResult(result);
	},
);
