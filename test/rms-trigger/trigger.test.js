// Teltonika RMS Trigger in n8n-core's real PollContext against the simulator: the first poll is a
// baseline, each event kind once, paging, restarts, clock skew, 429 and quota without lost state.
'use strict';
const { startSimulator } = require('../../simulator');
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { createTrigger, simCredentials } = require('./poll-harness');
const { CONNECT_LOG_LEAD } = require('../helpers/output-columns');

const HOUR = 3600 * 1000;
const sim = simulatorPerFile();

const trigger = (parameters, extra = {}) =>
	createTrigger({ parameters, credentials: simCredentials(sim), ...extra });
const paths = (requests) => requests.map((r) => `${r.method} ${r.path}`);
const alertsFor = (n, deviceId = 1004) =>
	Array.from({ length: n }, (_, k) => ({
		device_id: deviceId,
		alert_type: 'Custom',
		message: `#${k}`,
	}));

describe('device status events', () => {
	test('the first poll records a baseline and emits nothing; a device going offline is reported once', async () => {
		const t = await trigger({ event: 'deviceWentOffline' });
		const first = await t.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([]);
		expect(first.response).toBeNull();
		// 30 devices: one page of 100.
		expect(paths(first.requests)).toEqual(['GET /api/devices']);
		expect(first.requests[0].query).toMatchObject({ limit: '100', offset: '0' });

		sim.rms.setDeviceStatus({ deviceId: 1001, status: 0 });
		sim.rms.setDeviceStatus({ deviceId: 1005, status: null });
		const second = await t.poll();
		expect(second.items.map((d) => [d.event, d.id, d.previous_status_name])).toEqual([
			['deviceWentOffline', 1001, 'online'],
			['deviceWentOffline', 1005, 'online'],
		]);
		expect((await t.poll()).items).toEqual([]); // never the same event twice
	});

	test('a device coming back online is reported by Device Came Online, not by Went Offline', async () => {
		const online = await trigger({ event: 'deviceCameOnline' });
		const offline = await trigger({ event: 'deviceWentOffline' });
		await online.poll();
		await offline.poll();
		sim.rms.setDeviceStatus({ deviceId: 1002, status: 1 });
		expect((await online.poll()).items.map((d) => d.id)).toEqual([1002]);
		expect((await offline.poll()).items).toEqual([]);
	});

	test('after a restart with the saved static data the next change is reported, nothing twice', async () => {
		const t = await trigger({ event: 'deviceWentOffline' });
		await t.poll();
		sim.rms.setDeviceStatus({ deviceId: 1004, status: 0 });
		t.restart();
		expect((await t.poll()).items.map((d) => d.id)).toEqual([1004]);
		const again = await trigger({ event: 'deviceWentOffline' }, { staticData: t.staticData() });
		expect((await again.poll()).items).toEqual([]);
	});
});

describe('New Alert', () => {
	test('250 new alerts come out once each, in id order, in 3 pages; none missed, none doubled', async () => {
		const t = await trigger({ event: 'newAlert' });
		expect((await t.poll()).items).toEqual([]);
		const ids = sim.rms.addAlerts(alertsFor(250));
		const second = await t.poll();
		expect(second.items.map((a) => a.id)).toEqual(ids);
		expect(second.items[0]).toMatchObject({ event: 'newAlert', device_id: 1004, message: '#0' });
		expect(second.requests.map((r) => r.query.offset)).toEqual(['0', '100', '200']);
		expect((await t.poll()).items).toEqual([]);
	});

	test('a baseline over 250 existing alerts reports only the one that comes after it', async () => {
		sim.rms.addAlerts(alertsFor(250));
		const t = await trigger({ event: 'newAlert' });
		expect((await t.poll()).items).toEqual([]);
		const [id] = sim.rms.addAlerts(alertsFor(1, 1001));
		expect((await t.poll()).items.map((a) => a.id)).toEqual([id]);
	});

	test('a device going offline raises a Status change alert; filters are sent to RMS', async () => {
		const t = await trigger({
			event: 'newAlert',
			alertFilters: { deviceId: 1001, type: 'Status change' },
		});
		await t.poll();
		sim.rms.addAlerts(alertsFor(3, 1001)); // another type: filtered out by RMS
		sim.rms.setDeviceStatus({ deviceId: 1001, status: 0 });
		sim.rms.setDeviceStatus({ deviceId: 1004, status: 0 }); // another device
		const { items, requests } = await t.poll();
		expect(items.map((a) => [a.device_id, a.alert_type])).toEqual([[1001, 'Status change']]);
		expect(items[0].message).toContain('Online to Offline');
		expect(requests[0].query).toMatchObject({ device_id: '1001', type: 'Status change' });
	});

	test('quota gone (429, Retry-After 1 h): the poll fails clearly at once and loses nothing', async () => {
		const t = await trigger({ event: 'newAlert' });
		await t.poll();
		const before = t.staticData();
		const ids = sim.rms.addAlerts(alertsFor(250));
		sim.setFaults({
			kind: 'status',
			status: 429,
			retryAfter: 3600,
			route: 'GET /api/alerts',
			count: 1,
		});
		const failed = await t.poll();
		expect(failed.requests).toHaveLength(1); // a long Retry-After is not waited for
		expect(failed.error.message).toMatch(
			/^RMS quota or rate limit reached while trying to list RMS alerts for the trigger \(429/,
		);
		expect(failed.error.description).toMatch(/Nothing was lost/);
		expect(failed.items).toEqual([]);
		expect(t.staticData()).toEqual(before);
		const next = await t.poll();
		expect(next.error).toBeUndefined();
		expect(next.items.map((a) => a.id)).toEqual(ids);
	});

	test('a short 429 (Retry-After 1 s) is waited for once; the poll completes with every alert', async () => {
		const t = await trigger({ event: 'newAlert' });
		await t.poll();
		const ids = sim.rms.addAlerts(alertsFor(150));
		sim.setFaults({
			kind: 'status',
			status: 429,
			retryAfter: 1,
			route: 'GET /api/alerts',
			count: 1,
		});
		const { items, error, requests } = await t.poll();
		expect(error).toBeUndefined();
		expect(requests.map((r) => r.query.offset)).toEqual(['0', '0', '100']);
		expect(items.map((a) => a.id)).toEqual(ids);
	});
});

describe('Connect sessions', () => {
	test('a session started after the baseline is reported once; the query window covers ±15 h', async () => {
		const t = await trigger({ event: 'sessionStarted' });
		const first = await t.poll();
		expect(first.items).toEqual([]);
		const { start_date, end_date, active } = first.requests[0].query;
		expect(active).toBeUndefined();
		const span = Date.parse(`${end_date}Z`) - Date.parse(`${start_date}Z`);
		expect(span).toBeGreaterThanOrEqual(30 * HOUR - 2000);
		const now = Date.now();
		const [id] = sim.rms.addConnectLogs([{ start_time: now, end_time: now + HOUR, type: 'cli' }]);
		const second = await t.poll();
		expect(second.items.map((s) => [s.event, s.id, s.type])).toEqual([
			['sessionStarted', id, 'cli'],
		]);
		expect((await t.poll()).items).toEqual([]);
	});

	test('an ended session is reported once by Session Ended (active=false), a running one not', async () => {
		const t = await trigger({ event: 'sessionEnded' });
		await t.poll(); // baseline: the seed's ended sessions 9002 and 9004
		const now = Date.now();
		const [ended, running] = sim.rms.addConnectLogs([
			{ start_time: now - 2 * HOUR, end_time: now - 60 * 1000 },
			{ start_time: now - HOUR, end_time: now + HOUR },
		]);
		const { items, requests } = await t.poll();
		expect(requests[0].query.active).toBe('false');
		expect(items.map((s) => s.id)).toEqual([ended]);
		expect(items.map((s) => s.id)).not.toContain(running);
		expect((await t.poll()).items).toEqual([]);
	});
});

describe('saved position', () => {
	test('changing the alert filters starts a new baseline instead of reporting old alerts', async () => {
		sim.rms.addAlerts(alertsFor(5, 1001));
		const t = await trigger({ event: 'newAlert', alertFilters: { deviceId: 1004 } });
		await t.poll();
		const changed = await trigger(
			{ event: 'newAlert', alertFilters: { deviceId: 1001 } },
			{ staticData: t.staticData() },
		);
		expect((await changed.poll()).items).toEqual([]); // 5 old alerts of 1001: baseline
		const [id] = sim.rms.addAlerts(alertsFor(1, 1001));
		expect((await changed.poll()).items.map((a) => a.id)).toEqual([id]);
	});

	test('sessions: a fresh n8n with the saved static data reports what started while it was down, once', async () => {
		const t = await trigger({ event: 'sessionStarted' });
		await t.poll();
		const saved = t.staticData();
		const now = Date.now();
		const ids = sim.rms.addConnectLogs([
			{ start_time: now - 60000, end_time: now + HOUR },
			{ start_time: now, end_time: now + HOUR },
		]);
		const after = await trigger({ event: 'sessionStarted' }, { staticData: saved });
		expect((await after.poll()).items.map((s) => s.id)).toEqual(ids);
		expect((await after.poll()).items).toEqual([]);
	});
});

describe('clock skew and time zones', () => {
	test.each([10, -10])(
		'RMS %i h away from n8n: a new session is still found, once',
		async (hours) => {
			const skewed = await startSimulator({ port: 0, clock: () => Date.now() + hours * HOUR });
			try {
				const t = await createTrigger({
					parameters: { event: 'sessionStarted' },
					credentials: simCredentials(skewed),
				});
				await t.poll();
				const rmsNow = Date.now() + hours * HOUR;
				const [id] = skewed.rms.addConnectLogs([{ start_time: rmsNow, end_time: rmsNow + HOUR }]);
				expect((await t.poll()).items.map((s) => s.id)).toEqual([id]);
				expect((await t.poll()).items).toEqual([]);
			} finally {
				await skewed.stop();
			}
		},
	);
});

describe('Fetch Test Event (manual mode)', () => {
	test('shows the newest real alert and leaves the saved position alone', async () => {
		const t = await trigger({ event: 'newAlert' });
		await t.poll();
		const before = t.staticData();
		const ids = sim.rms.addAlerts(alertsFor(3));
		const manual = await t.poll('manual');
		expect(manual.items.map((a) => a.id)).toEqual([ids[2]]);
		expect(t.staticData()).toEqual(before);
		expect((await t.poll()).items.map((a) => a.id)).toEqual(ids);
	});

	test('says clearly when RMS has nothing to show', async () => {
		const t = await trigger({ event: 'newAlert' });
		const { error, items } = await t.poll('manual');
		expect(items).toEqual([]);
		expect(error.message).toBe('RMS has nothing yet for "New Alert" to show as a test event');
		expect(t.staticData()).toEqual({});
	});
});

describe("event items use the package's output vocabulary", () => {
	const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

	test('a device event: the device first (id, name, serial), its status with a readable name', async () => {
		const t = await trigger({ event: 'deviceWentOffline' });
		await t.poll();
		sim.rms.setDeviceStatus({ deviceId: 1001, status: 0 });
		const [item] = (await t.poll()).items;
		expect(Object.keys(item).slice(0, 7)).toEqual([
			'event',
			'id',
			'name',
			'serial',
			'status',
			'status_name',
			'previous_status_name',
		]);
		expect(item).toMatchObject({ id: 1001, status: 0, status_name: 'offline' });
		expect(item).not.toHaveProperty('previous_status');
	});

	test('a session event: ISO times with Unix twins, not "Y-m-d H:i:s+00:00"; empty columns last', async () => {
		const t = await trigger({ event: 'sessionStarted' });
		await t.poll();
		const now = Date.now();
		sim.rms.addConnectLogs([{ start_time: now, end_time: now + HOUR, type: 'cli' }]);
		const [item] = (await t.poll()).items;
		expect(Object.keys(item).slice(0, 7)).toEqual(['event', ...CONNECT_LOG_LEAD]);
		expect(Object.keys(item).slice(-3)).toEqual(['input_data', 'output_data', 'username']);
		expect(item.started_at).toMatch(ISO);
		expect(item.expires_at_unix * 1000).toBe(Date.parse(item.expires_at));
		expect(item).not.toHaveProperty('start_time');
		expect(item).not.toHaveProperty('end_time');
	});

	test('an alert event: its id and device first', async () => {
		const t = await trigger({ event: 'newAlert' });
		await t.poll();
		sim.rms.addAlerts(alertsFor(1, 1001));
		const [item] = (await t.poll()).items;
		expect(Object.keys(item).slice(0, 3)).toEqual(['event', 'id', 'device_id']);
		expect(item.device_id).toBe(1001);
	});
});
