// overhead.vsHttpRequestNode: in one real n8n execution, 1,000 "List sessions" items through
// this node beside the same 1,000 calls through n8n's own HTTP Request node (predefined
// credential type teltonikaRmsApi). Both branches hang off one Code node, so they share the
// process, the simulator and the moment; each node's own executionTime is compared.
'use strict';
const os = require('os');
const path = require('path');
const fs = require('fs');
const runtime = require('../scripts/n8n-runtime');
const { startSimulator } = require('../simulator');
const { median, round } = require('./stats');

const ITEMS = 1000;
const RUNS = 3;
const CRED = { id: 'benchRmsCred', name: 'Teltonika RMS (bench)' };

function overheadWorkflow() {
	const credentials = { teltonikaRmsApi: CRED };
	return {
		id: 'benchOverhead01',
		name: 'bench: node vs HTTP Request',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { accessId: 62002, i } }));`,
				},
			},
			{
				id: 'c',
				name: 'This node',
				type: 'n8n-nodes-remote-access.teltonikaRms',
				typeVersion: 1,
				position: [400, -100],
				credentials,
				parameters: {
					resource: 'connectSession',
					operation: 'getAll',
					scope: 'accessId',
					accessId: '={{ $json.accessId }}',
					activeOnly: false,
					returnAll: true,
				},
			},
			{
				id: 'd',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [400, 100],
				credentials,
				parameters: {
					url: '', // set to the simulator's REST base once it runs
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'teltonikaRmsApi',
					options: {},
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: {
				main: [
					[
						{ node: 'This node', type: 'main', index: 0 },
						{ node: 'HTTP Request', type: 'main', index: 0 },
					],
				],
			},
		},
	};
}

function nodeTime(run, name) {
	const runs = run.data.resultData.runData[name];
	if (!runs) throw new Error(`${name} did not run: ${JSON.stringify(run.data.resultData.error)}`);
	return runs[0].executionTime;
}

async function measureOverhead() {
	const sim = await startSimulator({ port: 0 });
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-bench-'));
	let instance;
	try {
		const rt = await runtime.ensureRuntime();
		instance = await runtime.createInstance({ node: rt.node, n8n: rt.n8n, base, name: 'bench' });
		await instance.installPackage(await runtime.packPackage(path.join(base, 'pack')));
		await instance.importCredentials(runtime.simulatorCredentials(sim, CRED));
		const workflow = overheadWorkflow();
		const http = workflow.nodes.find((n) => n.name === 'HTTP Request');
		http.parameters.url = `=${sim.rms.baseUrl}/devices/connect/{{ $json.accessId }}/sessions`;
		await instance.importWorkflow(workflow);
		const ratios = [];
		const ours = [];
		const theirs = [];
		for (let run = 0; run < RUNS; run++) {
			sim.reset();
			const result = await instance.execute(workflow.id);
			if (result.error)
				throw new Error(`bench workflow failed: ${JSON.stringify(result.error).slice(0, 500)}`);
			const a = nodeTime(result.run, 'This node');
			const b = nodeTime(result.run, 'HTTP Request');
			ours.push(a);
			theirs.push(b);
			ratios.push(a / b);
		}
		return {
			vsHttpRequestNode: round(median(ratios)),
			items: ITEMS,
			nodeMs: round(median(ours), 0),
			httpRequestNodeMs: round(median(theirs), 0),
			n8nVersion: rt.n8n.version,
			runs: RUNS,
		};
	} finally {
		if (instance) await instance.stop().catch(() => {});
		await sim.stop();
		fs.rmSync(base, { recursive: true, force: true });
	}
}

module.exports = { measureOverhead };
