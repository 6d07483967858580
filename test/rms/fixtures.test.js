// Runs every Teltonika RMS workflow fixture (format: docs/testing.md) in n8n-core's real
// WorkflowExecute, one jest test per fixture. Serial: nock's mocks are global to the process.
const path = require('path');
const { runWorkflowFixture, listFixtures } = require('../helpers/fixture-runner');
const { expectFixtureResult } = require('../helpers/fixture-assert');

const FIXTURE_DIR = path.join(__dirname, 'fixtures');
const fixtures = listFixtures(FIXTURE_DIR);

test('there are fixtures for every operation of the node', () => {
	const ops = new Set(
		fixtures.map((file) => {
			const { nodes } = require(file);
			const { resource, operation } = nodes.find((n) =>
				n.type.endsWith('.teltonikaRms'),
			).parameters;
			return `${resource}.${operation}`;
		}),
	);
	expect([...ops].sort()).toEqual([
		'connectSession.close',
		'connectSession.generateLink',
		'connectSession.getAll',
		'connectSession.getLogs',
		'connectSession.start',
		'device.generateLink',
		'device.get',
		'device.getAll',
		'remoteAccess.create',
		'remoteAccess.delete',
		'remoteAccess.getAccessId',
		'remoteAccess.getAll',
	]);
});

describe.each(fixtures.map((file) => [path.relative(FIXTURE_DIR, file), file]))(
	'%s',
	(_name, file) => {
		test('runs as the fixture says', async () => {
			const result = await runWorkflowFixture(file);
			expectFixtureResult(result);
		});
	},
);
