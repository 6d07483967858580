// Credentials never follow a redirect to another origin: when the API origin answers 302 or 307
// with a Location on another loopback port, that port must not receive the PAT, the client secret,
// the Basic header or the access token; the node fails saying "redirect" and naming the target.
// A redirect within the same origin is followed.
'use strict';
const { testCredential } = require('../helpers/credential-test-runner');
const {
	startServer,
	stopAfterEach,
	redirect,
	requestsCarryingCredentials,
	json,
} = require('./servers');
const {
	SECRET_VALUES,
	SECRETS,
	SERVICES,
	startOrigin,
	runNode,
	tokenAnswer,
} = require('./origins');

const STATUSES = [302, 307];
const track = stopAfterEach();

/**
 * The other origin: answers like the service would, so a client that follows the redirect with its
 * credential gets a success and the leak is plain; without a credential it answers 401.
 */
function startOtherOrigin(service) {
	return startServer((request) => {
		if (service.tokenPath && request.path === service.tokenPath) return tokenAnswer();
		return request.headers.authorization ? service.ok() : json(401, { error: 'unauthorized' });
	});
}

function expectRedirectRefused(result, other) {
	expect(requestsCarryingCredentials(other.requests, SECRET_VALUES)).toEqual([]);
	expect(result.error).toBeDefined();
	expect(result.error.message).toMatch(/redirect/i);
	expect(result.error.message).toContain(other.host);
}

/** Runs the node against an origin whose `route` ('api' or 'token') redirects to another origin. */
async function runRedirected(service, route, status) {
	const other = await track(startOtherOrigin(service));
	const origin = await track(
		startOrigin(service, { [route]: (r) => redirect(status, `${other.url}${r.url}`) }),
	);
	return { other, result: await runNode(service, origin.url) };
}

describe.each(Object.entries(SERVICES))('%s node', (_key, service) => {
	test.each(STATUSES)(
		'API call answered %i to another origin: no credential follows',
		async (status) => {
			const { other, result } = await runRedirected(service, 'api', status);
			expectRedirectRefused(result, other);
		},
	);
});

describe.each([
	['BeyondTrust', SERVICES.beyondtrust],
	['Rimo3', SERVICES.rimo3],
])('%s token endpoint', (_name, service) => {
	test.each(STATUSES)(
		'token request answered %i to another origin: no client secret follows',
		async (status) => {
			const { other, result } = await runRedirected(service, 'token', status);
			expectRedirectRefused(result, other);
			expect(
				other.requests.filter(
					(r) => r.body.includes(SECRETS.clientSecret) || r.headers.authorization,
				),
			).toEqual([]);
		},
	);
});

describe.each(Object.entries(SERVICES))('%s credential Test button', (_key, service) => {
	test('passes against an origin that answers normally', async () => {
		const origin = await track(startOrigin(service));
		const outcome = await testCredential(service.credentialType, service.credentials(origin.url));
		expect(outcome.message).toBe('Connection successful!');
		expect(origin.requests.map((r) => r.path)).toContain(service.testPath);
	});

	test.each(STATUSES)(
		'test request answered %i to another origin: no credential follows, the test fails',
		async (status) => {
			const other = await track(startOtherOrigin(service));
			const origin = await track(
				startOrigin(service, {
					api: (r) =>
						r.path === service.testPath ? redirect(status, `${other.url}${r.url}`) : service.ok(),
				}),
			);
			const outcome = await testCredential(service.credentialType, service.credentials(origin.url));
			expect(requestsCarryingCredentials(other.requests, SECRET_VALUES)).toEqual([]);
			expect(outcome.status).toBe('Error');
		},
	);
});

test('a redirect within the same origin is followed (RMS, 302 to another path)', async () => {
	const service = SERVICES.rms;
	const origin = await track(
		startServer((r) => {
			if (r.path === '/api/devices')
				return redirect(302, `/moved/devices${r.url.slice('/api/devices'.length)}`);
			if (r.path === '/moved/devices' && r.headers.authorization === `Bearer ${SECRETS.pat}`)
				return service.ok();
			return json(401, {
				success: false,
				errors: [{ code: 'UNAUTHORIZED', message: 'Unauthorized.' }],
			});
		}),
	);
	const result = await runNode(service, origin.url);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node).toHaveLength(1);
	expect(origin.requests.map((r) => r.path)).toEqual(['/api/devices', '/moved/devices']);
});
