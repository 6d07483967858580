// Polls the built Teltonika RMS Trigger the way n8n does between two Poll Times: n8n-core's real
// PollContext (parameters, credentials, HTTP helpers, the workflow's static data) and n8n-core's
// TriggersAndPollers.runPoll. Static data is saved after each poll like n8n saves it, and
// restart() starts a new Workflow from the saved copy, as an n8n restart does.
'use strict';
require('../helpers/n8n-env');
const { Container } = require('@n8n/di');
const { ExecutionLifecycleHooks, PollContext } = require('n8n-core');
const { TriggersAndPollers } = require('n8n-core/dist/execution-engine/triggers-and-pollers');
const { Workflow } = require('n8n-workflow');
const { loadTypes } = require('../helpers/type-registry');
const { TestCredentialsHelper } = require('../helpers/credentials-helper');
const { additionalDataFor, isolateNetwork, releaseTimers } = require('../helpers/workflow-runner');
const { recordRequests } = require('../helpers/request-recorder');
const { rmsCredentials } = require('../helpers/remote-access-workflows');
const { workflowNode } = require('../helpers/workflow-node');

const TRIGGER_TYPE = 'n8n-nodes-remote-access.teltonikaRmsTrigger';
const NODE_NAME = 'RMS Trigger';
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

/** Credentials of the simulator for the trigger (PAT). */
const simCredentials = rmsCredentials;

/**
 * @param opts.parameters node parameters (event, alertFilters, longestSessionHours, ...)
 * @param opts.credentials { teltonikaRmsApi: {...} }
 * @param opts.staticData saved static data to start from (as after an n8n restart)
 */
async function createTrigger(opts = {}) {
	const { nodeTypes, credentialTypes } = await loadTypes();
	const parameters = { pollTimes: EVERY_MINUTE, ...opts.parameters };
	const node = workflowNode('rms-trigger', NODE_NAME, TRIGGER_TYPE, parameters, {
		credentials: { teltonikaRmsApi: { id: '1', name: 'sim' } },
	});
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, opts.credentials || {});
	let saved = JSON.parse(JSON.stringify(opts.staticData || {}));
	const newWorkflow = () =>
		new Workflow({
			id: 'rms-trigger-test',
			nodes: [node],
			connections: {},
			nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(saved)),
			settings: { executionOrder: 'v1' },
		});
	let workflow = newWorkflow();

	/** One poll; `mode` 'trigger' (activated) or 'manual' (Fetch Test Event). */
	async function poll(mode = 'trigger') {
		const hooks = new ExecutionLifecycleHooks(mode, 'poll', { nodes: [node] });
		const additionalData = additionalDataFor(hooks, credentialsHelper, 'poll');
		let emitted;
		const ctx = new PollContext(
			workflow,
			workflow.getNode(NODE_NAME),
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			(data) => (emitted = data),
			(error) => {
				throw error;
			},
		);
		isolateNetwork();
		const recorder = recordRequests();
		let response;
		let error;
		try {
			response = await Container.get(TriggersAndPollers).runPoll(
				workflow,
				workflow.getNode(NODE_NAME),
				ctx,
			);
			if (response !== null) ctx.__emit(response);
		} catch (e) {
			error = e;
		} finally {
			recorder.stop();
			releaseTimers();
		}
		// n8n writes the static data back when the poll changed it.
		if (workflow.staticData.__dataChanged) {
			saved = JSON.parse(JSON.stringify(workflow.staticData));
			delete saved.__dataChanged;
			workflow.staticData.__dataChanged = false;
		}
		const items = emitted ? emitted[0].map((item) => item.json) : [];
		return { items, error, requests: recorder.requests, response };
	}

	return {
		poll,
		/** What n8n has stored for this workflow now. */
		staticData: () => JSON.parse(JSON.stringify(saved)),
		/** A new Workflow from the stored static data, as after an n8n restart. */
		restart: () => {
			workflow = newWorkflow();
		},
	};
}

module.exports = { createTrigger, simCredentials, TRIGGER_TYPE };
