// Fault matrix, RMS side: every operation under every fault the simulator injects.
// Asserts the outcome (success after bounded retries where the call is safe to repeat, else a
// clear error), that no retry duplicated a remote-access configuration, and that the token
// appears nowhere in the output, the error or the request log's unmasked parts.
'use strict';
const { runWorkflow } = require('../helpers/workflow-runner');
const { defineFaultMatrix } = require('../helpers/fault-matrix');
const { rmsCredentials } = require('../helpers/remote-access-workflows');
const { OPERATIONS, FAULTS, workflowFor } = require('./fault-cases');

const tokenOf = (sim, fault, op) =>
	typeof fault.token === 'function' ? fault.token(sim, op) : fault.token || sim.rms.tokens.full;
const configsIn = (sim, name) => sim.rms.state().configs.filter((c) => c.name === name).length;

const cases = [];
for (const [faultName, fault] of Object.entries(FAULTS)) {
	for (const [opName, op] of Object.entries(OPERATIONS)) {
		if (fault.writesOnly && op.kind !== 'write') continue;
		if (fault.skip?.(opName)) continue;
		cases.push([faultName, opName, fault, op]);
	}
}

const matrix = defineFaultMatrix(cases, {
	nodeName: 'RMS',
	simulator: { channelCompleteMs: 40 },
	workflowFor: (op, { options }) => workflowFor(op, options),
	credentials: (sim, fault, op) => rmsCredentials(sim, tokenOf(sim, fault, op)),
	secrets: (sim, fault, op) => [tokenOf(sim, fault, op)],
	credentialType: 'teltonikaRmsApi',
	expectAfterRun({ sim, op, expected }) {
		// A retry never duplicates: at most the one configuration the operation asked for.
		if (op.createsConfig) expect(configsIn(sim, op.createsConfig)).toBeLessThanOrEqual(1);
		// A link is never made twice, and once on success (`counter`: the simulator's count of them).
		// Not 0 on failure: a timed-out request of the previous case may still complete in this one.
		if (op.counter) {
			expect(sim.stats()[op.counter]).toBeLessThanOrEqual(1);
			if (expected === 'success') expect(sim.stats()[op.counter]).toBe(1);
		}
	},
});
let sim;
beforeEach(() => {
	sim = matrix.simulator();
});
const configsNamed = (name) => configsIn(sim, name);
const credentialsWith = (token) => rmsCredentials(sim, token);

test('a write whose answer was lost is not repeated, and running the link step again reuses the configuration', async () => {
	const op = OPERATIONS['connectSession.generateLink'];
	const credentials = credentialsWith(sim.rms.tokens.full);
	sim.setFaults({ kind: 'drop', after: true, route: 'POST /api/devices/remote-access', count: 1 });
	const first = await runWorkflow(workflowFor(op), { credentials, input: [{}] });
	expect(sim.stats().routes['POST /api/devices/remote-access']).toBe(1);
	await new Promise((resolve) => setTimeout(resolve, 200)); // RMS finishes the write on its own time
	// The write happened even though the node never heard back: the configuration exists once.
	expect(configsNamed('Fault_Link')).toBe(1);
	const second = await runWorkflow(workflowFor(op), { credentials, input: [{}] });
	expect(second.error).toBeUndefined();
	expect(second.outputs.RMS[0]).toMatchObject({
		configuration_name: 'Fault_Link',
		config_created: false,
		link: expect.stringMatching(/^https:\/\//),
	});
	expect(configsNamed('Fault_Link')).toBe(1);
	expect(sim.stats().routes['POST /api/devices/remote-access']).toBe(1);
	// the first run either recovered by re-listing or failed clearly; never a second create
	if (first.error) expect(first.error.message).toMatch(/closed the connection|did not answer/i);
});

test('continueOnFail: a faulted item becomes an error item, the others still get their links', async () => {
	const op = OPERATIONS['connectSession.start'];
	const workflow = workflowFor({
		...op,
		parameters: { ...op.parameters, accessId: '={{ $json.accessId }}' },
	});
	workflow.nodes[1].onError = 'continueRegularOutput';
	sim.setFaults({ kind: 'channel', outcome: 'error', route: op.route, count: 1 });
	const result = await runWorkflow(workflow, {
		credentials: credentialsWith(sim.rms.tokens.full),
		input: [{ accessId: '62002' }, { accessId: '62007' }, { accessId: '62003' }],
	});
	expect(result.error).toBeUndefined();
	const [first, second, third] = result.items.RMS;
	expect(first.json.error).toMatch(/RMS could not/);
	expect(second.json.link).toMatch(/^https:\/\//);
	expect(third.json.link).toMatch(/^https:\/\//);
	expect(result.items.RMS.map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
});
