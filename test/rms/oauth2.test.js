// The Teltonika RMS OAuth2 credential: RMS's own endpoints by default, custom ones only when
// switched on; and the node with an OAuth2 token from the simulator's authorization server
// (simulator/rms/oauth.js) through the real n8n-core engine: a link, one refresh after the
// access token expired, a clear error when the refresh token was revoked or nothing is connected.
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { singleNodeWorkflow } = require('../helpers/remote-access-workflows');
const { RMS_CAMERA_LINK } = require('../helpers/operation-parameters');
const { loadTypes } = require('../helpers/type-registry');
const { TestCredentialsHelper } = require('../helpers/credentials-helper');
const oauth = require('../../simulator/rms/oauth-client');
const { Workflow } = require('n8n-workflow');

const TYPE = 'teltonikaRmsOAuth2Api';
const NODE = 'Node'; // the name singleNodeWorkflow gives it
const RMS_AUTH = 'https://rms.teltonika-networks.com/account/authorize';
const RMS_TOKEN = 'https://rms.teltonika-networks.com/account/token';
const LINK = /^https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com$/;

const sim = simulatorPerFile({ channelCompleteMs: 60 });

const counters = () => sim.stats().personalities.rmsOAuth;

const workflow = (parameters) =>
	singleNodeWorkflow('n8n-nodes-remote-access.teltonikaRms', TYPE, {
		authentication: 'oAuth2',
		options: { pollInterval: 0.02, pollTimeout: 10 },
		...parameters,
	});

const generateLink = workflow({ ...RMS_CAMERA_LINK, duration: 600, name: 'OAuth_Link_HTTPS' });

/** The credential as n8n stores it after Connect: custom endpoints on, token data from the flow. */
function simCredential(oauthTokenData, extra = {}) {
	return {
		clientId: sim.rmsOAuth.clientId,
		clientSecret: sim.rmsOAuth.clientSecret,
		useCustomOAuthEndpoints: true,
		customAuthUrl: sim.rmsOAuth.authUrl,
		customAccessTokenUrl: sim.rmsOAuth.accessTokenUrl,
		baseUrl: sim.rms.baseUrl,
		statusUrl: sim.rms.statusUrl,
		...(oauthTokenData ? { oauthTokenData } : {}),
		...extra,
	};
}

/** The credential's values after n8n applies defaults and resolves its expressions. */
async function resolved(data) {
	const { nodeTypes, credentialTypes } = await loadTypes();
	const wf = new Workflow({
		nodes: generateLink.nodes,
		connections: generateLink.connections,
		active: false,
		nodeTypes,
	});
	const helper = new TestCredentialsHelper(credentialTypes, { [TYPE]: data });
	const node = wf.getNode(NODE);
	return await helper.getDecrypted({}, node.credentials[TYPE], TYPE, 'internal', undefined, false, {
		workflow: wf,
		node,
	});
}

describe('credential', () => {
	test('defaults are the RMS endpoints; the custom URL fields only show when switched on', async () => {
		const { credentialTypes } = await loadTypes();
		const props = credentialTypes.getByName(TYPE).properties;
		const byName = Object.fromEntries(props.map((p) => [p.name, p]));
		expect(byName.useCustomOAuthEndpoints).toMatchObject({ type: 'boolean', default: false });
		for (const name of ['customAuthUrl', 'customAccessTokenUrl'])
			expect(byName[name].displayOptions).toEqual({ show: { useCustomOAuthEndpoints: [true] } });
		expect(byName.authUrl.type).toBe('hidden');
		expect(byName.accessTokenUrl.type).toBe('hidden');
		expect(byName.grantType).toMatchObject({ type: 'hidden', default: 'pkce' });

		const real = await resolved({ clientId: 'c', clientSecret: 's' });
		expect(real.authUrl).toBe(RMS_AUTH);
		expect(real.accessTokenUrl).toBe(RMS_TOKEN);
		expect(real.baseUrl).toBe('https://rms.teltonika-networks.com/api');
		// custom values typed earlier are ignored while the switch is off
		const off = await resolved({
			customAuthUrl: 'http://127.0.0.1:1/a',
			customAccessTokenUrl: 'x',
		});
		expect([off.authUrl, off.accessTokenUrl]).toEqual([RMS_AUTH, RMS_TOKEN]);
		const custom = await resolved(simCredential());
		expect(custom.authUrl).toBe(sim.rmsOAuth.authUrl);
		expect(custom.accessTokenUrl).toBe(sim.rmsOAuth.accessTokenUrl);
	});
});

describe('node with an OAuth2 token from the simulator', () => {
	test('Generate connect link works with the access token', async () => {
		const tokens = await oauth.connect(sim);
		const result = await runWorkflow(generateLink, {
			credentials: { [TYPE]: simCredential(tokens) },
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[NODE][0].link).toMatch(LINK);
		const principals = new Set(sim.requests({ path: '/api' }).map((r) => r.principal));
		expect([...principals]).toEqual([`oauth:${sim.rmsOAuth.clientId}`]);
		expect(counters().rmsOAuthRefreshes).toBe(0);
	});

	test('expired access token: exactly one refresh, the new token is stored, no error', async () => {
		const tokens = await oauth.connect(sim);
		sim.rmsOAuth.expireAccessTokens();
		const result = await runWorkflow(generateLink, {
			credentials: { [TYPE]: simCredential(tokens) },
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[NODE][0].link).toMatch(LINK);
		expect(counters().rmsOAuthRefreshes).toBe(1);
		const stored = result.credentials[TYPE].oauthTokenData;
		expect(stored.access_token).not.toBe(tokens.access_token);
		expect(stored.refresh_token).toBe(tokens.refresh_token);
		expect(sim.rms.state().sessions.filter((s) => s.id >= 9101)).toHaveLength(1);
	});

	test('revoked refresh token: a clear error, one refresh attempt, nothing created', async () => {
		const tokens = await oauth.connect(sim);
		sim.rmsOAuth.expireAccessTokens();
		sim.rmsOAuth.revokeRefreshTokens();
		const result = await runWorkflow(generateLink, {
			credentials: { [TYPE]: simCredential(tokens) },
		});
		expect(result.error).toBeDefined();
		expect(result.error.message).toMatch(/OAuth2 access token could not be refreshed/);
		// n8n hands on the OAuth2 standard text for invalid_grant (or its own "reconnect" text)
		expect(result.error.message).toMatch(/refresh token is invalid, expired, revoked|reconnected/);
		expect(result.error.description).toMatch(/connect it again/);
		expect(result.error.message).not.toContain(tokens.refresh_token);
		expect(counters()).toMatchObject({ rmsOAuthRefreshes: 0, rmsOAuthRejected: 1 });
		expect(sim.requests({ method: 'POST', path: '/api' })).toEqual([]);
	});

	test('not connected yet: a clear error before any request', async () => {
		const result = await runWorkflow(generateLink, { credentials: { [TYPE]: simCredential() } });
		expect(result.error.message).toMatch(/OAuth2 credential is not connected/);
		expect(sim.requests()).toEqual([]);
	});

	test('http:// token URL on another host: refused before any request', async () => {
		const tokens = await oauth.connect(sim);
		const before = sim.requests().length;
		const data = simCredential(tokens, {
			customAccessTokenUrl: 'http://rms.example.invalid/token',
		});
		const result = await runWorkflow(generateLink, { credentials: { [TYPE]: data } });
		expect(result.error.message).toMatch(/Access Token URL.*https:\/\//);
		expect(result.requests).toEqual([]);
		expect(sim.requests()).toHaveLength(before);
	});
});
