// List sessions over the whole account from the Connect logs: one request per 100 sessions,
// whatever the number of configurations, with who/kind/since/until and nulls for what the logs lack.
'use strict';
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../helpers/remote-access-workflows');
const { RMS_ACTIVE_SESSIONS } = require('../helpers/operation-parameters');
const { addDeviceConfigs } = require('../helpers/rms-configs');

const sim = simulatorPerFile();

const workflow = (parameters) => rmsWorkflow('RMS', { ...RMS_ACTIVE_SESSIONS, ...parameters });
const run = (parameters) =>
	runWorkflow(workflow(parameters), { credentials: rmsCredentials(sim), input: [{}] });

const addConfigs = (count) => addDeviceConfigs(sim.rms, 0, count);

test('200 configurations and 150 active sessions: 2 requests, every active session once', async () => {
	addConfigs(200 - sim.rms.state().configs.length);
	const now = Date.now();
	sim.rms.addConnectLogs(
		Array.from({ length: 148 }, (_, k) => ({
			start_time: now - (k + 1) * 1000,
			end_time: now + 3600000,
			username: 'ops@acme.example',
		})),
	);
	sim.rms.addConnectLogs([{ start_time: now - 7200000, end_time: now - 3600000 }]); // ended
	const result = await run({ source: 'connectLogs' });
	expect(result.error).toBeUndefined();
	const paths = result.requests.map((r) => `${r.method} ${r.path}`);
	expect(paths).toEqual(['GET /api/devices/connect/logs', 'GET /api/devices/connect/logs']);
	expect(result.requests[0].query).toMatchObject({ active: 'true', limit: '100', offset: '0' });
	const sessions = result.outputs.RMS;
	expect(sessions).toHaveLength(150); // 148 added + the seed's 9001 and 9003
	expect(new Set(sessions.map((s) => s.id)).size).toBe(150);
	const added = sessions.find((s) => s.username === 'ops@acme.example');
	expect(added).toMatchObject({
		source: 'connectLogs',
		active: true,
		type: 'lan-webui',
		device_id: null,
		configuration_name: null,
		destination_ip: null,
		link: null,
	});
	expect(added.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
	expect(Date.parse(added.expires_at)).toBeGreaterThan(now);
	expect(added.expires_at_unix * 1000).toBe(Date.parse(added.expires_at));
});

test('the default source still lists every configuration (N + ⌈N/100⌉ requests)', async () => {
	const result = await run({});
	expect(result.error).toBeUndefined();
	const configs = sim.rms.state().configs.length;
	expect(result.requests).toHaveLength(configs + 1);
});
