// Fault matrix, RMS side: every operation under every fault the simulator injects.
// Asserts the outcome (success after bounded retries where the call is safe to repeat, else a
// clear error), that no retry duplicated a remote-access configuration, and that the token
// appears nowhere in the output, the error or the request log's unmasked parts.
'use strict';
const { startSimulator } = require('../../simulator');
const { runWorkflow } = require('../helpers/workflow-runner');
const { OPERATIONS, FAULTS, workflowFor } = require('./fault-cases');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, channelCompleteMs: 40 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

function credentialsWith(token) {
	return {
		teltonikaRmsApi: { accessToken: token, baseUrl: sim.rms.baseUrl, statusUrl: sim.rms.statusUrl },
	};
}

function configsNamed(name) {
	return sim.rms.state().configs.filter((c) => c.name === name).length;
}

function everythingUserVisible(result) {
	const { error } = result;
	return JSON.stringify({
		outputs: result.outputs,
		error: error && {
			message: error.message,
			description: error.description,
			context: error.context,
		},
	});
}

const cleanCalls = {};
/** Requests a fault-free run of the operation sends to its main route. */
async function cleanRunCalls(opName, op) {
	if (cleanCalls[opName] === undefined) {
		sim.reset();
		await runWorkflow(workflowFor(op), {
			credentials: credentialsWith(sim.rms.tokens.full),
			input: [{}],
		});
		cleanCalls[opName] = sim.stats().routes[op.route] || 0;
	}
	return cleanCalls[opName];
}

const cases = [];
for (const [faultName, fault] of Object.entries(FAULTS)) {
	for (const [opName, op] of Object.entries(OPERATIONS)) {
		if (fault.writesOnly && op.kind !== 'write') continue;
		if (fault.skip?.(opName)) continue;
		cases.push([faultName, opName, fault, op]);
	}
}

test.each(cases)('%s × %s', async (faultName, opName, fault, op) => {
	const token =
		typeof fault.token === 'function' ? fault.token(sim, op) : fault.token || sim.rms.tokens.full;
	if (fault.inject) sim.setFaults(fault.inject(op.route));
	const result = await runWorkflow(workflowFor(op, fault.options), {
		credentials: credentialsWith(token),
		input: [{}],
	});
	const expected = fault.outcome(op);

	if (expected === 'success') {
		expect(result.error).toBeUndefined();
		expect(result.outputs.RMS.length).toBeGreaterThanOrEqual(1);
		expect(result.outputs.RMS.filter((json) => 'error' in json)).toEqual([]);
	} else {
		expect(result.error).toBeDefined();
		expect(`${result.error.message} ${result.error.description ?? ''}`).toMatch(fault.message);
		expect(result.error.message).toMatch(/\[item 0\]/);
	}
	// A retry never duplicates: at most the one configuration the operation asked for.
	if (op.createsConfig) expect(configsNamed(op.createsConfig)).toBeLessThanOrEqual(1);
	// A link is never made twice, and once on success (`counter`: the simulator's count of them).
	// Not 0 on failure: a timed-out request of the previous case may still complete in this one.
	if (op.counter) {
		expect(sim.stats()[op.counter]).toBeLessThanOrEqual(1);
		if (expected === 'success') expect(sim.stats()[op.counter]).toBe(1);
	}
	// No secret anywhere a user or a log sees it.
	expect(everythingUserVisible(result)).not.toContain(token);
	// Bounded: the faulted route saw at most two repeats more than a clean run sends.
	const faultedCalls = sim.stats().routes[op.route] || 0;
	expect(faultedCalls).toBeLessThanOrEqual((await cleanRunCalls(opName, op)) + 2);
});

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
