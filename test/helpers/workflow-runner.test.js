// Proves the workflow runner itself against a throwaway package (not the real node).
const fs = require('fs');
const http = require('http');
const path = require('path');
const nock = require('nock');
const { runWorkflow, runWorkflowFixture } = require('./workflow-runner');
const { expectFixtureResult } = require('./fixture-assert');
const { writeThrowawayPackage, ECHO_TYPE } = require('./throwaway-package');
const { singleNodeWorkflow } = require('./remote-access-workflows');

const BASE = 'https://echo.example.com';
let packageDirs;

function echoWorkflow(parameters = {}, extra = {}) {
	const credentialType =
		{ session: 'echoSessionApi', oAuth2: 'echoOAuth2Api' }[parameters.authentication] || 'echoApi';
	return singleNodeWorkflow(ECHO_TYPE, credentialType, parameters, { name: 'Echo', ...extra });
}

const echoReply = (uri, body) => ({ received: body });

beforeAll(() => {
	packageDirs = [writeThrowawayPackage()];
});
afterEach(() => nock.cleanAll());

test('one item in, one request out, generic credential applied, pairedItem kept', async () => {
	nock(BASE).post('/echo').query({ item: '0' }).reply(200, echoReply);
	const result = await runWorkflow(echoWorkflow(), {
		packageDirs,
		input: [{ serial: 'A1' }],
		credentials: { echoApi: { token: 'secret-pat' } },
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs.Echo).toEqual([{ received: { serial: 'A1' } }]);
	expect(result.items.Echo[0].pairedItem).toEqual({ item: 0 });
	expect(result.requests).toHaveLength(1);
	expect(result.requests[0]).toMatchObject({
		method: 'POST',
		url: `${BASE}/echo?item=0`,
		path: '/echo',
		query: { item: '0' },
		body: { serial: 'A1' },
		headers: { authorization: 'Bearer secret-pat' },
	});
});

test('continueOnFail turns the failing item into an error item, others still run', async () => {
	nock(BASE).post('/echo').query(true).times(2).reply(200, echoReply);
	const workflow = echoWorkflow(
		{ path: '={{ $json.path }}' },
		{ onError: 'continueRegularOutput' },
	);
	const result = await runWorkflow(workflow, {
		packageDirs,
		credentials: { echoApi: { token: 't' } },
		input: [{ path: '/echo' }, { path: 'bad' }, { path: '/echo' }],
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs.Echo[1]).toEqual({ error: 'Path must start with /' });
	expect(result.items.Echo.map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
	expect(result.requests.map((request) => request.query.item)).toEqual(['0', '2']);
});

test('without continueOnFail the run fails with the item index', async () => {
	const result = await runWorkflow(echoWorkflow({ path: 'bad' }), {
		packageDirs,
		credentials: { echoApi: { token: 't' } },
		input: [{}],
	});
	expect(result.error.message).toBe('Path must start with /');
	expect(result.error.context.itemIndex).toBe(0);
	expect(result.status).toBe('error');
	expect(result.requests).toHaveLength(0);
});

test('preAuthentication mints the expirable token once, authenticate() applies it', async () => {
	nock(BASE).post('/login', { password: 'pw' }).once().reply(200, { token: 'session-1' });
	nock(BASE).post('/echo').query(true).times(2).reply(200, echoReply);
	const result = await runWorkflow(echoWorkflow({ authentication: 'session' }), {
		packageDirs,
		credentials: { echoSessionApi: { password: 'pw' } },
		input: [{}, {}],
	});
	expect(result.error).toBeUndefined();
	expect(result.preAuthCalls).toEqual([{ type: 'echoSessionApi', expired: false }]);
	expect(result.requests.map((request) => request.path)).toEqual(['/login', '/echo', '/echo']);
	expect(result.requests[2].headers['x-session']).toBe('session-1');
	expect(result.credentials.echoSessionApi.sessionToken).toBe('session-1');
});

test('a stored token is reused; a 401 refreshes it and retries once', async () => {
	nock(BASE).post('/echo').query(true).reply(401, { error: 'expired' });
	nock(BASE).post('/login').reply(200, { token: 'session-2' });
	nock(BASE).post('/echo').query(true).matchHeader('x-session', 'session-2').reply(200, echoReply);
	const result = await runWorkflow(echoWorkflow({ authentication: 'session' }), {
		packageDirs,
		credentials: { echoSessionApi: { password: 'pw', sessionToken: 'old' } },
		input: [{}],
	});
	expect(result.error).toBeUndefined();
	expect(result.requests[0].headers['x-session']).toBe('old');
	expect(result.preAuthCalls).toEqual([{ type: 'echoSessionApi', expired: true }]);
	expect(nock.pendingMocks()).toEqual([]);
});

test('OAuth2 credentials go through n8n-core requestOAuth2 and sign with Bearer', async () => {
	nock(BASE).post('/echo').query(true).reply(200, echoReply);
	const result = await runWorkflow(echoWorkflow({ authentication: 'oAuth2' }), {
		packageDirs,
		input: [{}],
		credentials: { echoOAuth2Api: { oauthTokenData: { access_token: 'oauth-token' } } },
	});
	expect(result.error).toBeUndefined();
	expect(result.requests[0].headers.authorization).toBe('Bearer oauth-token');
});

test('loopback (the simulator) is reachable and recorded; other hosts are blocked', async () => {
	const server = http.createServer((req, res) => res.end(JSON.stringify({ local: req.url })));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${server.address().port}`;
	try {
		const local = await runWorkflow(echoWorkflow(), {
			packageDirs,
			input: [{}],
			credentials: { echoApi: { token: 't', baseUrl } },
		});
		expect(local.outputs.Echo).toEqual([{ local: '/echo?item=0' }]);
		expect(local.requests[0].url).toBe(`${baseUrl}/echo?item=0`);
		const blocked = await runWorkflow(echoWorkflow(), {
			packageDirs,
			input: [{}],
			credentials: { echoApi: { token: 't', baseUrl: 'https://not-mocked.example' } },
		});
		expect(blocked.error).toBeDefined();
		expect(blocked.outputs.Echo).toBeUndefined();
	} finally {
		server.close();
	}
});

test('fixture format: pinData is the expected output, nock the mocks, test the rest', async () => {
	const fixture = {
		...echoWorkflow(),
		pinData: { Echo: [{ json: { received: { n: 1 } }, pairedItem: { item: 0 } }] },
		nock: {
			baseUrl: BASE,
			mocks: [
				{
					method: 'post',
					path: '/echo',
					query: { item: '0' },
					requestBody: { n: 1 },
					statusCode: 200,
					responseBody: { received: { n: 1 } },
				},
			],
		},
		test: { input: [{ n: 1 }], requests: [{ method: 'POST', path: '/echo' }] },
	};
	const file = path.join(packageDirs[0], 'echo.workflow.json');
	fs.writeFileSync(file, JSON.stringify(fixture));
	const result = await runWorkflowFixture(file, {
		packageDirs,
		credentials: { echoApi: { token: 't' } },
	});
	expectFixtureResult(result);
});
