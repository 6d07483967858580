// Runs a workflow JSON in n8n-core's real execution engine (WorkflowExecute), the way n8n's
// own NodeTestHarness does, with the nodes and credentials of the built package.
// See docs/testing.md ("Interfaces for test code", "Workflow fixtures").
require('./n8n-env');
const nock = require('nock');
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { Container } = require('@n8n/di');
const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
const { loadTypes } = require('./type-registry');
const { TestCredentialsHelper } = require('./credentials-helper');
const { recordRequests } = require('./request-recorder');

const LOOPBACK = /^127\.0\.0\.1(:\d+)?$/;
let executionCounter = 0;

/** Only loopback may be reached for real (the simulator); everything else must be mocked. */
function isolateNetwork() {
	nock.disableNetConnect();
	nock.enableNetConnect((host) => LOOPBACK.test(host));
}

function additionalDataFor(hooks, credentialsHelper, executionId) {
	const base = 'http://127.0.0.1:5678';
	return {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeParameters: undefined, // parameters come from the workflow's nodes
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		variables: {},
		userId: 'test-user',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the test runner');
		},
	};
}

/**
 * n8n-core's SSHClientsManager (created with every trigger context) starts a 60 s cleanup
 * interval that is only cleared on process exit, which keeps jest (and any script) alive after
 * the last test. Nothing here opens SSH tunnels, so the timer may simply not hold the process.
 */
function releaseTimers() {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).cleanupTimer?.unref?.();
}

const toItems = (list) => list.map((item) => (item && item.json ? item : { json: item }));

function outputsOf(runData) {
	const outputs = {};
	const items = {};
	for (const [name, runs] of Object.entries(runData)) {
		const main = runs[runs.length - 1]?.data?.main;
		if (!main) continue; // the node failed or produced nothing
		items[name] = main[0] || [];
		outputs[name] = items[name].map((item) => item.json);
	}
	return { outputs, items };
}

/**
 * @param workflowJson n8n workflow export ({ nodes, connections, settings?, pinData? }).
 *   pinData is honoured the way n8n honours it in a manual run (pinned nodes do not execute).
 * @param opts.credentials { [credentialType]: data }
 * @param opts.sharedCredentials when true, opts.credentials is the store itself (not a copy): runs
 *   given the same object see each other's token updates, like executions sharing n8n's database
 * @param opts.input       items (plain objects or { json }) the start node emits, as pinned data
 * @param opts.packageDirs package folders to load (default: this repository)
 */
async function runWorkflow(workflowJson, opts = {}) {
	const { credentials = {}, input, packageDirs, sharedCredentials = false } = opts;
	const { nodeTypes, credentialTypes } = await loadTypes(packageDirs);
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentials, {
		shared: sharedCredentials,
	});
	const workflow = new Workflow({
		id: workflowJson.id || 'test-workflow',
		name: workflowJson.name,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections || {},
		settings: { executionOrder: 'v1', ...workflowJson.settings },
		staticData: workflowJson.staticData,
		nodeTypes,
		active: false,
	});
	const startNode = workflow.getStartNode();
	const pinData = { ...workflowJson.pinData };
	if (input) pinData[startNode.name] = toItems(input);
	else if (pinData[startNode.name]) pinData[startNode.name] = toItems(pinData[startNode.name]);

	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowJson);
	const nodeExecutionOrder = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => nodeExecutionOrder.push(nodeName));

	isolateNetwork();
	const recorder = recordRequests();
	let run;
	try {
		const additionalData = additionalDataFor(hooks, credentialsHelper, executionId);
		run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode, pinData });
	} finally {
		recorder.stop();
		releaseTimers();
	}

	const { runData, error } = run.data.resultData;
	return {
		...outputsOf(runData),
		error,
		requests: recorder.requests,
		status: run.status,
		nodeExecutionOrder,
		credentials: credentialsHelper.store, // after preAuthentication / OAuth token updates
		preAuthCalls: credentialsHelper.preAuthCalls,
		run,
	};
}

module.exports = { runWorkflow, isolateNetwork, additionalDataFor, releaseTimers };

// Fixture files (format: docs/testing.md) are run by fixture-runner.js; re-exported here so
// tests need one import. Required lazily because fixture-runner uses runWorkflow.
module.exports.runWorkflowFixture = (fixturePath, opts) =>
	require('./fixture-runner').runWorkflowFixture(fixturePath, opts);
