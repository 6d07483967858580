// listSessions: what the hourly active-sessions report costs over 200 configurations, per run and
// as a share of RMS's ~100,000 requests a month (720 runs), from the simulator's request counters:
// the full list (every configuration) and the quota-light one (Connect logs, active=true).
'use strict';
const { startSimulator } = require('../simulator');
const { runWorkflow } = require('../test/helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../test/helpers/remote-access-workflows');
const { RMS_ACTIVE_SESSIONS } = require('../test/helpers/operation-parameters');

const CONFIGS = 200;
const ACTIVE_SESSIONS = 20;
const RUNS_A_MONTH = 720;
const MONTHLY_QUOTA = 100000;

const workflow = (parameters) => rmsWorkflow('RMS', { ...RMS_ACTIVE_SESSIONS, ...parameters });

function seedAccount(sim) {
	sim.reset();
	const seeded = sim.rms.state().configs.length;
	for (let n = 0; n < CONFIGS - seeded; n++) {
		sim.rms.addConfig({
			device_id: 1001 + (n % 5),
			name: `Bench_${n}`,
			destination_ip: '192.168.1.20',
			destination_port: 8000 + n,
			protocol: 'http',
		});
	}
	const now = Date.now();
	sim.rms.addConnectLogs(
		Array.from({ length: ACTIVE_SESSIONS }, (_, k) => ({
			start_time: now - (k + 1) * 60000,
			end_time: now + 3600000,
		})),
	);
}

async function requestsOf(sim, parameters) {
	seedAccount(sim);
	const credentials = rmsCredentials(sim);
	const before = sim.stats().requests;
	const result = await runWorkflow(workflow(parameters), { credentials, input: [{}] });
	if (result.error) throw result.error;
	return { requests: sim.stats().requests - before, items: result.outputs.RMS.length };
}

const share = (perRun) => Math.round(((perRun * RUNS_A_MONTH) / MONTHLY_QUOTA) * 10000) / 100;

async function measureListSessions() {
	const sim = await startSimulator({ port: 0 });
	try {
		const full = await requestsOf(sim, { source: 'configurations' });
		const light = await requestsOf(sim, { source: 'connectLogs' });
		return {
			configurations: CONFIGS,
			requestsFor200: light.requests,
			monthlySharePercentHourly: share(light.requests),
			sessionsListed: light.items,
			fullRequestsFor200: full.requests,
			fullMonthlySharePercentHourly: share(full.requests),
		};
	} finally {
		await sim.stop();
	}
}

module.exports = { measureListSessions };
