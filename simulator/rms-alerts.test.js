// The RMS personality's alerts and device status controls, over HTTP as other processes use them.
'use strict';
const { startSimulator } = require('./index');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const api = async (path, { method = 'GET', body, token = sim.rms.tokens.full } = {}) => {
	const res = await fetch(`${sim.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: await res.json() };
};

test('setDeviceStatus over /__sim/ takes a device offline, adds a Status change alert, and back', async () => {
	const down = await api('/__sim/rms/setDeviceStatus', {
		method: 'POST',
		body: { value: { deviceId: 1004, status: 0 } },
	});
	expect(down.body.result).toBe(70001);
	const offline = await api('/api/devices?status=offline&limit=100');
	expect(offline.body.data.map((d) => d.id)).toContain(1004);
	await api('/__sim/rms/setDeviceStatus', {
		method: 'POST',
		body: { value: { deviceId: 1004, status: 1 } },
	});
	// the same status again is no change and no alert
	const same = await api('/__sim/rms/setDeviceStatus', {
		method: 'POST',
		body: { value: { deviceId: 1004, status: 1 } },
	});
	expect(same.body.result).toBeNull();
	const alerts = await api('/api/alerts?device_id=1004');
	expect(
		alerts.body.data.map((a) => [a.id, a.alert_type, a.message.match(/Event text - ([^;]+)/)[1]]),
	).toEqual([
		[70001, 'Status change', 'Online to Offline'],
		[70002, 'Status change', 'Offline to Online'],
	]);
	expect(alerts.body.data[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
});

test('alerts page like RMS: 10 by default, limit/offset, meta.total; filters; 422 on a bad id', async () => {
	await api('/__sim/rms/addAlerts', {
		method: 'POST',
		body: {
			value: Array.from({ length: 25 }, (_, k) => ({
				device_id: k % 2 ? 1001 : 1005,
				alert_type: 'Custom',
			})),
		},
	});
	const first = await api('/api/alerts');
	expect(first.body.data).toHaveLength(10);
	expect(first.body.meta.total).toBe(25);
	const last = await api('/api/alerts?limit=100&offset=20');
	expect(last.body.data.map((a) => a.id)).toEqual([70021, 70022, 70023, 70024, 70025]);
	expect((await api('/api/alerts?device_id=1001&limit=100')).body.meta.total).toBe(12);
	expect((await api('/api/alerts?type=Status%20change')).body.meta.total).toBe(0);
	const bad = await api('/api/alerts?device_id=abc');
	expect(bad.status).toBe(422);
	expect(bad.body.errors[0].source).toBe('device_id');
	expect((await api('/api/alerts', { token: 'nope' })).status).toBe(401);
	sim.reset();
	expect((await api('/api/alerts')).body.meta.total).toBe(0);
});
