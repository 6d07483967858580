// Jest body of the fault matrix: every (fault, operation) case through n8n-core's engine against
// the simulator. Asserts the outcome (success after bounded retries where the call is safe to
// repeat, else a clear error naming the item), no secret or token anywhere a user sees it, a
// bounded number of requests, and whatever the service adds (`expectAfterRun`: no duplicate
// created by a retry, exactly the token mints the fault calls for).
'use strict';
const { startSimulator } = require('../../simulator');
const { runWorkflow } = require('./workflow-runner');
const { clearRateLimiters } = require('../../dist/nodes/shared/rateLimiter');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * @param cases [faultName, opName, fault, op] rows; a fault's fields: client-credentials-faults.js
 * @param service.nodeName             the node's name in service.workflowFor's workflow
 * @param service.workflowFor(op, { options, parameters })
 * @param service.credentials(sim, fault, op)  credentials for the run (fault = {} for a clean run)
 * @param service.secrets(sim, fault, op)      strings that must appear nowhere a user sees
 * @param service.simulator            startSimulator options
 * @param service.simulatorPerTest     a new simulator per test (a new port is a new token URL, so
 *   no cached token carries over); else one per file, reset before each test
 * @param service.tokenRoute / tokenPattern / credentialType / account / primeOperation / operations
 *   for services that mint tokens (see defineClientCredentialsMatrix below)
 * @param service.expectAfterRun({ sim, op, fault, expected, before, routeCalls })
 * @returns { simulator() } the simulator of the running test
 */
function defineFaultMatrix(cases, service) {
	let sim;
	let clockOffsetMs = 0;
	const start = async () => {
		sim = await startSimulator({
			port: 0,
			...service.simulator,
			clock: () => Date.now() + clockOffsetMs,
		});
	};
	if (service.simulatorPerTest) {
		beforeEach(start);
		afterEach(() => sim.stop());
	} else {
		beforeAll(start);
		afterAll(() => sim.stop());
	}
	beforeEach(() => {
		clockOffsetMs = 0;
		sim.reset();
		clearRateLimiters(); // a fault's long 429 pauses the account; the next case is a fresh start
	});

	const routeCalls = (route) => sim.stats().routes[route] || 0;
	const inputFor = (op) => (op.input ? op.input() : [{}]);

	const cleanCalls = {};
	/** Requests a fault-free run of the operation sends to its route (its own simulator and cache). */
	async function cleanRunCalls(opName, op) {
		if (cleanCalls[opName] === undefined) {
			// Its own simulator, so a token it mints is not in the cache of the test's one.
			const cleanSim = await startSimulator({ port: 0, ...service.simulator });
			try {
				const clean = await runWorkflow(service.workflowFor(op, {}), {
					credentials: service.credentials(cleanSim, {}, op),
					input: inputFor(op),
				});
				expect(clean.error).toBeUndefined();
				cleanCalls[opName] = cleanSim.stats().routes[op.route] || 0;
			} finally {
				await cleanSim.stop();
			}
		}
		return cleanCalls[opName];
	}

	/** Revokes every token once the operation's first call has arrived and waits (latency fault). */
	function revokeDuringFirstCall(op) {
		sim.addFaults({ kind: 'latency', ms: 150, route: op.route, count: 1 });
		let revoked = false;
		const timer = setInterval(() => {
			if (!revoked && !sim.faults().some((f) => f.kind === 'latency')) {
				revoked = true;
				service.account(sim).revokeAll();
			}
		}, 2);
		return () => {
			clearInterval(timer);
			return revoked;
		};
	}

	test.each(cases)('%s × %s', async (faultName, opName, fault, op) => {
		const clean = await cleanRunCalls(opName, op);
		const ctx = {
			account: service.account?.(sim),
			advanceClock: (seconds) => (clockOffsetMs += seconds * 1000),
		};
		const credentials = service.credentials(sim, fault, op);
		if (fault.prime) {
			const prime = service.operations[service.primeOperation];
			const primed = await runWorkflow(service.workflowFor(prime, {}), {
				credentials,
				input: [{}],
			});
			expect(primed.error).toBeUndefined();
		}
		const secrets = service.secrets(sim, fault, op);
		if (fault.setup) await fault.setup(sim, ctx);
		if (fault.inject) sim.setFaults(fault.inject(op.route));
		const stopRevoking = fault.revokeDuringCall ? revokeDuringFirstCall(op) : undefined;
		const before = { stats: sim.stats(), calls: routeCalls(op.route) };

		const workflow = service.workflowFor(op, {
			options: fault.options,
			parameters: fault.parameters ? fault.parameters(op) : {},
		});
		const started = Date.now();
		const result = await runWorkflow(workflow, { credentials, input: inputFor(op) });
		if (stopRevoking) expect(stopRevoking()).toBe(true);
		if (fault.settleMs) await sleep(fault.settleMs - (Date.now() - started));
		const expected = fault.outcome(op);

		if (expected === 'success') {
			expect(result.error).toBeUndefined();
			const outputs = result.outputs[service.nodeName];
			expect(outputs.length).toBeGreaterThanOrEqual(1);
			expect(outputs.filter((json) => 'error' in json)).toEqual([]);
		} else {
			expect(result.error).toBeDefined();
			expect(`${result.error.message} ${result.error.description ?? ''}`).toMatch(fault.message);
			expect(result.error.message).toMatch(/\[item 0\]$/);
		}
		service.expectAfterRun?.({ sim, op, fault, expected, before, routeCalls });
		// No secret and no token anywhere a user or a log sees it.
		const visible = everythingUserVisible(result);
		for (const secret of secrets) expect(visible).not.toContain(secret);
		if (service.tokenPattern) expect(visible).not.toMatch(service.tokenPattern);
		const storedToken = result.credentials?.[service.credentialType]?.accessToken;
		if (storedToken) expect(visible).not.toContain(storedToken);
		if (fault.retryAfterMs) {
			const times = sim
				.requests({ route: op.route })
				.slice(-2)
				.map((r) => Date.parse(r.time));
			expect(times[1] - times[0]).toBeGreaterThanOrEqual(fault.retryAfterMs - 50);
		}
		// Bounded: the faulted route saw at most two repeats more than a clean run sends.
		expect(routeCalls(op.route) - before.calls).toBeLessThanOrEqual(clean + 2);
	});

	return { simulator: () => sim };
}

/**
 * The matrix of a client-credentials service (BeyondTrust, Rimo3): `module` is its fault-cases.js
 * ({ SERVICE, OPERATIONS, FAULTS }). Adds: at most one key / upload / termination per item, and
 * exactly the token mints the fault calls for.
 */
function defineClientCredentialsMatrix({ SERVICE, OPERATIONS, FAULTS }) {
	const { casesOf } = require('../shared/client-credentials-faults');
	const { run, skipped } = casesOf(OPERATIONS, FAULTS);
	const counters = (stats) => stats.personalities[SERVICE.personality];
	defineFaultMatrix(run, {
		...SERVICE,
		nodeName: 'Node',
		simulatorPerTest: true,
		operations: OPERATIONS,
		credentials: (sim, fault) =>
			SERVICE.credentials(sim, fault.credentials ? fault.credentials(sim) : {}),
		secrets: (sim, fault) => [
			...SERVICE.secrets(sim),
			...(fault.secrets ? fault.secrets(sim) : []),
		],
		expectAfterRun({ sim, op, fault, before, routeCalls }) {
			const was = counters(before.stats);
			const after = counters(sim.stats());
			// A retry never duplicates: at most one key / upload / termination for the one item.
			if (op.creates) expect(after[op.creates] - was[op.creates]).toBeLessThanOrEqual(1);
			// Tokens: exactly the mints the fault calls for (one re-mint after revocation or expiry).
			const { minted, revoked } = SERVICE.counters;
			if (fault.mintedInRun !== undefined)
				expect(after[minted] - was[minted]).toBe(fault.mintedInRun);
			if (fault.revokeDuringCall) expect(after[revoked] - was[revoked]).toBe(1);
			// A refused secret is asked once, not retried into a storm.
			const tokenCalls = before.stats.routes[SERVICE.tokenRoute] || 0;
			if (fault.mintedInRun === 0) expect(routeCalls(SERVICE.tokenRoute) - tokenCalls).toBe(1);
		},
	});
	return { run, skipped };
}

module.exports = { defineFaultMatrix, defineClientCredentialsMatrix };
