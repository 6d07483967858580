'use strict';

// Contract test of the simulator's RMS answers: every answer to the calls the node makes is
// checked against the vendor's OpenAPI document (ajv; response date-times held to RFC 3339).
// Where the simulator differs from the document it must be listed in spec-deviations.js with its
// source; an unlisted difference fails here, and a listed response deviation the simulator no
// longer shows fails too (the list must stay true).
const { startSimulator } = require('../../simulator');
const { checkResponse } = require('./openapi-contract');
const { deviations } = require('./spec-deviations');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, channelCompleteMs: 0 });
});
afterAll(() => sim.stop());

// The calls the node's RMS operations make, with known and unknown ids, online and offline devices.
const CALLS = [
	['GET', '/devices?limit=100'],
	['GET', '/devices?status=offline&limit=100'],
	['GET', '/devices/1001'],
	['GET', '/devices/1002'],
	['GET', '/devices/1030'],
	['GET', '/devices/99999'],
	['GET', '/devices/remote-access'],
	['GET', '/devices/remote-access?device_id=1001,1002&limit=100&offset=0'],
	[
		'POST',
		'/devices/remote-access',
		{
			data: [
				{
					device_id: 1001,
					name: 'Camera_Check',
					destination_ip: '192.168.1.33',
					destination_port: 443,
					protocol: 'https',
					credentials_required: false,
				},
			],
		},
	],
	['DELETE', '/devices/remote-access', { id: [99999] }],
	['DELETE', '/devices/remote-access', { id: [62005] }],
	['POST', '/devices/connect/62002', { duration: 600 }],
	['GET', '/devices/connect/62002/sessions'],
	['GET', '/devices/connect/62002/sessions?active=true'],
	['DELETE', '/devices/connect/sessions/9001'],
	['GET', '/devices/connect/logs?start_date=2020-01-01%2000:00:00&end_date=2035-01-01%2000:00:00'],
	['POST', '/devices/1001/connect/webui', { duration: 600 }],
	['POST', '/devices/1001/connect/cli', { duration: 60 }],
];

async function answers() {
	sim.reset();
	const base = sim.rms.baseUrl;
	const out = [];
	for (const [method, path, body] of CALLS) {
		const res = await fetch(`${base}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${sim.rms.tokens.full}`,
				'Content-Type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		out.push({ method, url: `${base}${path}`, status: res.status, body: await res.text() });
	}
	return out;
}

const check = (answer, opts = {}) => checkResponse(answer, { baseUrl: sim.rms.baseUrl, ...opts });

test('every answer fits the document, or differs only as spec-deviations.js lists', async () => {
	const lines = (await answers()).flatMap((a) =>
		check(a).problems.map((p) => `${a.method} ${a.url} ${a.status}: ${p.message}`),
	);
	expect(lines).toEqual([]);
});

test('every listed response deviation is one the simulator really shows', async () => {
	const used = new Set((await answers()).flatMap((a) => check(a).deviations.map((d) => d.id)));
	const listed = deviations.filter((d) => d.side === 'response' && d.kind === 'tolerate');
	expect(listed.map((d) => d.id).filter((id) => !used.has(id))).toEqual([]);
});

test('without the list the same answers fail, each on what its entry names', async () => {
	const all = await answers();
	const missing = (id) =>
		all.flatMap((a) => check(a, { deviations: deviations.filter((d) => d.id !== id) }).problems);
	expect(missing('device-get-404')).toEqual([
		expect.objectContaining({ keyword: 'status', value: '404' }),
	]);
	expect(missing('remote-access-delete-404')).toEqual([
		expect.objectContaining({ keyword: 'status', value: '404' }),
	]);
	expect(missing('main-entry-protocol-null').map((p) => p.pointer)).toEqual(
		expect.arrayContaining([expect.stringMatching(/^\/data\/\d+\/protocol$/)]),
	);
	expect(new Set(missing('devices-readings-null').map((p) => p.keyword))).toEqual(
		new Set(['type']),
	);
	expect(new Set(missing('times-without-zone-device').map((p) => p.keyword))).toEqual(
		new Set(['format']),
	);
});

test('a difference nobody listed is caught: a reading of the wrong type, a time in another form', () => {
	const device = (data) =>
		check({ method: 'GET', path: '/devices/1001', status: 200, body: { success: true, data } });
	expect(device({ id: 1001, temperature: 'hot' }).problems).toEqual([
		expect.objectContaining({ pointer: '/data/temperature', keyword: 'type' }),
	]);
	expect(device({ id: 1001, last_connection_at: '12.05.2024 10:01' }).problems).toEqual([
		expect.objectContaining({ pointer: '/data/last_connection_at', keyword: 'format' }),
	]);
	expect(device({ id: 1001, last_connection_at: '2024-05-12T10:01:00Z' }).problems).toEqual([]);
	expect(check({ method: 'GET', path: '/devices/1001', status: 500, body: '{}' }).problems).toEqual(
		[expect.objectContaining({ keyword: 'status', value: '500' })],
	);
});
