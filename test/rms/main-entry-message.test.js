// A configuration name that is taken by the router's main WebUI entry (protocol null or empty in
// RMS, docs/vendor-behaviour.md) is reported as that entry, not as "null://...".
'use strict';
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { singleNodeWorkflow } = require('../helpers/remote-access-workflows');

const RMS_TYPE = 'n8n-nodes-remote-access.teltonikaRms';
const sim = simulatorPerFile({ channelCompleteMs: 50 });

function run(deviceId) {
	const parameters = {
		resource: 'connectSession',
		operation: 'generateLink',
		device: { __rl: true, mode: 'id', value: String(deviceId) },
		destinationIp: '192.168.1.10',
		destinationPort: 443,
		protocol: 'https',
		duration: 600,
		name: 'Main',
		options: { pollInterval: 0.02, pollTimeout: 10 },
	};
	return runWorkflow(singleNodeWorkflow(RMS_TYPE, 'teltonikaRmsApi', parameters), {
		credentials: {
			teltonikaRmsApi: {
				accessToken: sim.rms.tokens.full,
				baseUrl: sim.rms.baseUrl,
				statusUrl: sim.rms.statusUrl,
			},
		},
	});
}

// Device 1002's Main entry has protocol null, 1004's an empty protocol (simulator/rms/seed.js).
test.each([
	[1002, '192.168.1.1:80'],
	[1004, '192.168.1.1:443'],
])('device %i: the name conflict names the main WebUI entry', async (deviceId, where) => {
	const result = await run(deviceId);
	expect(result.error).toBeDefined();
	expect(result.error.message).toBe(
		`Remote access "Main" on device ${deviceId} is the router's main WebUI entry (no protocol, ${where}), not https://192.168.1.10:443 [item 0]`,
	);
	expect(result.error.message).not.toMatch(/null:\/\/|:\/\/192\.168\.1\.1:/);
	// nothing was created or started
	expect(sim.requests({ method: 'POST' })).toEqual([]);
});
