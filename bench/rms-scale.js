// link.byChannelSeconds and link.quota: how the adaptive status-channel cadence behaves for
// channels of 1.5, 5, 15 and 60 s, and how many RMS requests each flow costs (from the
// simulator's request counters), for the README's monthly quota arithmetic.
'use strict';
const { startSimulator } = require('../simulator');
const { runWorkflow } = require('../test/helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../test/helpers/remote-access-workflows');
const { median, round, timed } = require('./stats');
const { roundTrip } = require('./link');

const LATENCY_MS = 50;
const CHANNEL_SECONDS = [1.5, 5, 15, 60];
const CONFIG_COUNTS = [1, 10, 50, 200];
const QUOTA_DEVICE = 1001;

const linkParameters = (name) => ({
	resource: 'connectSession',
	operation: 'generateLink',
	name,
	device: { __rl: true, mode: 'serial', value: '1111111111' }, // device 1001, as a ticket names it
	destinationIp: '192.168.1.10',
	destinationPort: 443,
	protocol: 'https',
	duration: 600,
	options: { pollTimeout: 120 },
});

async function run(sim, parameters) {
	const credentials = rmsCredentials(sim);
	const result = await runWorkflow(rmsWorkflow('RMS', parameters), { credentials, input: [{}] });
	if (result.error) throw result.error;
	return result.outputs.RMS;
}

/** Starts a session on an existing configuration; wall time of the run against channel + 4 round trips. */
async function byChannelSeconds(sim) {
	const out = {};
	for (const seconds of CHANNEL_SECONDS) {
		sim.reset();
		sim.rms.setChannelCompleteMs(seconds * 1000);
		sim.rms.addConfig({
			device_id: QUOTA_DEVICE,
			name: 'Channel_Reuse',
			destination_ip: '192.168.1.10',
			destination_port: 443,
			protocol: 'https',
		});
		sim.setFaults({ kind: 'latency', ms: LATENCY_MS });
		const rtt = median([await roundTrip(sim), await roundTrip(sim), await roundTrip(sim)]);
		// The configuration exists: find device, list, start, then the polls of the start's channel.
		const { ms } = await timed(() => run(sim, linkParameters('Channel_Reuse')));
		const polls = sim.stats().polls;
		// As link.wallRatio: find device, find configuration and start before the channel, plus the
		// round trip of the poll that sees it complete.
		const minimum = seconds * 1000 + 4 * rtt;
		out[String(seconds)] = {
			wallRatio: round(ms / minimum),
			polls,
			wallMs: round(ms, 0),
			minMs: round(minimum, 0),
		};
	}
	return out;
}

function addConfigs(sim, count) {
	for (let n = 0; n < count; n++) {
		sim.rms.addConfig({
			device_id: QUOTA_DEVICE,
			name: `Bench_${n}`,
			destination_ip: '192.168.1.20',
			destination_port: 8000 + n,
			protocol: 'http',
		});
	}
}

async function quota(sim) {
	sim.rms.setChannelCompleteMs(1500);
	sim.reset();
	await run(sim, linkParameters('Quota_New'));
	const newLink = sim.stats().requests;
	sim.reset();
	await run(sim, linkParameters('Quota_New')); // the seed is back, so create it once more ...
	const before = sim.stats().requests;
	await run(sim, linkParameters('Quota_New')); // ... and reuse it
	const reusedLink = sim.stats().requests - before;
	const listSessions = {};
	for (const total of CONFIG_COUNTS) {
		sim.reset();
		const seeded = sim.rms.state().configs.length;
		// Bring the account to `total` configurations (the seed's own count is the floor).
		addConfigs(sim, Math.max(0, total - seeded));
		const configs = sim.rms.state().configs.length;
		const start = sim.stats().requests;
		await run(sim, {
			resource: 'connectSession',
			operation: 'getAll',
			scope: 'account',
			returnAll: true,
		});
		listSessions[String(configs)] = sim.stats().requests - start;
	}
	return {
		requestsPerNewLink: newLink,
		requestsPerReusedLink: reusedLink,
		requestsPerAccountListSessions: listSessions,
	};
}

async function measureRmsScale() {
	const sim = await startSimulator({ port: 0 });
	try {
		await run(sim, linkParameters('Warm_Up')); // loads n8n-core and the node
		return { byChannelSeconds: await byChannelSeconds(sim), quota: await quota(sim) };
	} finally {
		await sim.stop();
	}
}

module.exports = { measureRmsScale };
