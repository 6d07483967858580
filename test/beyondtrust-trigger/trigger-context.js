// Calls the built BeyondTrust Remote Support Trigger's webhook() in n8n-core's real WebhookContext
// (parameters, credentials and HTTP helpers as n8n provides them), with the request as n8n hands
// it over after its body parser (form bodies parsed by `querystring`) and a response object that
// records what the node answered. The e2e suite covers the real n8n server around it.
'use strict';
require('../helpers/n8n-env');
const querystring = require('querystring');
const { ExecutionLifecycleHooks, WebhookContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { loadTypes } = require('../helpers/type-registry');
const { TestCredentialsHelper } = require('../helpers/credentials-helper');
const { additionalDataFor, isolateNetwork, releaseTimers } = require('../helpers/workflow-runner');
const { recordRequests } = require('../helpers/request-recorder');
const { workflowNode } = require('../helpers/workflow-node');

const TRIGGER_TYPE = 'n8n-nodes-remote-access.beyondTrustRemoteSupportTrigger';
const FORM = 'application/x-www-form-urlencoded';
const NODE_NAME = 'BeyondTrust Trigger';
let calls = 0;

/** A response that records the node's writeHead/end, as n8n's Express response would send them. */
function recordingResponse(onAnswer) {
	const res = { statusCode: undefined, headers: {}, body: undefined, ended: 0 };
	res.writeHead = (status, headers = {}) => {
		res.statusCode = status;
		Object.assign(res.headers, headers);
		return res;
	};
	res.end = (body) => {
		res.body = body === undefined ? '' : String(body);
		res.ended += 1;
		if (onAnswer) onAnswer();
		return res;
	};
	return res;
}

/** The request n8n hands the node: form bodies parsed with `querystring`, as n8n's parser does. */
function webhookRequest({
	form,
	body,
	rawBody,
	contentType = FORM,
	query = {},
	ip = '203.0.113.10',
	ips,
}) {
	const raw =
		rawBody ?? (form ? querystring.stringify(form) : typeof body === 'string' ? body : undefined);
	const parsed =
		contentType === FORM && raw !== undefined
			? querystring.parse(String(raw))
			: (body ?? (rawBody === undefined ? raw : undefined) ?? {});
	return {
		method: 'POST',
		headers: contentType ? { 'content-type': contentType } : {},
		contentType,
		body: parsed,
		rawBody: raw === undefined ? undefined : Buffer.from(raw),
		// n8n's own multipart parser consumes the body: tests pass `body: { data, files }` then.
		query,
		ip,
		ips: ips ?? [],
	};
}

/**
 * @param opts.parameters node parameters (events, options)
 * @param opts.staticData the workflow's static data as n8n loaded it from the database
 * @param opts.workflowId the same id for calls that play one n8n process (default: new per call)
 * @param opts.credentials { beyondTrustRemoteSupportOAuth2Api: {...} } when details are fetched
 * @param opts.form / opts.body / opts.contentType / opts.query / opts.ip / opts.ips the request
 * @param opts.onAnswer called when the node ends the response (to check what had happened by then)
 * @returns { status, body, headers, ended, result, items, requests }
 */
async function callTrigger(opts = {}) {
	const { parameters = {}, credentials = {}, staticData } = opts;
	// A workflow id of its own per call unless given: the trigger also remembers deliveries in
	// its process, per workflow, and a fresh id is what a restarted n8n process looks like.
	const workflowId = opts.workflowId ?? `trigger-test-${++calls}`;
	const { nodeTypes, credentialTypes } = await loadTypes();
	const node = workflowNode('trigger', NODE_NAME, TRIGGER_TYPE, parameters, {
		webhookId: '5b6f0c52-8a0e-4c1e-9d52-1f0c2d9e7a11',
		credentials: { beyondTrustRemoteSupportOAuth2Api: { id: '1', name: 'sim' } },
	});
	const workflow = new Workflow({
		id: workflowId,
		nodes: [node],
		connections: {},
		nodeTypes,
		active: true,
		settings: { executionOrder: 'v1' },
		staticData,
	});
	const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
	const res = recordingResponse(opts.onAnswer);
	const hooks = new ExecutionLifecycleHooks('webhook', 'trigger-run', { nodes: [node] });
	const additionalData = {
		...additionalDataFor(hooks, new TestCredentialsHelper(credentialTypes, credentials), 't'),
		httpRequest: webhookRequest(opts),
		httpResponse: res,
	};
	const webhookData = {
		httpMethod: 'POST',
		node: NODE_NAME,
		path: `${node.webhookId}/webhook`,
		webhookDescription: nodeType.description.webhooks[0],
		workflowId: workflow.id,
	};
	const ctx = new WebhookContext(
		workflow,
		workflow.getNode(NODE_NAME),
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	isolateNetwork();
	const recorder = recordRequests();
	let result;
	try {
		result = await nodeType.webhook.call(ctx);
	} finally {
		recorder.stop();
		releaseTimers();
	}
	const items = result.workflowData ? result.workflowData[0].map((item) => item.json) : undefined;
	// When the node does not answer, n8n does ('onReceived'): 200 with the description's body.
	const byN8n = !result.noWebhookResponse && res.ended === 0;
	const description = nodeType.description.webhooks[0];
	return {
		answeredBy: byN8n ? 'n8n' : 'node',
		status: byN8n ? 200 : res.statusCode,
		body: byN8n ? (result.webhookResponse ?? description.responseData) : res.body,
		// Static data as n8n would save it with the workflow (a plain copy, as after a restart).
		staticData: JSON.parse(JSON.stringify(workflow.staticData)),
		dataChanged: workflow.staticData.__dataChanged === true,
		headers: res.headers,
		ended: res.ended,
		result,
		items,
		requests: recorder.requests,
	};
}

/** A form body as the appliance sends it for one event (fields per docs/vendor-behaviour.md). */
function eventForm(event, extra = {}) {
	const session = {
		appliance_id: 'appliance-1',
		lsid: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa1002',
		external_key: 'INC-1002',
	};
	const member = {
		...session,
		username: 'eve',
		user_id: '42',
		display_name: 'Eve Example',
		type: 'customer',
		conference_name: 'Support',
		conference_id: '7',
		name: 'Eve Example',
	};
	const base = { event, version: '1', timestamp: '1733240467' };
	return { ...base, ...(event.includes('member') ? member : session), ...extra };
}

module.exports = { callTrigger, eventForm, webhookRequest, TRIGGER_TYPE, FORM };
