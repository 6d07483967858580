// The shared client-credentials code (nodes/shared/clientCredentialsToken.ts) called the
// way n8n calls a credential's preAuthentication, against the simulator's token endpoints.
const path = require('path');
const { startSimulator } = require('../../simulator');
const { tokenModule } = require('../helpers/remote-access-workflows');

const CREDS = path.resolve(__dirname, '../../dist/credentials');
const { BeyondTrustRemoteSupportOAuth2Api } = require(
	`${CREDS}/BeyondTrustRemoteSupportOAuth2Api.credentials.js`,
);
const { Rimo3OAuth2Api } = require(`${CREDS}/Rimo3OAuth2Api.credentials.js`);

/**
 * IHttpRequestHelper over fetch, like n8n's helper: full responses and status errors on request,
 * redirects not followed when told so, axios-shaped errors otherwise.
 */
const helper = {
	helpers: {
		async httpRequest({
			method,
			url,
			qs,
			headers = {},
			body,
			auth,
			returnFullResponse,
			ignoreHttpStatusErrors,
			disableFollowRedirect,
		}) {
			const target = new URL(url);
			for (const [k, v] of Object.entries(qs || {})) target.searchParams.set(k, String(v));
			const h = { ...headers };
			if (auth)
				h.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
			const res = await fetch(target, {
				method,
				headers: h,
				body,
				redirect: disableFollowRedirect ? 'manual' : 'follow',
			});
			const text = await res.text();
			const responseHeaders = Object.fromEntries(res.headers);
			if (returnFullResponse && (ignoreHttpStatusErrors || res.status < 400))
				return { statusCode: res.status, headers: responseHeaders, body: text };
			let data = text;
			try {
				data = JSON.parse(text);
			} catch {
				// Not JSON: the text itself is the body, as n8n's helper hands it back.
			}
			if (res.status >= 400)
				throw Object.assign(new Error(`HTTP ${res.status}`), {
					response: { status: res.status, data, headers: responseHeaders },
				});
			return data;
		},
	},
};

let sim;
const bt = new BeyondTrustRemoteSupportOAuth2Api();
const r3 = new Rimo3OAuth2Api();
const btCreds = (extra = {}) => ({
	siteUrl: sim.beyondtrust.siteUrl,
	clientId: sim.beyondtrust.clientId,
	clientSecret: sim.beyondtrust.clientSecret,
	accessToken: '',
	...extra,
});
const stats = () => sim.stats();

// A new simulator per test: a new port is a new token URL, so no cached token carries over.
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.stop());
beforeEach(() => {
	sim.reset();
});

test('20 concurrent first calls share one mint (single flight)', async () => {
	const results = await Promise.all(
		Array.from({ length: 20 }, () => bt.preAuthentication.call(helper, btCreds())),
	);
	expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
	expect(stats().btTokensMinted).toBe(1);
});

test('"expired" after an error that was not about the token (HTTP Request node path): one probe, no new token', async () => {
	const { accessToken } = await bt.preAuthentication.call(helper, btCreds());
	const again = await bt.preAuthentication.call(helper, btCreds({ accessToken }));
	expect(again.accessToken).toBe(accessToken);
	expect(stats().btTokensMinted).toBe(1);
	expect(stats().routes['GET /beyondtrust/api/command']).toBe(1); // the probe
});

test('a really rejected token (revoked, evicted, or access_denied in XML) mints exactly one replacement', async () => {
	const { accessToken } = await bt.preAuthentication.call(helper, btCreds());
	sim.beyondtrust.setAuthFailure('xml200');
	sim.beyondtrust.revokeAll();
	const renewed = await Promise.all(
		[1, 2, 3].map(() => bt.preAuthentication.call(helper, btCreds({ accessToken }))),
	);
	expect(new Set(renewed.map((r) => r.accessToken)).size).toBe(1);
	expect(renewed[0].accessToken).not.toBe(accessToken);
	expect(stats().btTokensMinted).toBe(2);
	tokenModule().markTokenRejected(renewed[0].accessToken);
	await bt.preAuthentication.call(helper, btCreds({ accessToken: '' }));
	expect(stats().btTokensMinted).toBe(3);
});

test('the Test button: preAuthentication then the test request succeeds; wrong secret fails clearly', async () => {
	const { accessToken } = await bt.preAuthentication.call(helper, btCreds());
	const info = await helper.helpers.httpRequest({
		method: 'GET',
		url: `${sim.beyondtrust.siteUrl}${bt.test.request.url}`,
		qs: bt.test.request.qs,
		headers: { Authorization: `Bearer ${accessToken}` },
	});
	expect(info).toContain('<api_information');
	await expect(
		bt.preAuthentication.call(helper, btCreds({ clientSecret: 'bad-secret-xyz' })),
	).rejects.toThrow(
		/^Could not get an access token: BeyondTrust Remote Support at 127\.0\.0\.1:\d+ rejected the client ID or client secret \(invalid_client\)\. Check both in the credential/,
	);
	const r3Token = await r3.preAuthentication.call(helper, {
		baseUrl: sim.rimo3.baseUrl,
		clientId: sim.rimo3.clientId,
		clientSecret: sim.rimo3.clientSecret,
		accessToken: '',
	});
	const test = await helper.helpers.httpRequest({
		method: 'GET',
		url: `${sim.rimo3.baseUrl}${r3.test.request.url}`,
		headers: { Authorization: `Bearer ${r3Token.accessToken}` },
	});
	expect(test).toEqual({ message: 'Authenticated' });
});

test('a changed secret never reuses the old token', async () => {
	const first = await bt.preAuthentication.call(helper, btCreds());
	const rotated = sim.beyondtrust.rotateSecret('rotated-secret-2');
	const second = await bt.preAuthentication.call(helper, btCreds({ clientSecret: rotated }));
	expect(second.accessToken).not.toBe(first.accessToken);
	expect(stats().btTokensMinted).toBe(2);
});

describe('a stored token is bound to the token URL, client ID and secret that minted it', () => {
	const SHARED = path.resolve(__dirname, '../../dist/nodes/shared');
	const { tokenBinding } = require(`${SHARED}/tokenBinding.js`);
	const { beyondTrustTokenRequest } = require(`${SHARED}/tokenRequests.js`);
	const STORED = 'stored-token-from-the-database-1';
	const adopt = (storedBinding) =>
		tokenModule().obtainClientCredentialsToken(helper, {
			...beyondTrustTokenRequest(btCreds()),
			currentToken: undefined,
			storedToken: STORED,
			storedBinding,
		});

	test('preAuthentication returns the token with its binding, which holds no secret', async () => {
		const minted = await bt.preAuthentication.call(helper, btCreds());
		expect(minted.tokenBinding).toBe(
			tokenBinding(beyondTrustTokenRequest(btCreds()), minted.accessToken),
		);
		expect(minted.tokenBinding).toMatch(/^[0-9a-f]{64}$/);
		expect(minted.tokenBinding).not.toContain(sim.beyondtrust.clientSecret);
	});

	test('a stored token with its binding is adopted without a mint', async () => {
		const binding = tokenBinding(beyondTrustTokenRequest(btCreds()), STORED);
		await expect(adopt(binding)).resolves.toBe(STORED);
		expect(stats().btTokensMinted).toBe(0);
	});

	test.each([
		['no binding (saved before bindings existed)', () => ''],
		[
			'a binding for another secret',
			() => tokenBinding(beyondTrustTokenRequest(btCreds({ clientSecret: 'old-secret' })), STORED),
		],
		[
			'a binding for another site',
			() =>
				tokenBinding(
					beyondTrustTokenRequest(btCreds({ siteUrl: 'https://other.example.com' })),
					STORED,
				),
		],
	])('a stored token with %s is not adopted: one new token is minted', async (_what, binding) => {
		const token = await adopt(binding());
		expect(token).not.toBe(STORED);
		expect(stats().btTokensMinted).toBe(1);
	});

	test('authenticate sends only a bound token; an unbound one fails as a 401 before any request', async () => {
		const { accessToken, tokenBinding: binding } = await bt.preAuthentication.call(
			helper,
			btCreds(),
		);
		const options = await bt.authenticate(btCreds({ accessToken, tokenBinding: binding }), {
			url: '/api/command',
			headers: { Accept: 'text/xml' },
		});
		expect(options.headers).toEqual({ Accept: 'text/xml', Authorization: `Bearer ${accessToken}` });
		const unbound = bt.authenticate(
			btCreds({ accessToken, tokenBinding: binding, clientSecret: 'rotated-secret-3' }),
			{ url: '/api/command' },
		);
		await expect(unbound).rejects.toMatchObject({ response: { status: 401 } });
		const error = await unbound.catch((e) => e);
		expect(error.message).toMatch(/issued for other credential settings/);
		expect(error.message).not.toContain(accessToken);
		expect(stats().routes['GET /beyondtrust/api/command']).toBeUndefined();
	});
});
