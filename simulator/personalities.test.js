// The BeyondTrust and Rimo3 personalities over real HTTP on 127.0.0.1: token endpoint rules
// (Basic auth, grant type, 30-token cap, rotation, revocation), XML in both namespaces, errors
// inside HTTP 200, rate-limit headers and 429s, Rimo3 packages and multipart upload.
const { startSimulator } = require('.');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const basic = (id, secret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function btToken({
	id = sim.beyondtrust.clientId,
	secret = sim.beyondtrust.clientSecret,
	body = 'grant_type=client_credentials',
} = {}) {
	const res = await fetch(`${sim.beyondtrust.siteUrl}/oauth2/token`, {
		method: 'POST',
		headers: {
			Authorization: basic(id, secret),
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body,
	});
	return { status: res.status, json: await res.json(), headers: res.headers };
}
async function bt(api, query, token) {
	const res = await fetch(`${sim.beyondtrust.siteUrl}/api/${api}?${new URLSearchParams(query)}`, {
		headers: token ? { Authorization: `Bearer ${token}` } : {},
	});
	return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('BeyondTrust', () => {
	test('token endpoint: Basic auth, grant type, JSON answer, rate-limit headers', async () => {
		const ok = await btToken();
		expect(ok.status).toBe(200);
		expect(ok.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		expect(ok.headers.get('x-ratelimit-limit')).toBe('20');
		expect((await btToken({ secret: 'nope' })).json).toEqual({
			error: 'invalid_client',
			message: 'Client authentication failed.',
		});
		expect((await btToken({ body: 'grant_type=password' })).status).toBe(400);
		expect(sim.stats().btTokensMinted).toBe(1);
		expect(sim.stats().btTokenRequestsRejected).toBe(2);
	});

	test('the 31st token invalidates the oldest; rotation and revocation kill tokens', async () => {
		const tokens = [];
		for (let i = 0; i < 31; i++) {
			tokens.push((await btToken()).json.access_token);
			await pause(55);
		}
		expect((await bt('command', { action: 'get_api_info' }, tokens[0])).status).toBe(401);
		expect((await bt('command', { action: 'get_api_info' }, tokens[1])).status).toBe(200);
		expect(sim.beyondtrust.validTokens()).toBe(30);
		expect(sim.stats().btTokensEvicted).toBe(1);
		const fresh = sim.beyondtrust.rotateSecret('new-secret-1');
		expect(fresh).toBe('new-secret-1');
		expect((await bt('command', { action: 'get_api_info' }, tokens[30])).status).toBe(401);
		expect((await btToken()).status).toBe(401);
		const token = (await btToken({ secret: 'new-secret-1' })).json.access_token;
		await fetch(`${sim.url}/__sim/beyondtrust/revokeAll`, { method: 'POST' });
		const denied = await bt(
			'reporting',
			{ generate_report: 'SupportSession', start_time: 0 },
			token,
		);
		expect(denied.status).toBe(401);
		expect(JSON.parse(denied.text)).toEqual({
			error: 'access_denied',
			message: 'The resource owner or authorization server denied the request.',
		});
	});

	test('auth failure as <error> inside HTTP 200 when switched to xml200', async () => {
		sim.beyondtrust.setAuthFailure('xml200');
		const res = await bt('command', { action: 'get_api_info' }, 'not-a-token');
		expect(res.status).toBe(200);
		expect(res.text).toMatch(
			/<error xmlns="http:\/\/www\.bomgar\.com\/namespaces\/API\/command">access_denied: /,
		);
	});

	test('namespaces switch between RS 19.1 and current URIs; errors and no-sessions are XML in HTTP 200', async () => {
		const token = (await btToken()).json.access_token;
		expect((await bt('command', { action: 'get_logged_in_reps' }, token)).text).toContain(
			'xmlns="http://www.bomgar.com/namespaces/API/command"',
		);
		await fetch(`${sim.url}/__sim/beyondtrust/setNamespace`, {
			method: 'POST',
			body: JSON.stringify({ value: 'beyondtrust' }),
		});
		const reps = await bt('command', { action: 'get_logged_in_reps' }, token);
		expect(reps.text).toContain(
			'<logged_in_reps xmlns="http://www.beyondtrust.com/sra/namespaces/API/command"><rep id="1">',
		);
		expect(reps.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
		const none = await bt(
			'reporting',
			{
				generate_report: 'SupportSession',
				start_time: Math.floor(Date.now() / 1000) + 10,
				duration: 0,
			},
			token,
		);
		expect(none.status).toBe(200);
		expect(none.text).toContain(
			'<error xmlns="http://www.beyondtrust.com/sra/namespaces/API/reporting">No sessions found for the given search criteria.</error>',
		);
		expect((await bt('command', { action: 'nope' }, token)).text).toContain(
			'>Invalid action</error>',
		);
		expect(
			(
				await bt(
					'command',
					{ action: 'generate_session_key', type: 'support', queue_id: 'team:99' },
					token,
				)
			).text,
		).toContain('Invalid queue_id');
	});

	test('more than 20 requests in a second: 429 with Retry-After; the peak is counted', async () => {
		const token = (await btToken()).json.access_token;
		const answers = await Promise.all(
			Array.from({ length: 24 }, () => bt('command', { action: 'get_api_info' }, token)),
		);
		const limited = answers.filter((a) => a.status === 429);
		expect(limited.length).toBeGreaterThanOrEqual(4);
		expect(limited[0].headers.get('retry-after')).toBe('1');
		expect(sim.stats().btPeakPerSecond).toBeGreaterThanOrEqual(21);
		expect(sim.stats().btRateLimited).toBe(limited.length);
	});

	test('generic faults apply (status 503, malformed XML)', async () => {
		const token = (await btToken()).json.access_token;
		sim.setFaults([
			{ kind: 'status', status: 503, route: 'GET /beyondtrust/api/command', count: 1 },
			{ kind: 'malformed', route: 'GET /beyondtrust/api/reporting', count: 1 },
		]);
		expect((await bt('command', { action: 'get_api_info' }, token)).status).toBe(503);
		const half = await bt('reporting', { generate_report: 'SupportSession', start_time: 0 }, token);
		expect(half.status).toBe(200);
		expect(half.text.endsWith('</session_list>\n')).toBe(false);
	});
});

describe('Rimo3', () => {
	async function r3Token(secret = sim.rimo3.clientSecret) {
		const res = await fetch(`${sim.rimo3.baseUrl}/api/v2/connect/token`, {
			method: 'POST',
			headers: {
				Authorization: basic(sim.rimo3.clientId, secret),
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'grant_type=client_credentials',
		});
		return { status: res.status, json: await res.json() };
	}

	test('token, test endpoint, packages, sequences, revocation', async () => {
		expect((await r3Token('bad')).status).toBe(401);
		const token = (await r3Token()).json.access_token;
		const get = (p) =>
			fetch(`${sim.rimo3.baseUrl}${p}`, { headers: { Authorization: `Bearer ${token}` } });
		expect((await get('/api/v2/connect/test')).status).toBe(200);
		const packages = await (await get('/api/v2/application-packages')).json();
		expect(packages.map((p) => p.displayName)).toEqual([
			'Contoso Viewer',
			'Fabrikam Agent',
			'Northwind CRM',
		]);
		expect(Object.keys(packages[0])).toEqual([
			'applicationPackageId',
			'displayName',
			'manufacturer',
			'productVersion',
			'fileName',
		]);
		const sequences = await (
			await get(`/api/v2/application-packages/${packages[2].applicationPackageId}/sequences`)
		).json();
		expect(sequences).toHaveLength(1);
		expect((await get('/api/v2/application-packages/nope/sequences')).status).toBe(404);
		sim.rimo3.revokeAll();
		expect((await get('/api/v2/connect/test')).status).toBe(401);
		expect(sim.stats().rimo3TokensMinted).toBe(1);
	});

	test('multipart upload validates fields and creates the package with its pipeline', async () => {
		const token = (await r3Token()).json.access_token;
		const form = new FormData();
		form.append('file', new Blob(['PK zip']), 'app.zip');
		form.append('displayName', 'App');
		form.append('fileName', 'setup.exe');
		form.append('progressStep', '2');
		const res = await fetch(`${sim.rimo3.baseUrl}/api/v2/application-packages/upload/manual`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${token}` },
			body: form,
		});
		expect(res.status).toBe(200);
		const { sequenceIdentifier, applicationPackageId } = await res.json();
		expect(sequenceIdentifier).toMatch(/^[0-9a-f-]{36}$/);
		expect(
			sim.rimo3
				.state()
				.packages.find((p) => p.applicationPackageId === applicationPackageId)
				.sequences.map((s) => s.step),
		).toEqual(['Import', 'Discovery', 'Baseline']);
		const bad = new FormData();
		bad.append('displayName', 'App');
		bad.append('progressStep', '5');
		const refused = await fetch(`${sim.rimo3.baseUrl}/api/v2/application-packages/upload/manual`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${token}` },
			body: bad,
		});
		expect(refused.status).toBe(400);
		expect(Object.keys((await refused.json()).errors).sort()).toEqual([
			'file',
			'fileName',
			'progressStep',
		]);
	});

	test('link upload takes JSON with fileLink and a numeric progressStep', async () => {
		const token = (await r3Token()).json.access_token;
		const post = (body) =>
			fetch(`${sim.rimo3.baseUrl}/api/v2/application-packages/upload/manual/link`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		const good = {
			fileLink: 'https://dl.example/app.msi',
			displayName: 'App',
			fileName: 'app.msi',
		};
		const res = await post({ ...good, progressStep: 0 });
		expect(res.status).toBe(200);
		const { applicationPackageId } = await res.json();
		const created = sim.rimo3
			.state()
			.packages.find((p) => p.applicationPackageId === applicationPackageId);
		expect(created.fileLink).toBe(good.fileLink);
		expect(created.sequences.map((s) => s.step)).toEqual(['Import']);
		const refused = await post({ fileLink: 'ftp://x/y', displayName: 'App', progressStep: '2' });
		expect(refused.status).toBe(400);
		expect(Object.keys((await refused.json()).errors).sort()).toEqual([
			'fileLink',
			'fileName',
			'progressStep',
		]);
		expect(sim.stats().rimo3Uploads).toBe(1);
	});
});
