// The BeyondTrust appliance's front server is Apache, whose LimitRequestLine is 8,190 bytes by
// default: a longer request line (method, target, protocol) gets a 414 before the API sees it.
// The same parameters in a POST form body are accepted.
'use strict';
const { startSimulator } = require('.');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

async function token() {
	const basic = Buffer.from(`${sim.beyondtrust.clientId}:${sim.beyondtrust.clientSecret}`);
	const res = await fetch(`${sim.beyondtrust.siteUrl}/oauth2/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${basic.toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	return (await res.json()).access_token;
}

/** A get_api_info GET whose request line is exactly `bytes` long (padding in an ignored field). */
async function getWithLine(bytes, bearer) {
	const path = '/beyondtrust/api/command?action=get_api_info&pad=';
	const pad = 'x'.repeat(bytes - `GET ${path} HTTP/1.1`.length);
	const res = await fetch(`${sim.url}${path}${pad}`, {
		headers: { Authorization: `Bearer ${bearer}` },
	});
	return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

test('a request line of 8,190 bytes is served; 8,191 bytes gets Apache’s 414 page, logged as 414', async () => {
	const bearer = await token();
	const fits = await getWithLine(8190, bearer);
	expect(fits.status).toBe(200);
	expect(fits.text).toContain('<api_information');
	const over = await getWithLine(8191, bearer);
	expect(over.status).toBe(414);
	expect(over.type).toMatch(/^text\/html/);
	expect(over.text).toContain('<title>414 Request-URI Too Long</title>');
	expect(sim.requests({ path: '/beyondtrust/api/command' }).map((r) => r.status)).toEqual([
		200, 414,
	]);
});

test('the same 10 KB of parameters as a POST form body is accepted and logged as fields', async () => {
	const bearer = await token();
	const body = new URLSearchParams({ action: 'get_api_info', pad: 'x'.repeat(10_000) });
	const res = await fetch(`${sim.beyondtrust.siteUrl}/api/command`, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${bearer}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: body.toString(),
	});
	expect(res.status).toBe(200);
	expect(await res.text()).toContain('<api_information');
	const [logged] = sim.requests({ path: '/beyondtrust/api/command' });
	expect(logged.body).toEqual({ action: 'get_api_info', pad: 'x'.repeat(10_000) });
});

test('other personalities keep no request-line limit', async () => {
	const res = await fetch(`${sim.url}/rimo3/api/v2/application-packages?pad=${'x'.repeat(9000)}`);
	expect(res.status).not.toBe(414);
});
