// Fake vendor origins for the security tests: one read operation per node, the credential that
// points it at a loopback server, and that server's normal answers (token endpoint included).
// Every secret has a distinctive value so a leak can be searched for as plain text.
'use strict';
const { runWorkflow } = require('../helpers/workflow-runner');
const {
	singleNodeWorkflow,
	BT_TYPE,
	BT_CRED,
	RIMO3_TYPE,
	RIMO3_CRED,
} = require('../helpers/remote-access-workflows');
const { startServer, json, xml } = require('./servers');

const SECRETS = {
	pat: 'rms-pat-Q7x2Vb9Lk4PzT6',
	clientId: 'client-id-Hn5Rt8Wq',
	clientSecret: 'client-secret-Zm3Kd6Jy1FsA',
	accessToken: 'access-token-Uv4Bx7Np2CwE',
};
SECRETS.basic = Buffer.from(`${SECRETS.clientId}:${SECRETS.clientSecret}`).toString('base64');
/** What must never be seen by another origin or shown to a user (issued tokens start with accessToken). */
const SECRET_VALUES = [SECRETS.pat, SECRETS.clientSecret, SECRETS.accessToken, SECRETS.basic];

const REPS_XML =
	'<?xml version="1.0" encoding="UTF-8"?>\n' +
	'<logged_in_reps xmlns="http://www.beyondtrust.com/sra/namespaces/API/command">' +
	'<rep id="1"><public_display_name>Alice Agent</public_display_name><display_name>Alice Agent</display_name>' +
	'<type>normal</type><support_session_count>0</support_session_count></rep></logged_in_reps>';

/**
 * A client-credentials service: its node listing every `resource`, its credential (the URL field
 * `urlField` set to the origin) and the secrets in use.
 */
const clientCredentialsService = (name, nodeType, credentialType, resource, urlField) => ({
	name,
	nodeType,
	credentialType,
	parameters: { resource, operation: 'getAll', returnAll: true },
	credentials: (origin) => ({
		[urlField]: origin,
		clientId: SECRETS.clientId,
		clientSecret: SECRETS.clientSecret,
	}),
	secretsInUse: [SECRETS.clientSecret, SECRETS.accessToken, SECRETS.basic],
});

// Every token issued is new (SECRETS.accessToken plus a number): the token module remembers
// rejected tokens for the whole process, so one test's rejection must not touch the next test's token.
let issued = 0;
const tokenAnswer = () =>
	json(200, {
		access_token: `${SECRETS.accessToken}${++issued}`,
		token_type: 'Bearer',
		expires_in: 3600,
	});

const SERVICES = {
	rms: {
		name: 'RMS',
		nodeType: 'n8n-nodes-remote-access.teltonikaRms',
		credentialType: 'teltonikaRmsApi',
		parameters: { resource: 'device', operation: 'getAll', returnAll: false, limit: 1 },
		credentials: (origin) => ({
			accessToken: SECRETS.pat,
			baseUrl: `${origin}/api`,
			statusUrl: `${origin}/status`,
		}),
		secretsInUse: [SECRETS.pat],
		apiPath: '/api/devices',
		testPath: '/api/devices',
		ok: () =>
			json(200, {
				success: true,
				data: [{ id: 1001, name: 'RUTX11 Office', serial: '1111111111', status: 1 }],
				meta: { total: 1 },
			}),
	},
	beyondtrust: {
		...clientCredentialsService('BeyondTrust', BT_TYPE, BT_CRED, 'representative', 'siteUrl'),
		tokenPath: '/oauth2/token',
		apiPath: '/api/command',
		// Calls go as POST with a form body; the credential Test stays a GET.
		apiMethod: 'POST',
		testPath: '/api/command',
		ok: () => xml(200, REPS_XML),
	},
	rimo3: {
		...clientCredentialsService('Rimo3', RIMO3_TYPE, RIMO3_CRED, 'applicationPackage', 'baseUrl'),
		tokenPath: '/api/v2/connect/token',
		apiPath: '/api/v2/application-packages',
		testPath: '/api/v2/connect/test',
		ok: () =>
			json(200, [
				{
					applicationPackageId: '00000000-0000-4000-8000-000000000101',
					displayName: 'Contoso Viewer',
					manufacturer: 'Contoso',
					productVersion: '1.2.3',
					fileName: 'setup.exe',
				},
			]),
	},
};

/**
 * A loopback server playing the service: its token endpoint issues SECRETS.accessToken, every
 * other path gives the service's normal answer, unless `token` / `api` handlers say otherwise.
 */
function startOrigin(service, { token = tokenAnswer, api = () => service.ok() } = {}) {
	return startServer((request) =>
		service.tokenPath && request.path === service.tokenPath ? token(request) : api(request),
	);
}

/** Runs the service's node once (Manual Trigger → node) against a credential for `baseUrl`. */
function runNode(service, baseUrl, { credentials = {}, parameters = {}, node = {}, input } = {}) {
	const workflow = singleNodeWorkflow(
		service.nodeType,
		service.credentialType,
		{ ...service.parameters, ...parameters },
		node,
	);
	return runWorkflow(workflow, {
		credentials: { [service.credentialType]: { ...service.credentials(baseUrl), ...credentials } },
		input,
	});
}

/** Everything of a run a user sees: the error's message and description, and the node's output. */
function userVisible(result) {
	const { error } = result;
	return JSON.stringify({
		message: error?.message,
		description: error?.description,
		outputs: result.outputs,
	});
}

const CONTINUE_ON_FAIL = { continueOnFail: true, onError: 'continueRegularOutput' };

module.exports = {
	SECRETS,
	SECRET_VALUES,
	SERVICES,
	REPS_XML,
	tokenAnswer,
	startOrigin,
	runNode,
	userVisible,
	CONTINUE_ON_FAIL,
};
