// Client-credentials tokens under concurrency, counted by the simulator (tokens it minted):
// executions running side by side share one credential record, as they share n8n's database.
// - After a revocation, 8 executions whose 401s arrive at different moments (the simulator holds
//   their 8 calls until all have arrived, then answers them 150 ms apart) mint exactly one new
//   token, and all succeed.
// - 50 executions started together with nothing cached mint exactly one token.
// Each test starts its own simulator: a new port is a new token URL, so no cached token carries over.
'use strict';
const { startSimulator } = require('../../simulator');
const { runWorkflow } = require('../helpers/workflow-runner');
const { CLIENT_CREDENTIALS_NODES } = require('../helpers/remote-access-workflows');

const { beyondtrust: bt, rimo3 } = CLIENT_CREDENTIALS_NODES;

/** A service: its list-everything workflow, simulator account, mint counter and listing route. */
const tokenService = (node, resource, account, counter, route) => ({
	workflow: () => node.workflow({ resource, operation: 'getAll', returnAll: true }),
	credentials: node.credentials,
	account: (sim) => sim[account],
	minted: (sim) => sim.stats().personalities[account][counter],
	route,
});

const SERVICES = [
	[
		'BeyondTrust',
		tokenService(
			bt,
			'representative',
			'beyondtrust',
			'btTokensMinted',
			'POST /beyondtrust/api/command',
		),
	],
	[
		'Rimo3',
		tokenService(
			rimo3,
			'applicationPackage',
			'rimo3',
			'rimo3TokensMinted',
			'GET /rimo3/api/v2/application-packages',
		),
	],
];

let sim;
afterEach(async () => {
	await sim?.stop();
	sim = undefined;
});

/** Runs `count` executions of the service's workflow at once over one shared credential record. */
function runTogether(service, store, count) {
	return Promise.all(
		Array.from({ length: count }, () =>
			runWorkflow(service.workflow(), { credentials: store, sharedCredentials: true }),
		),
	);
}

function expectAllSucceeded(runs) {
	expect(runs.map((run) => run.error?.message)).toEqual(runs.map(() => undefined));
	for (const run of runs) expect(run.outputs.Node.length).toBeGreaterThan(0);
}

describe.each(SERVICES)('%s', (_name, service) => {
	test('8 executions whose 401s come at different moments mint exactly 1 new token', async () => {
		sim = await startSimulator({ port: 0 });
		const store = service.credentials(sim);
		expectAllSucceeded(await runTogether(service, store, 1));
		expect(service.minted(sim)).toBe(1);

		service.account(sim).revokeAll();
		sim.setFaults({ kind: 'hold', count: 8, staggerMs: 150, route: service.route });
		const runs = await runTogether(service, store, 8);

		expectAllSucceeded(runs);
		expect(sim.stats().statuses['401']).toBe(8); // each execution saw its own 401
		expect(service.minted(sim)).toBe(2);
	});

	test('50 first uses at once mint exactly 1 token', async () => {
		sim = await startSimulator({ port: 0 });
		const runs = await runTogether(service, service.credentials(sim), 50);
		expectAllSucceeded(runs);
		expect(service.minted(sim)).toBe(1);
	});
});
