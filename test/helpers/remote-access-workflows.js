// Builders for test workflows (Manual Trigger → one node) of the three nodes, and the
// credentials that point them at the simulator.
const path = require('path');

const BT_TYPE = 'n8n-nodes-remote-access.beyondTrustRemoteSupport';
const RIMO3_TYPE = 'n8n-nodes-remote-access.rimo3';
const BT_CRED = 'beyondTrustRemoteSupportOAuth2Api';
const RIMO3_CRED = 'rimo3OAuth2Api';

const RMS_TYPE = 'n8n-nodes-remote-access.teltonikaRms';
const RMS_CRED = 'teltonikaRmsApi';

/** The Manual Trigger node "Start" (test/helpers/manual-trigger.js stands in for it). */
const manualStart = () => ({
	id: 't',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** Start → `node`: how n8n runs a node by hand. */
function manualWorkflow(node) {
	return {
		nodes: [manualStart(), node],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

/** Start → one node of `type` named "Node" (or `extra.name`) using a credential of `credentialType`. */
function singleNodeWorkflow(type, credentialType, parameters, extra = {}) {
	return manualWorkflow({
		id: 'n',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { [credentialType]: { id: '1', name: 'sim' } },
		...extra,
	});
}

const btWorkflow = (parameters, extra) => singleNodeWorkflow(BT_TYPE, BT_CRED, parameters, extra);
const rimo3Workflow = (parameters, extra) =>
	singleNodeWorkflow(RIMO3_TYPE, RIMO3_CRED, parameters, extra);
/** Start → a Teltonika RMS node named `name` (tests assert on `outputs[name]`). */
const rmsWorkflow = (name, parameters, extra) =>
	singleNodeWorkflow(RMS_TYPE, RMS_CRED, parameters, { name, ...extra });

const btCredentials = (sim, overrides = {}) => ({
	[BT_CRED]: {
		siteUrl: sim.beyondtrust.siteUrl,
		clientId: sim.beyondtrust.clientId,
		clientSecret: sim.beyondtrust.clientSecret,
		...overrides,
	},
});
/**
 * Personal-access-token credentials for the simulator's RMS (`token`: one of sim.rms.tokens;
 * `fields`: more credential fields, e.g. the remote-access policy).
 */
const rmsCredentials = (sim, token = sim.rms.tokens.full, fields = {}) => ({
	[RMS_CRED]: {
		accessToken: token,
		baseUrl: sim.rms.baseUrl,
		statusUrl: sim.rms.statusUrl,
		...fields,
	},
});
const rimo3Credentials = (sim, overrides = {}) => ({
	[RIMO3_CRED]: {
		baseUrl: sim.rimo3.baseUrl,
		clientId: sim.rimo3.clientId,
		clientSecret: sim.rimo3.clientSecret,
		...overrides,
	},
});

/** The two client-credentials nodes: each one's workflow builder and simulator credentials. */
const CLIENT_CREDENTIALS_NODES = {
	beyondtrust: { workflow: btWorkflow, credentials: btCredentials },
	rimo3: { workflow: rimo3Workflow, credentials: rimo3Credentials },
};

/** The built token module: the same instance the loaded credentials use (one require cache). */
const tokenModule = () =>
	require(path.resolve(__dirname, '../../dist/nodes/shared/clientCredentialsToken.js'));

/** Highest number of requests whose log times fall within any 1-second window. */
function peakPerSecond(entries) {
	const times = entries.map((e) => Date.parse(e.time)).sort((a, b) => a - b);
	let peak = 0;
	for (let i = 0, j = 0; i < times.length; i++) {
		while (times[i] - times[j] >= 1000) j++;
		peak = Math.max(peak, i - j + 1);
	}
	return peak;
}

module.exports = {
	BT_TYPE,
	RIMO3_TYPE,
	BT_CRED,
	RIMO3_CRED,
	RMS_TYPE,
	RMS_CRED,
	manualStart,
	manualWorkflow,
	singleNodeWorkflow,
	rmsWorkflow,
	btWorkflow,
	rimo3Workflow,
	btCredentials,
	rimo3Credentials,
	rmsCredentials,
	CLIENT_CREDENTIALS_NODES,
	tokenModule,
	peakPerSecond,
};
