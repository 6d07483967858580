// The credential Test button tests what was typed, and a stored client-credentials token goes only
// to what minted it. As in n8n's editor: a working credential is saved and tested (n8n stores the
// token it minted in the hidden expirable field), then one field is changed and the credential
// saved again, which tests the typed fields merged over the saved record, stored token included.
// - Client Secret or Client ID changed to a wrong value: a token request reaches the service and
//   the Test fails saying the client ID or secret was rejected.
// - Site URL changed to another server: that server never sees the token of the first one; it is
//   asked for its own token (Test button and the package's own node alike).
// - Nothing changed: the stored token is used, no token request.
// Each test starts its own simulators: a new port is a new token URL, so no cached token carries over.
'use strict';
const { startSimulator } = require('../../simulator');
const { testCredential } = require('../helpers/credential-test-runner');
const { runWorkflow } = require('../helpers/workflow-runner');
const {
	btWorkflow,
	rimo3Workflow,
	BT_CRED,
	RIMO3_CRED,
} = require('../helpers/remote-access-workflows');

const SERVICES = [
	[
		'BeyondTrust',
		{
			type: BT_CRED,
			urlField: 'siteUrl',
			fields: (sim) => ({
				siteUrl: sim.beyondtrust.siteUrl,
				clientId: sim.beyondtrust.clientId,
				clientSecret: sim.beyondtrust.clientSecret,
			}),
			tokenPath: '/beyondtrust/oauth2/token',
			workflow: () =>
				btWorkflow({ resource: 'representative', operation: 'getAll', returnAll: true }),
		},
	],
	[
		'Rimo3',
		{
			type: RIMO3_CRED,
			urlField: 'baseUrl',
			fields: (sim) => ({
				baseUrl: sim.rimo3.baseUrl,
				clientId: sim.rimo3.clientId,
				clientSecret: sim.rimo3.clientSecret,
			}),
			tokenPath: '/rimo3/api/v2/connect/token',
			workflow: () =>
				rimo3Workflow({ resource: 'applicationPackage', operation: 'getAll', returnAll: true }),
		},
	],
];

const REJECTED =
	/^Could not get an access token: .+ at 127\.0\.0\.1:\d+ rejected the client ID or client secret \(invalid_client\)\. Check both in the credential/;

let sims = [];
afterEach(async () => {
	await Promise.all(sims.map((sim) => sim.stop()));
	sims = [];
});
async function simulator() {
	const sim = await startSimulator({ port: 0 });
	sims.push(sim);
	return sim;
}

const tokenRequests = (requests, service) =>
	requests.filter((r) => r.method === 'POST' && r.path === service.tokenPath);
const carrying = (requests, origin, token) =>
	requests.filter((r) => r.url.startsWith(origin) && JSON.stringify(r.headers).includes(token));

/** A credential saved and tested once: the record as n8n keeps it, with the token it minted. */
async function savedCredential(service, sim) {
	const first = await testCredential(service.type, service.fields(sim));
	expect(first.message).toBe('Connection successful!');
	expect(tokenRequests(first.requests, service)).toHaveLength(1);
	expect(first.stored.accessToken).toEqual(expect.any(String));
	expect(first.stored.accessToken).not.toBe('');
	return first.stored;
}

describe.each(SERVICES)('%s', (_name, service) => {
	test('saved again unchanged: the stored token is used, no token request', async () => {
		const sim = await simulator();
		const saved = await savedCredential(service, sim);
		const again = await testCredential(service.type, service.fields(sim), { saved });
		expect(again.message).toBe('Connection successful!');
		expect(tokenRequests(again.requests, service)).toHaveLength(0);
	});

	test('Client Secret changed to a wrong value: a token request is made and the Test fails', async () => {
		const sim = await simulator();
		const saved = await savedCredential(service, sim);
		const outcome = await testCredential(
			service.type,
			{ ...service.fields(sim), clientSecret: 'mistyped-secret-0000' },
			{ saved },
		);
		expect(tokenRequests(outcome.requests, service)).toHaveLength(1);
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(REJECTED);
		expect(JSON.stringify(outcome.requests.map((r) => r.headers))).not.toContain(saved.accessToken);
	});

	test('Client ID changed to a wrong value: a token request is made and the Test fails', async () => {
		const sim = await simulator();
		const saved = await savedCredential(service, sim);
		const outcome = await testCredential(
			service.type,
			{ ...service.fields(sim), clientId: 'someone-else' },
			{ saved },
		);
		expect(tokenRequests(outcome.requests, service)).toHaveLength(1);
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(REJECTED);
	});

	test('Site URL changed: the other site never gets the stored token, it is asked for its own', async () => {
		const siteA = await simulator();
		const siteB = await simulator();
		const saved = await savedCredential(service, siteA);
		const fieldsB = {
			...service.fields(siteA),
			[service.urlField]: service.fields(siteB)[service.urlField],
		};
		const outcome = await testCredential(service.type, fieldsB, { saved });
		expect(carrying(outcome.requests, siteB.url, saved.accessToken)).toEqual([]);
		expect(
			tokenRequests(outcome.requests, service).map((r) => r.url.startsWith(siteB.url)),
		).toEqual([true]);
		expect(outcome.message).toBe('Connection successful!');
		expect(outcome.stored.accessToken).not.toBe(saved.accessToken);
	});

	test("the package's node: a token stored for site A is never sent to site B", async () => {
		const siteA = await simulator();
		const siteB = await simulator();
		const saved = await savedCredential(service, siteA);
		const run = await runWorkflow(service.workflow(), {
			credentials: {
				[service.type]: { ...saved, [service.urlField]: service.fields(siteB)[service.urlField] },
			},
		});
		expect(carrying(run.requests, siteB.url, saved.accessToken)).toEqual([]);
		expect(run.error).toBeUndefined();
		expect(tokenRequests(run.requests, service).map((r) => r.url.startsWith(siteB.url))).toEqual([
			true,
		]);
	});
});
