// tokens.* and bulk.*: the client-credentials token economy and the BeyondTrust bulk run, on
// n8n-core's WorkflowExecute against the simulator, read off the simulator's own counters.
'use strict';
const { startSimulator } = require('../simulator');
const { runWorkflow } = require('../test/helpers/workflow-runner');
const {
	btWorkflow,
	btCredentials,
	rimo3Workflow,
	rimo3Credentials,
} = require('../test/helpers/remote-access-workflows');
const { median, round } = require('./stats');

const ALLOWED_PER_SECOND = 20; // BeyondTrust: 20 requests/s per API account
const EXECUTIONS = 4; // 4 executions × 250 items = 1,000 calls, in one process as in one n8n

const generate = {
	resource: 'sessionKey',
	operation: 'generate',
	queueType: 'general',
	externalKey: '={{ $json.ticket }}',
	ttl: 1800,
};
const tickets = (n, offset = 0) =>
	Array.from({ length: n }, (_, i) => ({ ticket: `INC-${offset + i}` }));

/**
 * 1,000 API calls spread over several executions; mints per 1,000 calls. Each measure has its own
 * simulator: a new port is a new token URL, so the token cache starts empty as in a new process.
 */
async function mintsPerThousand(run, counters) {
	const sim = await startSimulator({ port: 0, logLimit: 2000 });
	try {
		for (let e = 0; e < EXECUTIONS; e++) {
			const result = await run(sim, e);
			if (result.error) throw result.error;
		}
		const { calls, mints } = counters(sim);
		return round((mints / calls) * 1000, 2);
	} finally {
		await sim.stop();
	}
}

async function measureTokens() {
	const bt = (sim) => sim.stats().personalities.beyondtrust;
	const r3 = (sim) => sim.stats().personalities.rimo3;
	const btMints = await mintsPerThousand(
		(sim, e) =>
			runWorkflow(btWorkflow(generate), {
				credentials: btCredentials(sim),
				input: tickets(1000 / EXECUTIONS, e * 1000),
			}),
		(sim) => ({ calls: bt(sim).btSessionKeysGenerated, mints: bt(sim).btTokensMinted }),
	);
	const rimo3Mints = await mintsPerThousand(
		(sim) =>
			runWorkflow(
				rimo3Workflow({
					resource: 'applicationPackage',
					operation: 'getAll',
					returnAll: false,
					limit: 5,
				}),
				{
					credentials: rimo3Credentials(sim),
					input: tickets(1000 / EXECUTIONS),
				},
			),
		(sim) => ({
			calls: sim.requests({ path: '/rimo3/api/v2/application-packages' }).length,
			mints: r3(sim).rimo3TokensMinted,
		}),
	);
	return {
		mintsPerThousandCalls: { beyondtrust: btMints, rimo3: rimo3Mints },
		executions: EXECUTIONS,
	};
}

/** One 1,000-item BeyondTrust session-key run: failed items and achieved ÷ allowed rate. */
async function measureBulk() {
	const items = 1000;
	const runs = 3;
	const samples = [];
	for (let r = 0; r < runs; r++) {
		// A new simulator per run (new token URL): each run starts with no cached token.
		const sim = await startSimulator({ port: 0, logLimit: items + 100 });
		try {
			const result = await runWorkflow(btWorkflow(generate), {
				credentials: btCredentials(sim),
				input: tickets(items),
			});
			const log = sim.requests({ path: '/beyondtrust/' });
			const seconds = (Date.parse(log[log.length - 1].time) - Date.parse(log[0].time)) / 1000;
			const failed = result.error
				? items
				: (result.outputs.Node || []).filter((o) => o.error).length;
			const stats = sim.stats().personalities.beyondtrust;
			samples.push({
				failed,
				rate: log.length / seconds,
				peak: stats.btPeakPerSecond,
				rejected: stats.btRateLimited,
			});
		} finally {
			await sim.stop();
		}
	}
	const rate = median(samples.map((s) => s.rate));
	return {
		items,
		failedItems: Math.max(...samples.map((s) => s.failed)),
		rateUtilization: round(rate / ALLOWED_PER_SECOND),
		requestsPerSecond: round(rate, 1),
		peakPerSecond: Math.max(...samples.map((s) => s.peak)),
		rateLimited429: Math.max(...samples.map((s) => s.rejected)),
		runs,
	};
}

module.exports = { measureTokens, measureBulk };
