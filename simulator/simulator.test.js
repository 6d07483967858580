'use strict';
// Proves the simulator's RMS behaviour over real HTTP on 127.0.0.1. Most tests run on a fake
// clock so channel timing is exact and instant; a few use real time (latency, defaults, CLI).

const { spawn } = require('child_process');
const path = require('path');
const { startSimulator } = require('.');

const START = Date.UTC(2025, 5, 1, 12, 0, 0);
const HOST_RE = /^[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com$/;
const CHANNEL_RE = /^private-status\.\d+\.[A-Za-z0-9]{64}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

let sim;
let now = START;
const advance = (ms) => {
	now += ms;
};

async function call(
	url,
	{ method = 'GET', body, token = sim.rms.tokens.full, headers = {}, raw } = {},
) {
	const init = { method, headers: { ...headers } };
	if (token) init.headers.Authorization = `Bearer ${token}`;
	if (body !== undefined) {
		init.headers['Content-Type'] = 'application/json';
		init.body = raw ? body : JSON.stringify(body);
	}
	const res = await fetch(url, init);
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, json, text };
}
const api = (p, opts) => call(`${sim.rms.baseUrl}${p}`, opts);
const poll = (channel, opts) => call(`${sim.rms.statusUrl}/channel/${channel}`, opts);
const lastEvent = (res, key) => res.json.data[String(key)].at(-1);

/** Polls past CHANNEL_NOT_FOUND and the completion time; returns the final poll response. */
async function settle(channel) {
	await poll(channel);
	advance(1000);
	return poll(channel);
}

beforeAll(async () => {
	sim = await startSimulator({ port: 0, clock: () => now, channelCompleteMs: 1000 });
});
afterAll(() => sim.stop());
beforeEach(() => {
	now = START;
	sim.reset();
});

describe('server', () => {
	test('listens on 127.0.0.1 with a random port and exposes the documented URLs', () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.server.address().address).toBe('127.0.0.1');
		expect(sim.rms.baseUrl).toBe(`${sim.url}/api`);
		expect(sim.rms.statusUrl).toBe(`${sim.url}/status`);
		expect(Object.keys(sim.rms.tokens)).toEqual(['full', 'readOnly', 'devicesOnly']);
	});

	test('unknown /api routes answer a spec-shaped 404', async () => {
		const res = await api('/nothing-here');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			success: false,
			errors: [{ code: 'NOT_FOUND', source: null, message: 'Not found.' }],
		});
	});

	test('a body that is not JSON gives 400', async () => {
		const res = await api('/devices/remote-access', {
			method: 'POST',
			body: '{"data":',
			raw: true,
		});
		expect(res.status).toBe(400);
		expect(res.json.errors[0].message).toBe('Bad request.');
	});
});

describe('auth', () => {
	const UNAUTHORIZED = {
		success: false,
		errors: [{ code: 'UNAUTHORIZED', source: null, message: 'Unauthorized.' }],
	};

	test('missing or unknown token gives 401, also on the status channel', async () => {
		expect((await api('/devices', { token: null })).json).toEqual(UNAUTHORIZED);
		const unknown = await api('/devices', { token: 'nope' });
		expect(unknown.status).toBe(401);
		expect(unknown.json).toEqual(UNAUTHORIZED);
		const status = await poll('private-status.4217.x', { token: null });
		expect(status.status).toBe(401);
	});

	test('a token without the needed scope gives 403 Forbidden.', async () => {
		const { readOnly, devicesOnly } = sim.rms.tokens;
		const create = await api('/devices/remote-access', {
			method: 'POST',
			token: readOnly,
			body: { data: [] },
		});
		expect(create.status).toBe(403);
		expect(create.json.errors[0]).toEqual({
			code: 'FORBIDDEN',
			source: null,
			message: 'Forbidden.',
		});
		expect(
			(
				await api('/devices/connect/62002', {
					method: 'POST',
					token: readOnly,
					body: { duration: 60 },
				})
			).status,
		).toBe(403);
		expect((await api('/devices/remote-access', { token: devicesOnly })).status).toBe(403);
		expect((await api('/devices', { token: devicesOnly })).status).toBe(200);
		expect((await api('/devices/connect/62002/sessions', { token: readOnly })).status).toBe(200);
	});
});

describe('GET /devices', () => {
	test('defaults to 10 per page with meta.total, and offset pages through all 30', async () => {
		const first = await api('/devices');
		expect(first.json.success).toBe(true);
		expect(first.json.data).toHaveLength(10);
		expect(first.json.meta.total).toBe(30);
		const ids = [];
		for (let offset = 0; offset < 30; offset += 10) {
			ids.push(...(await api(`/devices?limit=10&offset=${offset}`)).json.data.map((d) => d.id));
		}
		expect(new Set(ids).size).toBe(30);
		expect((await api('/devices?limit=100')).json.data).toHaveLength(30);
	});

	test('q searches name, serial and mac; fields trims the items', async () => {
		const bySerial = await api('/devices?q=1111111111&fields=id,serial');
		expect(bySerial.json.data).toEqual([{ id: 1001, serial: '1111111111' }]);
		expect((await api('/devices?q=rutx11%20office')).json.data.map((d) => d.id)).toEqual([1001]);
		const { mac } = (await api('/devices/1004')).json.data;
		expect((await api(`/devices?q=${encodeURIComponent(mac)}`)).json.data.map((d) => d.id)).toEqual(
			[1004],
		);
	});

	test('status filter maps strings to the int status (null counts as offline)', async () => {
		const offline = (await api('/devices?status=offline&limit=100&fields=id,status')).json.data;
		expect(offline.map((d) => d.status).every((s) => s === 0 || s === null)).toBe(true);
		expect(offline.map((d) => d.id)).toEqual(expect.arrayContaining([1002, 1030]));
		expect((await api('/devices?status=not_activated')).json.data.map((d) => d.id)).toEqual([1003]);
		const online = await api('/devices?status=online&limit=100');
		expect(online.json.data.every((d) => d.status === 1)).toBe(true);
		expect(online.json.meta.filters).toEqual({ status: ['online'] });
		const bad = await api('/devices?status=sleeping');
		expect(bad.status).toBe(422);
		expect(bad.json.errors[0].source).toBe('status');
	});

	test('tag_id and id filters', async () => {
		const office = (await api('/devices?tag_id=11')).json.data.map((d) => d.id);
		expect(office).toEqual([1001, 1005]);
		expect((await api('/devices?id=1004,1001')).json.data.map((d) => d.id)).toEqual([1001, 1004]);
	});

	test('GET /devices/{id} returns one device with int status and Y-m-d H:i:s times; 404 otherwise', async () => {
		const res = await api('/devices/1001');
		expect(res.json.data).toMatchObject({
			id: 1001,
			serial: '1111111111',
			name: 'RUTX11 Office',
			status: 1,
		});
		expect(res.json.data.created_at).toMatch(DATETIME_RE);
		expect((await api('/devices/1001?fields=id,name')).json.data).toEqual({
			id: 1001,
			name: 'RUTX11 Office',
		});
		for (const id of ['9999', 'abc']) {
			const missing = await api(`/devices/${id}`);
			expect(missing.status).toBe(404);
			expect(missing.json).toEqual({
				success: false,
				errors: [{ code: 'NOT_FOUND', source: null, message: 'Not found.' }],
			});
		}
	});
});

describe('GET /devices/remote-access', () => {
	test('lists every config of the account unpaged, with the real-world loose types', async () => {
		const res = await api('/devices/remote-access');
		expect(res.json.data.length).toBe(12);
		expect(res.json.meta.total).toBe(12);
		const main = res.json.data.find((c) => c.id === 62001);
		expect(main).toMatchObject({
			device_id: 1001,
			is_main: 1,
			protocol: '',
			destination_port: '80',
			credentials_required: 0,
		});
		expect(main.created_at).toMatch(DATETIME_RE);
		expect(res.json.data.find((c) => c.id === 62003).credentials_required).toBe(1);
	});

	test('device_id list, fields, and limit/offset when sent', async () => {
		const res = await api('/devices/remote-access?device_id=1001,1004&fields=id,name');
		expect(res.json.data).toEqual([
			{ id: 62001, name: 'Main' },
			{ id: 62002, name: 'Camera_HTTPS' },
			{ id: 62003, name: 'NAS_SSH' },
			{ id: 62006, name: 'Main' },
			{ id: 62007, name: 'SCADA_RDP' },
		]);
		expect(res.json.meta.filters).toEqual({ device_id: ['1001', '1004'] });
		const page = await api('/devices/remote-access?limit=2&offset=10');
		expect(page.json.data.map((c) => c.id)).toEqual([62011, 62012]);
		expect(page.json.meta.total).toBe(12);
	});
});

describe('status channels', () => {
	test('first poll is CHANNEL_NOT_FOUND, then intermediate events, then completed; keys are device ids', async () => {
		const start = await api('/devices/connect/62002', { method: 'POST', body: { duration: 60 } });
		const { channel } = start.json.meta;
		expect(channel).toMatch(CHANNEL_RE);
		const first = await poll(channel);
		expect(first.status).toBe(404);
		expect(first.json.code).toBe('CHANNEL_NOT_FOUND');
		const early = await poll(channel);
		expect(early.status).toBe(200);
		expect(Object.keys(early.json.data)).toEqual(['1001']);
		expect(lastEvent(early, 1001).status).toBe('started');
		advance(500);
		expect(lastEvent(await poll(channel), 1001)).toMatchObject({
			status: 'in_progress',
			errorcode: 0,
		});
		advance(499);
		expect(lastEvent(await poll(channel), 1001).status).toBe('in_progress');
		advance(1);
		const done = await poll(channel);
		expect(done.json.success).toBe(true);
		expect(done.json.data['1001'].map((e) => e.status)).toEqual([
			'started',
			'in_progress',
			'completed',
		]);
		expect(lastEvent(done, 1001)).toMatchObject({ status: 'completed', errorCode: 0 });
	});

	test('unknown and expired channels are CHANNEL_NOT_FOUND', async () => {
		expect((await poll('private-status.4217.unknown')).json.code).toBe('CHANNEL_NOT_FOUND');
		const { channel } = (
			await api('/devices/connect/62002', { method: 'POST', body: { duration: 60 } })
		).json.meta;
		await settle(channel);
		advance(10 * 60 * 1000);
		const expired = await poll(channel);
		expect(expired.status).toBe(404);
		expect(expired.json.code).toBe('CHANNEL_NOT_FOUND');
	});

	test('completion time defaults to 1.5 s', async () => {
		const local = await startSimulator({ port: 0, clock: () => now });
		try {
			const opts = { token: local.rms.tokens.full };
			const started = await call(`${local.rms.baseUrl}/devices/connect/62002`, {
				...opts,
				method: 'POST',
				body: { duration: 60 },
			});
			const url = `${local.rms.statusUrl}/channel/${started.json.meta.channel}`;
			await call(url, opts);
			advance(1499);
			expect((await call(url, opts)).json.data['1001'].at(-1).status).toBe('in_progress');
			advance(1);
			expect((await call(url, opts)).json.data['1001'].at(-1).status).toBe('completed');
		} finally {
			await local.stop();
		}
	});
});

describe('remote-access writes', () => {
	const item = {
		device_id: 1001,
		name: 'Printer_HTTP',
		destination_ip: '192.168.1.30',
		destination_port: 8080,
		protocol: 'http',
		credentials_required: false,
	};

	test('create answers 201 with only a channel; the config appears when the channel completes', async () => {
		const res = await api('/devices/remote-access', { method: 'POST', body: { data: [item] } });
		expect(res.status).toBe(201);
		expect(res.json).toEqual({
			success: true,
			meta: { channel: expect.stringMatching(CHANNEL_RE) },
		});
		const before = await api('/devices/remote-access?device_id=1001');
		expect(before.json.data.some((c) => c.name === 'Printer_HTTP')).toBe(false);
		const done = await settle(res.json.meta.channel);
		expect(lastEvent(done, 1001).status).toBe('completed');
		const after = (await api('/devices/remote-access?device_id=1001')).json.data.find(
			(c) => c.name === 'Printer_HTTP',
		);
		expect(after).toMatchObject({
			destination_port: '8080',
			protocol: 'http',
			is_main: 0,
			credentials_required: 0,
			device_id: 1001,
		});
		expect(after.created_at).toBe('2025-06-01 12:00:01');
	});

	test('validation errors are 422 with the failing field as source', async () => {
		const res = await api('/devices/remote-access', {
			method: 'POST',
			body: { data: [{ ...item, destination_ip: '999.1.1.1', destination_port: 70000 }] },
		});
		expect(res.status).toBe(422);
		expect(res.json.success).toBe(false);
		expect(res.json.errors.map((e) => e.source)).toEqual(['destination_ip', 'destination_port']);
		expect(res.json.errors[0]).toEqual({
			code: expect.any(String),
			source: 'destination_ip',
			message: expect.any(String),
		});
		const missing = await api('/devices/remote-access', {
			method: 'POST',
			body: { data: [{ device_id: 1001 }] },
		});
		expect(missing.json.errors.map((e) => e.source)).toEqual([
			'name',
			'destination_ip',
			'destination_port',
		]);
		const noDevice = await api('/devices/remote-access', {
			method: 'POST',
			body: { data: [{ ...item, device_id: 4242 }] },
		});
		expect(noDevice.json.errors[0].source).toBe('device_id');
		expect(
			(await api('/devices/remote-access', { method: 'POST', body: {} })).json.errors[0].source,
		).toBe('data');
	});

	test('create on an offline device ends in error (spelled errorcode) and creates nothing', async () => {
		const res = await api('/devices/remote-access', {
			method: 'POST',
			body: { data: [{ ...item, device_id: 1002 }] },
		});
		const event = lastEvent(await settle(res.json.meta.channel), 1002);
		expect(event).toMatchObject({ status: 'error', errorcode: expect.any(Number) });
		expect(event.value).toMatch(/offline/);
		expect(sim.stats().configsCreated).toBe(0);
	});

	test('PUT updates one config through a channel; unknown id is 404', async () => {
		const res = await api('/devices/remote-access/62002', {
			method: 'PUT',
			body: { destination_port: 8443, name: 'Camera_TLS' },
		});
		expect(res.status).toBe(200);
		await settle(res.json.meta.channel);
		const config = (await api('/devices/remote-access?device_id=1001')).json.data.find(
			(c) => c.id === 62002,
		);
		expect(config).toMatchObject({ name: 'Camera_TLS', destination_port: '8443' });
		expect(
			(await api('/devices/remote-access/1', { method: 'PUT', body: { name: 'abc' } })).status,
		).toBe(404);
	});

	test('DELETE processes only the FIRST id of the array', async () => {
		const res = await api('/devices/remote-access', {
			method: 'DELETE',
			body: { id: [62002, 62003] },
		});
		expect(res.status).toBe(200);
		expect(lastEvent(await settle(res.json.meta.channel), 1001).status).toBe('completed');
		const ids = (await api('/devices/remote-access?device_id=1001')).json.data.map((c) => c.id);
		expect(ids).toEqual([62001, 62003]);
		expect(
			(await api('/devices/remote-access', { method: 'DELETE', body: {} })).json.errors[0].source,
		).toBe('id');
		expect(
			(await api('/devices/remote-access', { method: 'DELETE', body: { id: [1] } })).status,
		).toBe(404);
	});
});

describe('RMS Connect', () => {
	test('start: duration under 10 is 422, unknown access id is 404', async () => {
		const short = await api('/devices/connect/62002', { method: 'POST', body: { duration: 9 } });
		expect(short.status).toBe(422);
		expect(short.json.errors[0].source).toBe('duration');
		expect(
			(await api('/devices/connect/1', { method: 'POST', body: { duration: 60 } })).json.errors[0]
				.message,
		).toBe('Not found.');
	});

	test('start: final event has a bare link host and a session appears', async () => {
		const { channel } = (
			await api('/devices/connect/62001', { method: 'POST', body: { duration: 600 } })
		).json.meta;
		const { link } = lastEvent(await settle(channel), 1001);
		expect(link).toMatch(HOST_RE);
		const sessions = (await api('/devices/connect/62001/sessions?active=true')).json.data;
		expect(sessions).toHaveLength(1);
		expect(sessions[0]).toMatchObject({
			url: link,
			ttl: 600,
			start_time: (START + 1000) / 1000,
			end_time: String((START + 1000) / 1000 + 600),
		});
	});

	test('start on an offline device ends in error (spelled errorCode)', async () => {
		const { channel } = (
			await api('/devices/connect/62005', { method: 'POST', body: { duration: 60 } })
		).json.meta;
		expect(lastEvent(await settle(channel), 1002)).toMatchObject({
			status: 'error',
			errorCode: expect.any(Number),
		});
	});

	test('sessions: data is an array, int start_time, string end_time, url without scheme; active filter', async () => {
		const all = await api('/devices/connect/62002/sessions');
		expect(Array.isArray(all.json.data)).toBe(true);
		expect(all.json.data.map((s) => s.id)).toEqual([9001, 9002]);
		for (const s of all.json.data) {
			expect(typeof s.start_time).toBe('number');
			expect(typeof s.end_time).toBe('string');
			expect(s.url).toMatch(HOST_RE);
		}
		const active = await api('/devices/connect/62002/sessions?active=true');
		expect(active.json.data.map((s) => s.id)).toEqual([9001]);
		expect(active.json.meta).toMatchObject({ total: 1, filters: { active: ['true'] } });
		expect(
			(await api('/devices/connect/62002/sessions?active=false')).json.data.map((s) => s.id),
		).toEqual([9002]);
		expect((await api('/devices/connect/1/sessions')).status).toBe(404);
	});

	test('close session answers a channel and ends the session; unknown id is 404', async () => {
		const res = await api('/devices/connect/sessions/9001', { method: 'DELETE' });
		expect(res.json.meta.channel).toMatch(CHANNEL_RE);
		expect(lastEvent(await settle(res.json.meta.channel), 1001).status).toBe('completed');
		expect((await api('/devices/connect/62002/sessions?active=true')).json.data).toEqual([]);
		const missing = await api('/devices/connect/sessions/1', { method: 'DELETE' });
		expect(missing.status).toBe(404);
		expect(missing.json.errors[0]).toEqual({
			code: 'NOT_FOUND',
			source: null,
			message: 'Not found.',
		});
	});
});

describe('device links (WebUI and CLI of the router itself)', () => {
	const link = (id, type, body, opts) =>
		api(`/devices/${id}/connect/${type}`, { method: 'POST', body, ...opts });

	test.each(['webui', 'cli'])(
		'%s: 201 with a channel whose final event has a bare link host; counted at completion',
		async (type) => {
			const res = await link(1001, type, { duration: 600 });
			expect(res.status).toBe(201);
			expect(res.json).toEqual({
				success: true,
				meta: { channel: expect.stringMatching(CHANNEL_RE) },
			});
			expect(sim.stats()[`${type}Links`]).toBe(0);
			const event = lastEvent(await settle(res.json.meta.channel), 1001);
			expect(event).toMatchObject({ status: 'completed', link: expect.stringMatching(HOST_RE) });
			expect(sim.stats()).toMatchObject({
				webuiLinks: type === 'webui' ? 1 : 0,
				cliLinks: type === 'cli' ? 1 : 0,
			});
		},
	);

	test('each link is new; no configuration or session is made', async () => {
		const hosts = [];
		for (const type of ['webui', 'webui', 'cli']) {
			const { channel } = (await link(1001, type, { duration: 60 })).json.meta;
			hosts.push(lastEvent(await settle(channel), 1001).link);
		}
		expect(new Set(hosts).size).toBe(3);
		expect(sim.stats()).toMatchObject({ configsCreated: 0, sessionsStarted: 0 });
		// and each one is in the account's Connect logs with its type
		const range = 'start_date=2000-01-01%2000:00:00&end_date=2100-01-01%2000:00:00&limit=1000';
		const logs = await api(`/devices/connect/logs?${range}`);
		expect(logs.status).toBe(200);
		const types = logs.json.data.map((l) => l.type).filter((t) => t !== 'lan-webui');
		expect(types.sort()).toEqual(['cli', 'webui', 'webui']);
	});

	test('duration under 10 or not an integer is 422 naming duration; unknown device is 404', async () => {
		for (const body of [{ duration: 9 }, { duration: '600' }, {}]) {
			const res = await link(1001, 'cli', body);
			expect(res.status).toBe(422);
			expect(res.json.errors[0].source).toBe('duration');
		}
		for (const id of [9999, 0, 'abc'])
			expect((await link(id, 'webui', { duration: 60 })).status).toBe(404);
		expect(sim.stats().channelsCreated).toBe(0);
	});

	test('offline or not activated device: the channel ends in error, nothing counted', async () => {
		for (const id of [1002, 1003]) {
			const { channel } = (await link(id, 'webui', { duration: 60 })).json.meta;
			expect(lastEvent(await settle(channel), id)).toMatchObject({
				status: 'error',
				value: 'Device is offline. Could not generate a WebUI link.',
				errorCode: expect.any(Number),
			});
		}
		expect(sim.stats().webuiLinks).toBe(0);
	});

	test('needs device_remote_access:write (a read-only token gets 403)', async () => {
		const res = await link(1001, 'webui', { duration: 60 }, { token: sim.rms.tokens.readOnly });
		expect(res.status).toBe(403);
	});
});

describe('faults', () => {
	test('429 with Retry-After for the next 2 requests to one route only', async () => {
		sim.setFaults({
			kind: 'status',
			status: 429,
			retryAfter: 7,
			route: 'GET /api/devices',
			count: 2,
		});
		expect((await api('/devices/1001')).status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const res = await api('/devices');
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('7');
			expect(res.json.success).toBe(false);
		}
		expect((await api('/devices')).status).toBe(200);
		expect(sim.faults()).toEqual([]);
	});

	test('500 and 503 with spec-shaped bodies', async () => {
		sim.setFaults([
			{ kind: 'status', status: 500, count: 1 },
			{ kind: 'status', status: 503, count: 1 },
		]);
		expect((await api('/devices')).status).toBe(500);
		const second = await api('/devices');
		expect(second.status).toBe(503);
		expect(second.json.errors[0].message).toBe('Service Unavailable.');
	});

	test('latency delays each matching request', async () => {
		sim.setFaults({ kind: 'latency', ms: 120, route: '/api/devices' });
		const t0 = Date.now();
		await api('/devices');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
	});

	test('dropped connection; with after: true the request still takes effect', async () => {
		sim.setFaults({ kind: 'drop', count: 1 });
		await expect(
			fetch(`${sim.rms.baseUrl}/devices`, {
				headers: { Authorization: `Bearer ${sim.rms.tokens.full}` },
			}),
		).rejects.toThrow();
		sim.setFaults({
			kind: 'drop',
			after: true,
			count: 1,
			route: 'POST /api/devices/connect/{access_id}',
		});
		await expect(
			fetch(`${sim.rms.baseUrl}/devices/connect/62002`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${sim.rms.tokens.full}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ duration: 60 }),
			}),
		).rejects.toThrow();
		expect(sim.stats().channelsCreated).toBe(1);
	});

	test('malformed body is truncated JSON', async () => {
		sim.setFaults({ kind: 'malformed', count: 1 });
		const res = await api('/devices');
		expect(res.status).toBe(200);
		expect(res.json).toBeUndefined();
		expect(res.text.startsWith('{"success":true')).toBe(true);
	});

	test.each(['error', 'warning'])(
		'channel fault makes the next channel end in %s and skips the effect',
		async (outcome) => {
			sim.setFaults({ kind: 'channel', outcome, count: 1 });
			const { channel } = (
				await api('/devices/connect/62002', { method: 'POST', body: { duration: 60 } })
			).json.meta;
			const event = lastEvent(await settle(channel), 1001);
			expect(event.status).toBe(outcome);
			expect(event.value).toEqual(expect.any(String));
			expect(sim.stats().sessionsStarted).toBe(0);
		},
	);

	test('channel fault "never" keeps the channel in progress', async () => {
		sim.setFaults({ kind: 'channel', outcome: 'never', route: 'POST /api/devices/remote-access' });
		const body = {
			data: [
				{ device_id: 1001, name: 'Never_Done', destination_ip: '10.0.0.1', destination_port: 80 },
			],
		};
		const { channel } = (await api('/devices/remote-access', { method: 'POST', body })).json.meta;
		await settle(channel);
		advance(60000);
		expect(lastEvent(await poll(channel), 1001).status).toBe('in_progress');
		expect(sim.stats().configsCreated).toBe(0);
	});

	test('faults are set, listed and cleared over HTTP; invalid ones are refused', async () => {
		const set = await call(`${sim.url}/__sim/faults`, {
			method: 'POST',
			token: null,
			body: { faults: [{ kind: 'status', status: 503, count: 1 }] },
		});
		expect(set.json).toEqual([
			expect.objectContaining({ kind: 'status', status: 503, remaining: 1 }),
		]);
		await call(`${sim.url}/__sim/faults?mode=add`, {
			method: 'POST',
			token: null,
			body: { kind: 'latency', ms: 1 },
		});
		expect((await call(`${sim.url}/__sim/faults`, { token: null })).json).toHaveLength(2);
		expect((await api('/devices')).status).toBe(503);
		await call(`${sim.url}/__sim/faults`, { method: 'DELETE', token: null });
		expect(sim.faults()).toEqual([]);
		const bad = await call(`${sim.url}/__sim/faults`, {
			method: 'POST',
			token: null,
			body: { kind: 'explode' },
		});
		expect(bad.status).toBe(400);
	});
});

describe('stats, request log and reset', () => {
	test('counters per route, polls, channels, configs and sessions', async () => {
		await api('/devices');
		await api('/devices');
		const body = {
			data: [
				{
					device_id: 1001,
					name: 'Cam_2',
					destination_ip: '10.0.0.2',
					destination_port: 443,
					protocol: 'https',
				},
			],
		};
		await settle((await api('/devices/remote-access', { method: 'POST', body })).json.meta.channel);
		await settle(
			(await api('/devices/connect/62002', { method: 'POST', body: { duration: 60 } })).json.meta
				.channel,
		);
		const stats = sim.stats();
		expect(stats.routes['GET /api/devices']).toBe(2);
		expect(stats.routes['GET /status/channel/{channel}']).toBe(4);
		expect(stats).toMatchObject({
			requests: 8,
			polls: 4,
			channelsCreated: 2,
			configsCreated: 1,
			sessionsStarted: 1,
		});
		expect((await call(`${sim.url}/__sim/stats`, { token: null })).json).toMatchObject({
			polls: 4,
			configsCreated: 1,
		});
	});

	test('the request log records requests without secrets, in-process and over HTTP', async () => {
		await api('/devices?limit=5');
		await api('/devices/connect/62002', { method: 'POST', body: { duration: 60 } });
		const log = sim.requests();
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({
			method: 'GET',
			path: '/api/devices',
			route: 'GET /api/devices',
			query: { limit: '5' },
			status: 200,
			principal: 'full',
		});
		expect(log[1]).toMatchObject({
			route: 'POST /api/devices/connect/{access_id}',
			body: { duration: 60 },
		});
		expect(log[0].headers.authorization).toBe('Bearer ***');
		expect(JSON.stringify(log)).not.toContain(sim.rms.tokens.full);
		const overHttp = await call(`${sim.url}/__sim/requests?method=POST`, { token: null });
		expect(overHttp.json.map((e) => e.path)).toEqual(['/api/devices/connect/62002']);
	});

	test('reset restores the seed and clears counters, in-process and over HTTP', async () => {
		await settle(
			(await api('/devices/remote-access', { method: 'DELETE', body: { id: [62002] } })).json.meta
				.channel,
		);
		expect(sim.rms.state().configs.some((c) => c.id === 62002)).toBe(false);
		expect((await call(`${sim.url}/__sim/reset`, { method: 'POST', token: null })).json).toEqual({
			ok: true,
		});
		expect(sim.rms.state().configs.some((c) => c.id === 62002)).toBe(true);
		expect(sim.stats().requests).toBe(0);
		expect(sim.requests()).toEqual([]);
	});
});

describe('real time and the CLI', () => {
	test('with the real clock a short channel completes after channelCompleteMs', async () => {
		const live = await startSimulator({ port: 0, channelCompleteMs: 60, channelNotFoundPolls: 0 });
		try {
			const opts = { token: live.rms.tokens.full };
			const started = await call(`${live.rms.baseUrl}/devices/connect/62002`, {
				...opts,
				method: 'POST',
				body: { duration: 60 },
			});
			const url = `${live.rms.statusUrl}/channel/${started.json.meta.channel}`;
			expect((await call(url, opts)).json.data['1001'].at(-1).status).not.toBe('completed');
			await new Promise((r) => setTimeout(r, 80));
			expect((await call(url, opts)).json.data['1001'].at(-1).status).toBe('completed');
		} finally {
			await live.stop();
		}
	});

	test('cli.js starts standalone (port from SIM_PORT) and prints URLs and tokens', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js')], {
			env: { ...process.env, SIM_PORT: '0' },
		});
		try {
			const output = await new Promise((resolve, reject) => {
				let text = '';
				child.stdout.on('data', (chunk) => {
					text += chunk;
					if (text.includes('/__sim/')) resolve(text);
				});
				child.on('exit', (code) => reject(new Error(`cli exited ${code}`)));
			});
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)[1];
			expect(output).toContain(`${url}/api`);
			expect(output).toContain(sim.rms.tokens.full);
			const info = await call(`${url}/__sim/info`, { token: null });
			expect(info.json.rms.baseUrl).toBe(`${url}/api`);
		} finally {
			child.kill('SIGTERM');
		}
	});
});
