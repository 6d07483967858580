// The "From List" pickers of the Teltonika RMS node in n8n-core's real LoadOptionsContext, against
// the simulator: what each list shows, and that one search (or one scroll) is one RMS request.
'use strict';
require('../helpers/n8n-env');
const { ExecutionLifecycleHooks } = require('n8n-core');
const {
	LoadOptionsContext,
} = require('n8n-core/dist/execution-engine/node-execution-context/load-options-context');
const { Workflow } = require('n8n-workflow');
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { loadTypes } = require('../helpers/type-registry');
const { TestCredentialsHelper } = require('../helpers/credentials-helper');
const { additionalDataFor, isolateNetwork, releaseTimers } = require('../helpers/workflow-runner');
const { recordRequests } = require('../helpers/request-recorder');
const { workflowNode } = require('../helpers/workflow-node');
const { addDeviceConfigs } = require('../helpers/rms-configs');

const TYPE = 'n8n-nodes-remote-access.teltonikaRms';
const sim = simulatorPerFile();

const rl = (mode, value) => ({ __rl: true, mode, value });

/** Runs a list search as the editor does for the node with these parameters. */
async function search(method, parameters, filter, paginationToken) {
	const { nodeTypes, credentialTypes } = await loadTypes();
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, {
		teltonikaRmsApi: {
			accessToken: sim.rms.tokens.full,
			baseUrl: sim.rms.baseUrl,
			statusUrl: sim.rms.statusUrl,
		},
	});
	const node = workflowNode('rms', 'RMS', TYPE, parameters, {
		typeVersion: 1.1,
		credentials: { teltonikaRmsApi: { id: '1', name: 'sim' } },
	});
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const hooks = new ExecutionLifecycleHooks('internal', 'list', { nodes: [node] });
	const additionalData = {
		...additionalDataFor(hooks, credentialsHelper, 'list'),
		// The editor sends the node's full parameters, defaults included.
		currentNodeParameters: { authentication: 'accessToken', ...parameters },
	};
	const ctx = new LoadOptionsContext(workflow, workflow.getNode('RMS'), additionalData, 'x');
	const listSearch = nodeTypes.getByNameAndVersion(TYPE, 1.1).methods.listSearch;
	isolateNetwork();
	const recorder = recordRequests();
	try {
		return { result: await listSearch[method].call(ctx, filter, paginationToken), recorder };
	} catch (error) {
		return { error, recorder };
	} finally {
		recorder.stop();
		releaseTimers();
	}
}

const requestsOf = (recorder) =>
	recorder.requests.map((r) => [`${r.method} ${r.path}`, { ...r.query }]);

describe('Access ID: configurations', () => {
	const start = { resource: 'connectSession', operation: 'start', duration: 600 };

	test("lists the account's configurations with their device and destination: one request", async () => {
		const { result, recorder } = await search('searchConfigurations', start);
		expect(requestsOf(recorder)).toEqual([
			['GET /api/devices/remote-access', { limit: '50', offset: '0' }],
		]);
		expect(result.results).toContainEqual({
			name: 'Camera_HTTPS (RUTX11 Office, https 192.168.1.10:443)',
			value: '62002',
		});
		expect(result.results.length).toBe(sim.rms.state().configs.length);
		expect(result.paginationToken).toBeUndefined();
	});

	test('of the device given in the node, and filtered by the search text: still one request', async () => {
		const { result, recorder } = await search(
			'searchConfigurations',
			{ ...start, device: rl('id', '1001') },
			'camera',
		);
		expect(requestsOf(recorder)).toEqual([
			['GET /api/devices/remote-access', { device_id: '1001', limit: '50', offset: '0' }],
		]);
		expect(result.results.map((r) => r.value)).toEqual(['62002']);
	});

	test('pages by 50: the next scroll asks for the next page only', async () => {
		addDeviceConfigs(sim.rms, sim.rms.state().configs.length, 60);
		const first = await search('searchConfigurations', start);
		expect(first.result.results).toHaveLength(50);
		expect(first.result.paginationToken).toBe('50');
		const second = await search('searchConfigurations', start, undefined, '50');
		expect(requestsOf(second.recorder)).toEqual([
			['GET /api/devices/remote-access', { limit: '50', offset: '50' }],
		]);
		expect(second.result.results).toHaveLength(10);
		expect(second.result.paginationToken).toBeUndefined();
	});
});

describe('Session ID: active sessions of the Access ID', () => {
	const close = { resource: 'connectSession', operation: 'close' };

	test('lists the active sessions of the chosen configuration: one request', async () => {
		const { result, recorder } = await search('searchSessions', {
			...close,
			accessId: rl('list', '62002'),
		});
		expect(requestsOf(recorder)).toEqual([
			['GET /api/devices/connect/62002/sessions', { active: 'true', limit: '50', offset: '0' }],
		]);
		expect(result.results.map((r) => r.value)).toContain('9001');
		for (const r of result.results) expect(r.name).toMatch(/until \d{4}-\d\d-\d\dT/);
	});

	test('a plain number saved in Access ID works too', async () => {
		const { result, error } = await search('searchSessions', { ...close, accessId: 62002 });
		if (error) throw error;
		expect(result.results.map((r) => r.value)).toContain('9001');
	});

	test('without an Access ID it says what to do and sends nothing', async () => {
		const { error, recorder } = await search('searchSessions', {
			...close,
			accessId: rl('list', ''),
		});
		expect(error.message).toMatch(/^Choose the Access ID first/);
		expect(recorder.requests).toEqual([]);
	});
});
