// A server that echoes every secret back: the PAT, the client secret, the access token and the
// Basic header value (base64 of client id:secret) must appear nowhere a user sees them — not in
// the error's message or description, and not in the item JSON passed on under Continue On Fail.
'use strict';
const { json, xml, stopAfterEach } = require('./servers');
const {
	SECRETS,
	SERVICES,
	startOrigin,
	runNode,
	userVisible,
	CONTINUE_ON_FAIL,
} = require('./origins');
const { rmsParameters } = require('../helpers/operation-parameters');

/**
 * What the hostile server says: the Authorization header it received, the bare token or PAT in it,
 * and for client-credentials services the client secret and the Basic header value.
 */
function echo(service, request) {
	const sent = request.headers.authorization || '';
	const bare = sent.replace(/^(Bearer|Basic) /, '');
	const known = service === SERVICES.rms ? [bare] : [bare, SECRETS.clientSecret, SECRETS.basic];
	return `you sent "${sent}"; we keep ${known.join(' and ')}`;
}

const rmsErrors = (service, r) => ({
	success: false,
	errors: [{ code: 'VALIDATION_ERROR', source: SECRETS.pat, message: echo(service, r) }],
});
const rimo3Problem = (service, r, status) => ({
	title: echo(service, r),
	status,
	detail: echo(service, r),
	errors: { file: [echo(service, r)] },
});
const oauthError = (service, r) => ({
	error: 'invalid_client',
	error_description: echo(service, r),
	message: echo(service, r),
});

const { rms, beyondtrust, rimo3 } = SERVICES;
const echoHeaders = (service, r) => ({
	'X-Error': echo(service, r),
	'WWW-Authenticate': `Bearer error="invalid_token", error_description="${echo(service, r).replace(/"/g, "'")}"`,
});

const CASES = [
	['RMS 422 JSON error', rms, { api: (r) => json(422, rmsErrors(rms, r), echoHeaders(rms, r)) }],
	['RMS 401 JSON error', rms, { api: (r) => json(401, rmsErrors(rms, r), echoHeaders(rms, r)) }],
	['RMS success:false in HTTP 200', rms, { api: (r) => json(200, rmsErrors(rms, r)) }],
	[
		'BeyondTrust <error> in HTTP 200',
		beyondtrust,
		{ api: (r) => xml(200, `<?xml version="1.0"?><error>${echo(beyondtrust, r)}</error>`) },
	],
	[
		'BeyondTrust <error> in HTTP 400',
		beyondtrust,
		{ api: (r) => xml(400, `<?xml version="1.0"?><error>${echo(beyondtrust, r)}</error>`) },
	],
	[
		'BeyondTrust JSON error in HTTP 403',
		beyondtrust,
		{ api: (r) => json(403, oauthError(beyondtrust, r), echoHeaders(beyondtrust, r)) },
	],
	[
		'BeyondTrust token endpoint 401',
		beyondtrust,
		{ token: (r) => json(401, oauthError(beyondtrust, r), echoHeaders(beyondtrust, r)) },
	],
	[
		'Rimo3 400 problem',
		rimo3,
		{ api: (r) => json(400, rimo3Problem(rimo3, r, 400), echoHeaders(rimo3, r)) },
	],
	['Rimo3 403 problem', rimo3, { api: (r) => json(403, rimo3Problem(rimo3, r, 403)) }],
	['Rimo3 token endpoint 400', rimo3, { token: (r) => json(400, oauthError(rimo3, r)) }],
];

const track = stopAfterEach();

function expectNoSecret(result, service) {
	const visible = userVisible(result);
	for (const secret of service.secretsInUse) expect(visible).not.toContain(secret);
}

describe.each(CASES)('%s', (_name, service, answers) => {
	test('the error message and description hold no secret', async () => {
		const origin = await track(startOrigin(service, answers));
		const result = await runNode(service, origin.url);
		expect(result.error).toBeDefined();
		expectNoSecret(result, service);
	});

	test('Continue On Fail: the output item holds no secret', async () => {
		const origin = await track(startOrigin(service, answers));
		const result = await runNode(service, origin.url, { node: CONTINUE_ON_FAIL });
		expect(result.error).toBeUndefined();
		expect(result.outputs.Node).toHaveLength(1);
		expect(result.outputs.Node[0].error).toEqual(expect.any(String));
		expectNoSecret(result, service);
	});
});

test('RMS: a status channel error event that echoes the PAT does not show it', async () => {
	const channel = 'private-status.4217.abcdefABCDEF0123456789';
	const origin = await track(
		startOrigin(rms, {
			api: (r) => {
				if (r.path.startsWith('/api/devices/connect/'))
					return json(200, { success: true, meta: { channel } });
				return json(200, {
					success: true,
					data: { 1001: [{ status: 'error', type: 'text', value: echo(rms, r), errorCode: 7 }] },
				});
			},
		}),
	);
	const parameters = rmsParameters({ pollInterval: 0.25, pollTimeout: 10 }).start();
	const result = await runNode(rms, origin.url, { parameters });
	expect(result.error).toBeDefined();
	expect(origin.requests.map((r) => r.path)).toContain(`/status/channel/${channel}`);
	expectNoSecret(result, rms);
});
