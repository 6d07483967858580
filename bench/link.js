// link.*: Generate connect link through n8n-core's WorkflowExecute against the simulator with
// 50 ms injected per request, beside the physical minimum measured in the same process: the
// round trips no client can avoid (find device, find config, start, the poll that sees
// `completed`) plus the simulator's channel completion time.
'use strict';
const { startSimulator } = require('../simulator');
const { runWorkflow } = require('../test/helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../test/helpers/remote-access-workflows');
const { median, round, timed } = require('./stats');

const LATENCY_MS = 50;
const CHANNEL_MS = 1500;
const RUNS = 5;
// device lookup, config list, start, one CHANNEL_NOT_FOUND poll (the simulator always answers
// the first poll so, as RMS does right after creation), the poll that sees `completed`.
const MIN_API_CALLS = 5;

function linkWorkflow() {
	return rmsWorkflow('Link', {
		resource: 'connectSession',
		operation: 'generateLink',
		name: 'Camera_HTTPS',
		device: { __rl: true, mode: 'serial', value: '1111111111' },
		destinationIp: '192.168.1.10',
		destinationPort: 443,
		protocol: 'https',
		duration: 600,
	});
}

/** One bare round trip to the simulator, latency included. */
async function roundTrip(sim) {
	const { ms } = await timed(() =>
		fetch(`${sim.rms.baseUrl}/devices/1001?fields=id`, {
			headers: { authorization: `Bearer ${sim.rms.tokens.full}` },
		}).then((r) => r.text()),
	);
	return ms;
}

async function measureLink() {
	const sim = await startSimulator({ port: 0, channelCompleteMs: CHANNEL_MS });
	const credentials = rmsCredentials(sim);
	try {
		await runWorkflow(linkWorkflow(), { credentials, input: [{}] }); // warm-up: loads n8n-core and the node
		const walls = [];
		const minimums = [];
		const calls = [];
		for (let run = 0; run < RUNS; run++) {
			sim.reset();
			sim.setFaults({ kind: 'latency', ms: LATENCY_MS });
			const rtt = median([await roundTrip(sim), await roundTrip(sim), await roundTrip(sim)]);
			sim.reset();
			sim.setFaults({ kind: 'latency', ms: LATENCY_MS });
			const { ms, result } = await timed(() =>
				runWorkflow(linkWorkflow(), { credentials, input: [{}] }),
			);
			if (result.error) throw result.error;
			walls.push(ms);
			minimums.push(4 * rtt + CHANNEL_MS);
			calls.push(sim.stats().requests);
		}
		const wall = median(walls);
		const minimum = median(minimums);
		return {
			wallMs: round(wall, 0),
			minMs: round(minimum, 0),
			wallRatio: round(wall / minimum),
			apiCalls: median(calls),
			minApiCalls: MIN_API_CALLS,
			latencyMs: LATENCY_MS,
			channelCompleteMs: CHANNEL_MS,
			runs: RUNS,
		};
	} finally {
		await sim.stop();
	}
}

module.exports = { measureLink, roundTrip };
