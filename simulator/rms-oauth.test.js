// The simulator as the RMS OAuth2 authorization server, over real HTTP on 127.0.0.1: consent page,
// code + state redirect, PKCE S256, redirect URI and client checks, single-use codes, expiring
// access tokens the RMS API accepts, refresh (with and without rotation), revocation.
const { startSimulator } = require('.');
const oauth = require('./rms/oauth-client');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const counters = () => sim.stats().personalities.rmsOAuth;
const devices = (token) =>
	fetch(`${sim.rms.baseUrl}/devices?limit=1`, { headers: { Authorization: `Bearer ${token}` } });

test('consent page names the client and scopes; Approve redirects with code and state', async () => {
	const { challenge } = oauth.pkcePair();
	const page = await oauth.openAuthorize(sim, {
		code_challenge: challenge,
		scope: 'devices:read device_remote_access:read',
		state: 'xyz',
	});
	expect(page.status).toBe(200);
	expect(page.html).toContain(sim.rmsOAuth.clientId);
	expect(page.html).toMatch(/<li>devices:read<\/li><li>device_remote_access:read<\/li><\/ul>/);
	expect(page.html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
	const back = await oauth.decide(sim, page.html);
	expect(back.origin + back.pathname).toBe(oauth.REDIRECT_URI);
	expect(back.searchParams.get('state')).toBe('xyz');
	expect(back.searchParams.get('code')).toMatch(/^rms-code-/);
	expect(counters()).toMatchObject({ rmsOAuthConsentPages: 1, rmsOAuthCodesIssued: 1 });
});

test('bad authorize requests: unknown client (no redirect), no PKCE, unknown scope, deny', async () => {
	const { challenge } = oauth.pkcePair();
	const unknown = await oauth.openAuthorize(sim, { client_id: 'nope', code_challenge: challenge });
	expect(unknown.status).toBe(400);
	expect(unknown.location).toBeNull();
	const noPkce = await oauth.openAuthorize(sim, {});
	expect(new URL(noPkce.location).searchParams.get('error')).toBe('invalid_request');
	const plain = await oauth.openAuthorize(sim, {
		code_challenge: challenge,
		code_challenge_method: 'plain',
	});
	expect(new URL(plain.location).searchParams.get('error')).toBe('invalid_request');
	const scope = await oauth.openAuthorize(sim, {
		code_challenge: challenge,
		scope: 'devices:read monitoring:read',
	});
	expect(new URL(scope.location).searchParams.get('error')).toBe('invalid_scope');
	const page = await oauth.openAuthorize(sim, { code_challenge: challenge });
	const denied = await oauth.decide(sim, page.html, 'deny');
	expect(denied.searchParams.get('error')).toBe('access_denied');
	expect(counters().rmsOAuthCodesIssued).toBe(0);
});

test('code exchange: good verifier gives expiring tokens with the granted scopes', async () => {
	const res = await oauth.exchange(sim, await oauth.obtainCode(sim, { scope: 'devices:read' }));
	expect(res.status).toBe(200);
	expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'devices:read' });
	expect(res.json.refresh_token).toMatch(/^rms-ort-/);
	expect((await devices(res.json.access_token)).status).toBe(200);
	const configs = await fetch(`${sim.rms.baseUrl}/devices/remote-access`, {
		headers: { Authorization: `Bearer ${res.json.access_token}` },
	});
	expect(configs.status).toBe(403); // scope not granted
	expect(sim.requests({ path: '/api/devices' }).at(-1).principal).toBe(
		`oauth:${sim.rmsOAuth.clientId}`,
	);
	expect(counters().rmsOAuthTokensIssued).toBe(1);
});

test('wrong PKCE verifier, redirect mismatch, wrong secret, reused code: OAuth2 JSON errors', async () => {
	const a = await oauth.obtainCode(sim);
	const wrong = await oauth.exchange(sim, { ...a, verifier: oauth.pkcePair().verifier });
	expect(wrong).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
	expect(wrong.json.error_description).toMatch(/PKCE/);

	const b = await oauth.obtainCode(sim);
	const mismatch = await oauth.exchange(sim, { ...b, redirectUri: 'http://127.0.0.1:1/other' });
	expect(mismatch).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
	expect(mismatch.json.error_description).toMatch(/redirect_uri/);

	const c = await oauth.obtainCode(sim);
	const badSecret = await oauth.tokenRequest(sim, {
		client_secret: 'wrong',
		grant_type: 'authorization_code',
		code: c.code,
		redirect_uri: c.redirectUri,
		code_verifier: c.verifier,
	});
	expect(badSecret).toMatchObject({ status: 401, json: { error: 'invalid_client' } });

	const first = await oauth.exchange(sim, c);
	expect(first.status).toBe(200);
	const again = await oauth.exchange(sim, c);
	expect(again).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
	expect(again.json.error_description).toMatch(/already been used/);
	// the tokens of the first exchange are revoked with it
	expect((await devices(first.json.access_token)).status).toBe(401);
	const refreshed = await oauth.tokenRequest(sim, {
		grant_type: 'refresh_token',
		refresh_token: first.json.refresh_token,
	});
	expect(refreshed.json.error).toBe('invalid_grant');
	expect(counters()).toMatchObject({ rmsOAuthTokensIssued: 1, rmsOAuthRejected: 5 });
});

test('tamperNextChallenge: the client verifier fails once, the next flow works', async () => {
	sim.rmsOAuth.tamperNextChallenge();
	const bad = await oauth.exchange(sim, await oauth.obtainCode(sim));
	expect(bad.json.error).toBe('invalid_grant');
	const good = await oauth.exchange(sim, await oauth.obtainCode(sim));
	expect(good.status).toBe(200);
});

test('Basic client authentication is accepted too', async () => {
	const c = await oauth.obtainCode(sim);
	const basic = Buffer.from(`${sim.rmsOAuth.clientId}:${sim.rmsOAuth.clientSecret}`).toString(
		'base64',
	);
	const res = await fetch(sim.rmsOAuth.accessTokenUrl, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${basic}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code: c.code,
			redirect_uri: c.redirectUri,
			code_verifier: c.verifier,
		}).toString(),
	});
	expect(res.status).toBe(200);
});

test('expiry and refresh: expired token 401, refresh gives a working one, same refresh token', async () => {
	const tokens = await oauth.connect(sim);
	expect(sim.rmsOAuth.expireAccessTokens()).toBe(1);
	expect((await devices(tokens.access_token)).status).toBe(401);
	const res = await oauth.tokenRequest(sim, {
		grant_type: 'refresh_token',
		refresh_token: tokens.refresh_token,
	});
	expect(res.status).toBe(200);
	expect(res.json.refresh_token).toBe(tokens.refresh_token); // no rotation by default
	expect((await devices(res.json.access_token)).status).toBe(200);
	expect(counters().rmsOAuthRefreshes).toBe(1);
});

test('a short lifetime expires by the clock', async () => {
	let now = Date.now();
	const local = await startSimulator({ port: 0, clock: () => now });
	try {
		local.rmsOAuth.setAccessLifetime(5);
		const tokens = await oauth.connect(local);
		expect(tokens.expires_in).toBe(5);
		const call = () =>
			fetch(`${local.rms.baseUrl}/devices?limit=1`, {
				headers: { Authorization: `Bearer ${tokens.access_token}` },
			});
		expect((await call()).status).toBe(200);
		now += 5000;
		expect((await call()).status).toBe(401);
	} finally {
		await local.stop();
	}
});

test('rotation on: the refresh token is replaced and the old one refused', async () => {
	sim.rmsOAuth.setRefreshRotation(true);
	const tokens = await oauth.connect(sim);
	const res = await oauth.tokenRequest(sim, {
		grant_type: 'refresh_token',
		refresh_token: tokens.refresh_token,
	});
	expect(res.json.refresh_token).not.toBe(tokens.refresh_token);
	const old = await oauth.tokenRequest(sim, {
		grant_type: 'refresh_token',
		refresh_token: tokens.refresh_token,
	});
	expect(old.json.error).toBe('invalid_grant');
});

test('revoked refresh token: invalid_grant; controls over /__sim', async () => {
	const tokens = await oauth.connect(sim);
	const post = (cmd, value) =>
		fetch(`${sim.url}/__sim/rmsOAuth/${cmd}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(value === undefined ? {} : { value }),
		}).then((r) => r.json());
	expect(await post('revokeRefreshTokens')).toEqual({ result: 1 });
	const res = await oauth.tokenRequest(sim, {
		grant_type: 'refresh_token',
		refresh_token: tokens.refresh_token,
	});
	expect(res).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
	expect(res.json.error_description).toMatch(/revoked/);
	expect(await post('stats')).toMatchObject({ result: { rmsOAuthRefreshes: 0 } });
	expect((await post('setAccessLifetime', 60)).result).toBe(60);
	const info = await fetch(`${sim.url}/__sim/info`).then((r) => r.json());
	expect(info.rmsOAuth).toMatchObject({
		authUrl: `${sim.url}/account/authorize`,
		accessTokenUrl: `${sim.url}/account/token`,
		clientId: sim.rmsOAuth.clientId,
	});
});
