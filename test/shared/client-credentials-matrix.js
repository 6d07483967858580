// Jest body of the fault matrix for the client-credentials services (BeyondTrust, Rimo3): every
// operation under every fault of the service's cases module, through n8n-core's engine against
// the simulator. Mirrors rms.faults.test.js: the outcome (success after bounded retries where the
// call is safe to repeat, else a clear error naming the item), no duplicate created by a retry,
// no secret or token anywhere a user sees it, and a bounded number of requests.
'use strict';
const { startSimulator } = require('../../simulator');
const { runWorkflow } = require('../helpers/workflow-runner');
const { casesOf } = require('./client-credentials-faults');
const { clearRateLimiters } = require('../../dist/nodes/shared/rateLimiter');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function defineMatrix({ SERVICE, OPERATIONS, FAULTS }) {
	let sim;
	let clockOffsetMs = 0;
	// A new simulator per test: a new port is a new token URL, so no cached token carries over.
	beforeEach(async () => {
		sim = await startSimulator({ port: 0, clock: () => Date.now() + clockOffsetMs });
	});
	afterEach(() => sim.stop());
	beforeEach(() => {
		clockOffsetMs = 0;
		sim.reset();
		clearRateLimiters(); // a fault's long 429 pauses the account; the next case is a fresh start
	});

	const counters = () => sim.stats().personalities[SERVICE.personality];
	const routeCalls = (route) => sim.stats().routes[route] || 0;
	const inputFor = (op) => (op.input ? op.input() : [{}]);

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
	/** Requests a fault-free run of the operation sends to its route (fresh simulator and cache). */
	async function cleanRunCalls(opName, op) {
		if (cleanCalls[opName] === undefined) {
			// Its own simulator, so the token it mints is not in the cache of the test's one.
			const cleanSim = await startSimulator({ port: 0 });
			try {
				const clean = await runWorkflow(SERVICE.workflowFor(op), {
					credentials: SERVICE.credentials(cleanSim),
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
				SERVICE.account(sim).revokeAll();
			}
		}, 2);
		return () => {
			clearInterval(timer);
			return revoked;
		};
	}

	const { run, skipped } = casesOf(OPERATIONS, FAULTS);

	test.each(run)('%s × %s', async (faultName, opName, fault, op) => {
		const clean = await cleanRunCalls(opName, op);
		const ctx = {
			account: SERVICE.account(sim),
			advanceClock: (seconds) => (clockOffsetMs += seconds * 1000),
		};
		const credentials = SERVICE.credentials(sim, fault.credentials ? fault.credentials(sim) : {});
		if (fault.prime) {
			const primed = await runWorkflow(SERVICE.workflowFor(OPERATIONS[SERVICE.primeOperation]), {
				credentials,
				input: [{}],
			});
			expect(primed.error).toBeUndefined();
		}
		const secrets = [...SERVICE.secrets(sim), ...(fault.secrets ? fault.secrets(sim) : [])];
		if (fault.setup) await fault.setup(sim, ctx);
		if (fault.inject) sim.setFaults(fault.inject(op.route));
		const stopRevoking = fault.revokeDuringCall ? revokeDuringFirstCall(op) : undefined;
		const before = {
			counters: counters(),
			calls: routeCalls(op.route),
			tokenCalls: routeCalls(SERVICE.tokenRoute),
		};

		const workflow = SERVICE.workflowFor(op, {
			options: fault.options,
			parameters: fault.parameters ? fault.parameters(op) : {},
		});
		const result = await runWorkflow(workflow, { credentials, input: inputFor(op) });
		if (stopRevoking) expect(stopRevoking()).toBe(true);
		if (fault.settleMs) await sleep(fault.settleMs);
		const after = counters();
		const expected = fault.outcome(op);

		if (expected === 'success') {
			expect(result.error).toBeUndefined();
			expect(result.outputs.Node.length).toBeGreaterThanOrEqual(1);
			expect(result.outputs.Node.filter((json) => 'error' in json)).toEqual([]);
		} else {
			expect(result.error).toBeDefined();
			expect(`${result.error.message} ${result.error.description ?? ''}`).toMatch(fault.message);
			expect(result.error.message).toMatch(/\[item 0\]$/);
		}
		// A retry never duplicates: at most one key / upload / termination for the one item.
		if (op.creates) expect(after[op.creates] - before.counters[op.creates]).toBeLessThanOrEqual(1);
		// Tokens: exactly the mints the fault calls for (one re-mint after revocation or expiry).
		if (fault.mintedInRun !== undefined) {
			expect(after[SERVICE.counters.minted] - before.counters[SERVICE.counters.minted]).toBe(
				fault.mintedInRun,
			);
		}
		if (fault.revokeDuringCall)
			expect(after[SERVICE.counters.revoked] - before.counters[SERVICE.counters.revoked]).toBe(1);
		// A refused secret is asked once, not retried into a storm.
		if (fault.mintedInRun === 0) expect(routeCalls(SERVICE.tokenRoute) - before.tokenCalls).toBe(1);
		// No secret and no token anywhere a user or a log sees it.
		const visible = everythingUserVisible(result);
		for (const secret of secrets) expect(visible).not.toContain(secret);
		expect(visible).not.toMatch(SERVICE.tokenPattern);
		const storedToken = result.credentials?.[SERVICE.credentialType]?.accessToken;
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

	return { run, skipped };
}

module.exports = { defineMatrix };
