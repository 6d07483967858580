// Runs a credential type's Test button the way n8n's CredentialsTester does for a credential with
// a `test` request: a temporary node whose one property routes that request, run by n8n-core's
// RoutingNode with the decrypted credential (preAuthentication and authenticate included).
//
// What n8n tests on Save is what it stores: the typed fields merged over the saved record (its
// password and hidden fields come back as placeholders and are restored from the database), so a
// token stored in the hidden expirable field is part of the test. n8n 1.123 and 2.40 then call
// preAuthentication only when that field is empty or a request came back 401: their shortcut for
// the Test button looks for a node of type `n8n-nodes-base.noOp`, but the tester names its temp
// node after the loaded description (`noOp`), so it never applies. This runner does the same:
// its temp node is no noOp and TestCredentialsHelper knows no shortcut.
require('./n8n-env');
const { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { loadTypes } = require('./type-registry');
const { TestCredentialsHelper } = require('./credentials-helper');
const { additionalDataFor, isolateNetwork, releaseTimers } = require('./workflow-runner');
const { recordRequests } = require('./request-recorder');
const { workflowNode, onlyNodeType } = require('./workflow-node');

const TEMP_TYPE = 'credentialTest';

function tempNodeType(credentialType, testRequest) {
	return {
		description: {
			displayName: 'Credential test',
			name: TEMP_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
}

/**
 * @param credentialType e.g. "teltonikaRmsApi"
 * @param typed          the credential's fields, as the user typed them
 * @param saved          the record saved before (e.g. a previous result's `stored`, with the
 *                       token n8n persisted); the typed fields replace its values
 * @returns { status: 'OK' | 'Error', message, requests, stored } like n8n's
 *          INodeCredentialTestResult, plus the record as saved after the test
 */
async function testCredential(credentialType, typed, { saved = {} } = {}) {
	const { credentialTypes } = await loadTypes();
	const type = credentialTypes.getByName(credentialType);
	if (!type.test) throw new Error(`${credentialType} has no test request`);
	const data = { ...saved, ...typed };
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, { [credentialType]: data });
	const stored = () => ({ ...credentialsHelper.store[credentialType] });
	const nodeType = tempNodeType(credentialType, type.test);
	const nodeTypes = onlyNodeType(nodeType);
	const node = workflowNode(
		'temp',
		'Temp-Node',
		TEMP_TYPE,
		{},
		{
			credentials: { [credentialType]: { id: '1', name: 'test' } },
		},
	);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const decrypted = await credentialsHelper.getDecrypted(
		undefined,
		undefined,
		credentialType,
		'internal',
		undefined,
		false,
	);
	const credentialsDecrypted = { id: '1', name: 'test', type: credentialType, data: decrypted };
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', {
		nodes: [node],
		connections: {},
	});
	const additionalData = additionalDataFor(hooks, credentialsHelper, 'credential-test');
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	isolateNetwork();
	const recorder = recordRequests();
	try {
		await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
		return {
			status: 'OK',
			message: 'Connection successful!',
			requests: recorder.requests,
			stored: stored(),
		};
	} catch (error) {
		// Same reading as n8n's CredentialsTester: a non-2xx status, a network code, or the message.
		const response = error.cause?.response;
		let message = String(error.message);
		if (response) message = response.statusText || `Received HTTP status code: ${response.status}`;
		else if (error.cause?.code) message = error.cause.code;
		return { status: 'Error', message, error, requests: recorder.requests, stored: stored() };
	} finally {
		recorder.stop();
		releaseTimers();
	}
}

module.exports = { testCredential };
