// The package's output vocabulary on the Teltonika RMS node, against the simulator: the same name
// for the same thing in every operation, ISO times with Unix twins, identifying fields first and
// mostly empty columns last (key order is what a table view and a spreadsheet row show).
'use strict';
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../helpers/remote-access-workflows');
const { RMS_CAMERA_LINK } = require('../helpers/operation-parameters');

const NODE = 'RMS';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const sim = simulatorPerFile({ channelCompleteMs: 50 });

const rl = (mode, value) => ({ __rl: true, mode, value });
async function run(parameters, typeVersion = 1.1) {
	const workflow = rmsWorkflow(
		NODE,
		{ options: { pollInterval: 0.02, pollTimeout: 10 }, ...parameters },
		{ typeVersion },
	);
	const result = await runWorkflow(workflow, { credentials: rmsCredentials(sim), input: [{}] });
	if (result.error) throw result.error;
	return result.outputs[NODE];
}

const SESSION_COLUMNS = [
	'id',
	'access_id',
	'device_id',
	'device_name',
	'configuration_name',
	'destination_ip',
	'destination_port',
	'protocol',
	'link',
	'started_at',
	'started_at_unix',
	'expires_at',
	'expires_at_unix',
	'active',
];

test('Generate connect link: ids, device, configuration, destination, link, expiry, in that order', async () => {
	const [out] = await run(RMS_CAMERA_LINK);
	expect(Object.keys(out)).toEqual([
		'access_id',
		'device_id',
		'device_serial',
		'configuration_name',
		'destination_ip',
		'destination_port',
		'protocol',
		'link',
		'expires_at',
		'expires_at_unix',
		'duration',
		'config_created',
	]);
	expect(out).toMatchObject({ device_serial: '1111111111', configuration_name: 'Camera_HTTPS' });
	expect(out.expires_at).toMatch(ISO);
});

test('List sessions: both sources give the same identifying columns first, in the same order', async () => {
	const now = Date.now();
	sim.rms.addConnectLogs([{ start_time: now - 1000, end_time: now + 3600000 }]);
	const fromConfigs = await run({
		resource: 'connectSession',
		operation: 'getAll',
		scope: 'account',
		activeOnly: true,
		returnAll: true,
	});
	const fromLogs = await run({
		resource: 'connectSession',
		operation: 'getAll',
		scope: 'account',
		source: 'connectLogs',
		activeOnly: true,
		returnAll: true,
	});
	for (const row of [...fromConfigs, ...fromLogs]) {
		expect(Object.keys(row).slice(0, SESSION_COLUMNS.length)).toEqual(SESSION_COLUMNS);
		expect(row).not.toHaveProperty('url');
		expect(row).not.toHaveProperty('remote_access_name');
		expect(row).not.toHaveProperty('destination');
		expect(row.started_at).toMatch(ISO);
		expect(row.expires_at_unix * 1000).toBe(Date.parse(row.expires_at));
	}
	const camera = fromConfigs.find((s) => s.configuration_name === 'Camera_HTTPS');
	expect(camera).toMatchObject({
		device_id: 1001,
		device_name: 'RUTX11 Office',
		destination_ip: '192.168.1.10',
		destination_port: 443,
		protocol: 'https',
	});
	// the columns that are mostly empty come last
	const tail = Object.keys(fromConfigs[0]).slice(-3);
	expect(tail).toEqual(['input_data', 'output_data', 'username']);
	expect(Object.keys(fromLogs[0]).slice(-3)).toEqual(['input_data', 'output_data', 'username']);
});

test('Get device (node version 1.1): simplified by default, status with a readable name', async () => {
	const [device] = await run({
		resource: 'device',
		operation: 'get',
		device: rl('serial', '1111111111'),
	});
	expect(Object.keys(device).slice(0, 6)).toEqual([
		'id',
		'name',
		'serial',
		'model',
		'status',
		'status_name',
	]);
	expect(device).toMatchObject({ status: 1, status_name: 'online' });
	expect(Object.keys(device).length).toBeLessThanOrEqual(12);
	const [full] = await run({
		resource: 'device',
		operation: 'get',
		device: rl('serial', '1111111111'),
		simplify: false,
	});
	expect(Object.keys(full).length).toBeGreaterThan(12);
	expect(Object.keys(full).slice(0, 5)).toEqual(['id', 'name', 'serial', 'status', 'status_name']);
});

test('Get many remote accesses: the configuration is configuration_name, next to its access ID', async () => {
	const configs = await run({
		resource: 'remoteAccess',
		operation: 'getAll',
		scope: 'device',
		device: rl('id', '1001'),
		returnAll: true,
	});
	for (const c of configs) {
		// the session columns that a configuration has too, in the same order
		expect(Object.keys(c).slice(0, 8)).toEqual(SESSION_COLUMNS.slice(0, 8));
		expect(c).not.toHaveProperty('name');
	}
});
