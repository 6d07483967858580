#!/usr/bin/env node
// Measures the request rate the BeyondTrust simulator sees when the node generates 1,000 session
// keys in one execution (real n8n-core WorkflowExecute, real credential code, loopback only).
// Not part of `npm test`: at the allowed 20 requests/s it needs about a minute by design.
// Usage: npm run build && node bench/bt-rate.js [items=1000] [maxRequestsPerSecond=19 (node option)]
const { startSimulator } = require('../simulator');
const { runWorkflow } = require('../test/helpers/workflow-runner');
const {
	btWorkflow,
	btCredentials,
	peakPerSecond,
} = require('../test/helpers/remote-access-workflows');

async function main() {
	const items = Number(process.argv[2] || 1000);
	const rate = process.argv[3]
		? { options: { maxRequestsPerSecond: Number(process.argv[3]) } }
		: {};
	const sim = await startSimulator({ port: 0, logLimit: items + 100 });
	try {
		const started = Date.now();
		const result = await runWorkflow(
			btWorkflow({
				resource: 'sessionKey',
				operation: 'generate',
				queueType: 'general',
				externalKey: '={{ $json.ticket }}',
				ttl: 1800,
				...rate,
			}),
			{
				credentials: btCredentials(sim),
				input: Array.from({ length: items }, (_, i) => ({ ticket: `INC-${i}` })),
			},
		);
		const seconds = (Date.now() - started) / 1000;
		const bt = sim.stats().personalities.beyondtrust;
		const failed =
			(result.outputs.Node || []).filter((o) => o.error).length + (result.error ? items : 0);
		const logPeak = peakPerSecond(sim.requests({ path: '/beyondtrust/' }));
		const summary = {
			items,
			seconds: Number(seconds.toFixed(1)),
			averagePerSecond: Number(
				((bt.btSessionKeysGenerated + bt.btTokensMinted) / seconds).toFixed(2),
			),
			peakPerSecond: bt.btPeakPerSecond,
			peakPerSecondFromLog: logPeak,
			tokensMinted: bt.btTokensMinted,
			sessionKeys: bt.btSessionKeysGenerated,
			rateLimited429: bt.btRateLimited,
			failedItems: failed,
			error: result.error ? result.error.message : undefined,
		};
		console.log(JSON.stringify(summary, null, 2));
		const ok =
			!result.error &&
			failed === 0 &&
			bt.btPeakPerSecond <= 20 &&
			bt.btTokensMinted === 1 &&
			bt.btRateLimited === 0;
		console.log(ok ? 'OK: under 20 requests/s, one token, no failed item' : 'FAILED');
		process.exitCode = ok ? 0 : 1;
	} finally {
		await sim.stop();
	}
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => process.exit()); // n8n-core leaves timers behind
