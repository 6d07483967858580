// One test per RMS quirk of docs/vendor-behaviour.md that touches the node, run against the
// loopback simulator (simulator), which reproduces them, through the real n8n-core WorkflowExecute.
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../helpers/remote-access-workflows');
const { RMS_CAMERA_LINK } = require('../helpers/operation-parameters');

const NODE = 'Teltonika RMS';
const POLL = 0.02; // s
const sim = simulatorPerFile({ channelCompleteMs: 120 });

const rl = (mode, value) => ({ __rl: true, mode, value });
function run(parameters, { token = sim.rms.tokens.full, input, onError } = {}) {
	const workflow = rmsWorkflow(
		NODE,
		{ options: { pollInterval: POLL, pollTimeout: 10 }, ...parameters },
		onError ? { onError } : {},
	);
	return runWorkflow(workflow, { input, credentials: rmsCredentials(sim, token) });
}
const sessionsOf = (accessId, { activeOnly }) =>
	run({
		resource: 'connectSession',
		operation: 'getAll',
		scope: 'accessId',
		accessId,
		activeOnly,
		returnAll: true,
	});
const ok = (result) => {
	if (result.error) throw result.error;
	return result.outputs[NODE];
};
/** The first item the node put out (throws the run's error). */
const firstItem = async (parameters) => ok(await run(parameters))[0];
const apiLog = (filter) => sim.requests(filter);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

test('bulk delete handles one id: one DELETE per access id, each waited for', async () => {
	const out = ok(
		await run(
			{ resource: 'remoteAccess', operation: 'delete', accessId: '={{ $json.id }}' },
			{ input: [{ id: 62002 }, { id: 62003 }] },
		),
	);
	expect(out).toEqual([
		{ access_id: 62002, deleted: true },
		{ access_id: 62003, deleted: true },
	]);
	expect(apiLog({ method: 'DELETE' }).map((r) => r.body)).toEqual([
		{ id: [62002] },
		{ id: [62003] },
	]);
	const ids = sim.rms.state().configs.map((c) => c.id);
	expect(ids).not.toContain(62002);
	expect(ids).not.toContain(62003);
});

test('CHANNEL_NOT_FOUND on the first poll means "not yet"', async () => {
	const out = ok(
		await run({ resource: 'connectSession', operation: 'start', accessId: 62002, duration: 600 }),
	);
	expect(out[0].link).toMatch(
		/^https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com$/,
	);
	const polls = apiLog({ path: '/status/channel/' });
	expect(polls[0].status).toBe(404);
	expect(polls[polls.length - 1].status).toBe(200);
});

test('the poll loop sleeps on every path (no burst of polls)', async () => {
	ok(await run({ resource: 'connectSession', operation: 'start', accessId: 62002, duration: 600 }));
	const polls = apiLog({ path: '/status/channel/' });
	// 120 ms to completion at one poll per 20 ms: a handful, never dozens (at least the
	// CHANNEL_NOT_FOUND answer and the final one)
	expect(polls.length).toBeGreaterThanOrEqual(2);
	expect(polls.length).toBeLessThanOrEqual(120 / (POLL * 1000) + 3);
	// consecutive polls are spaced by the interval (half of it as slack for the log's clock),
	// including after CHANNEL_NOT_FOUND and after non-terminal events
	const times = polls.map((p) => (typeof p.time === 'number' ? p.time : Date.parse(p.time)));
	for (let k = 1; k < times.length; k++)
		expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual((POLL * 1000) / 2);
});

test('loose types: string ports, 0/1 flags, int status, string end_time become numbers, booleans, ISO times', async () => {
	const config = await firstItem({
		resource: 'remoteAccess',
		operation: 'getAccessId',
		device: rl('id', '1001'),
		name: 'NAS_SSH',
	});
	expect(config).toMatchObject({
		id: 62003,
		access_id: 62003,
		device_id: 1001,
		destination_port: 22,
		is_main: false,
		credentials_required: true,
		protocol: 'ssh',
	});
	const raw = sim.rms.state().configs.find((c) => c.id === 62003);
	expect(typeof raw.destination_port).toBe('string'); // the simulator really sent a string

	const sessions = ok(await sessionsOf(62002, { activeOnly: false }));
	const live = sessions.find((s) => s.id === 9001);
	expect(live.started_at).toMatch(ISO);
	expect(live.expires_at).toMatch(ISO);
	expect(typeof live.started_at_unix).toBe('number');
	expect(typeof live.expires_at_unix).toBe('number');
	expect(new Date(live.expires_at).getTime()).toBe(live.expires_at_unix * 1000);

	const devices = ok(await run({ resource: 'device', operation: 'getAll', returnAll: true }));
	expect(devices.find((d) => d.id === 1001)).toMatchObject({ status: 1, status_name: 'online' });
	expect(devices.find((d) => d.id === 1003)).toMatchObject({ status: 2, status_name: 'pending' });
	expect(devices.find((d) => d.id === 1030)).toMatchObject({
		status: null,
		status_name: 'offline',
	});
});

test('channel keys are strings: the event for device 1001 is found under "1001"', async () => {
	const out = ok(await run(RMS_CAMERA_LINK));
	expect(out[0]).toMatchObject({
		device_id: 1001,
		access_id: 62002,
		config_created: false,
		link: expect.stringMatching(/^https:\/\//),
	});
});

test('links get https:// (start output and session link)', async () => {
	const started = ok(
		await run({ resource: 'connectSession', operation: 'start', accessId: 62007, duration: 60 }),
	)[0];
	expect(started.link).toMatch(/^https:\/\/[0-9a-f]{32}\.proxy1-connect\./);
	const sessions = ok(await sessionsOf(62007, { activeOnly: true }));
	expect(sessions.map((s) => s.link)).toContain(started.link);
	for (const s of sessions) expect(s.link).toMatch(/^https:\/\/[^/]+$/);
});

test('ended sessions are left out with Active Only (active=true sent), kept without it', async () => {
	const active = ok(await sessionsOf(62002, { activeOnly: true }));
	expect(active.map((s) => [s.id, s.active])).toEqual([[9001, true]]);
	expect(apiLog({ path: '/api/devices/connect/62002/sessions' })[0].query).toMatchObject({
		active: 'true',
	});
	sim.reset();
	const all = ok(await sessionsOf(62002, { activeOnly: false }));
	expect(all.map((s) => [s.id, s.active]).sort()).toEqual([
		[9001, true],
		[9002, false],
	]);
	expect(apiLog({ path: '/api/devices/connect/62002/sessions' })[0].query.active).toBeUndefined();
});

test('entries with an empty or null protocol are listed with protocol null', async () => {
	const configs = ok(
		await run({ resource: 'remoteAccess', operation: 'getAll', scope: 'account', returnAll: true }),
	);
	expect(configs).toHaveLength(12);
	const mains = configs.filter((c) => c.is_main === true);
	expect(mains.length).toBeGreaterThan(0);
	for (const main of mains) expect(main.protocol).toBeNull();
	expect(configs.find((c) => c.id === 62004).protocol).toBeNull(); // null in the seed
});

test("a new config's id is not returned: create re-lists and returns it", async () => {
	const config = await firstItem({
		resource: 'remoteAccess',
		operation: 'create',
		device: rl('serial', '4444444444'),
		name: 'Ticket 4711 HTTPS',
		destinationIp: '192.168.2.10',
		destinationPort: 443,
		protocol: 'https',
	});
	expect(config).toMatchObject({
		id: 62101,
		access_id: 62101,
		device_id: 1004,
		configuration_name: 'Ticket 4711 HTTPS',
		destination_port: 443,
	});
	expect(apiLog({ method: 'POST', path: '/api/devices/remote-access' })[0].status).toBe(201);
	expect(apiLog({ method: 'GET', path: '/api/devices/remote-access' })).toHaveLength(1);
	// the generate-link step creates it once, then reuses it
	const link = {
		resource: 'connectSession',
		operation: 'generateLink',
		device: rl('id', '1005'),
		destinationIp: '192.168.5.40',
		destinationPort: 8080,
		protocol: 'http',
	};
	const first = ok(await run(link))[0];
	const second = ok(await run(link))[0];
	expect([first.config_created, second.config_created]).toEqual([true, false]);
	expect(second.access_id).toBe(first.access_id);
	expect(sim.rms.state().configs.filter((c) => c.name === 'http_192_168_5_40_8080')).toHaveLength(
		1,
	);
});

test('default page size 10: limit is always sent, Return All gets all 30 devices', async () => {
	const devices = ok(await run({ resource: 'device', operation: 'getAll', returnAll: true }));
	expect(devices).toHaveLength(30);
	expect(new Set(devices.map((d) => d.id)).size).toBe(30);
	for (const r of apiLog({ path: '/api/devices' })) expect(r.query.limit).toBeDefined();
	sim.reset();
	const few = ok(await run({ resource: 'device', operation: 'getAll', limit: 25 }));
	expect(few).toHaveLength(25);
});

test('a missing scope is 403, and the message names the scope to add', async () => {
	const result = await run(
		{ resource: 'connectSession', operation: 'start', accessId: 62002, duration: 600 },
		{ token: sim.rms.tokens.readOnly },
	);
	expect(result.error.message).toContain('lacks the scope "device_remote_access:write"');
	expect(String(result.error.httpCode)).toBe('403');
	expect(result.error.message).toContain('RMS said: Forbidden.');
	expect(apiLog()).toHaveLength(1);
});

test('a warning event is a failure with the event text', async () => {
	sim.setFaults({
		kind: 'channel',
		outcome: 'warning',
		route: 'POST /api/devices/connect/{access_id}',
	});
	const result = await run({
		resource: 'connectSession',
		operation: 'start',
		accessId: 62002,
		duration: 600,
	});
	expect(result.error.message).toMatch(
		/^RMS could not start a connect session for access ID 62002: .+ \[item 0\]$/,
	);
	expect(result.error.description).toContain('warning');
});

test('errorCode and errorcode are both read', async () => {
	// connect failures spell it errorCode, remote-access failures errorcode (device 1002 is offline)
	const connect = await run({
		resource: 'connectSession',
		operation: 'start',
		accessId: 62005,
		duration: 600,
	});
	const create = await run({
		resource: 'remoteAccess',
		operation: 'create',
		device: rl('id', '1002'),
		name: 'PLC_Two',
		destinationIp: '10.0.0.6',
		destinationPort: 80,
		protocol: 'http',
	});
	expect(connect.error.message).toMatch(/\(code -?\d+\) \[item 0\]$/);
	expect(create.error.message).toMatch(/\(code -?\d+\) \[item 0\]$/);
});

test('status channels are polled under the status URL, never under the API base', async () => {
	ok(await run({ resource: 'connectSession', operation: 'close', sessionId: 9001 }));
	const all = apiLog();
	expect(all.filter((r) => r.path.startsWith('/status/channel/')).length).toBeGreaterThan(0);
	expect(all.filter((r) => r.path.startsWith('/api/status'))).toEqual([]);
	expect(sim.rms.state().sessions.find((s) => s.id === 9001).end_time).toBeLessThanOrEqual(
		Math.ceil(Date.now() / 1000),
	);
});

test('a 429 with a long Retry-After is not hammered: one request, a quota message', async () => {
	sim.setFaults({ kind: 'status', status: 429, retryAfter: 3600, route: 'GET /api/devices' });
	const result = await run({ resource: 'device', operation: 'getAll', limit: 5 });
	expect(result.error.message).toBe(
		'RMS quota or rate limit reached while trying to list devices (429 Too Many Requests). RMS asks to wait 3600 s. [item 0]',
	);
	expect(apiLog()).toHaveLength(1);
});

test('device links: one POST with the duration, the bare link gets https://, no configuration or session', async () => {
	const [webui, cli] = ok(
		await run(
			{
				resource: 'device',
				operation: 'generateLink',
				device: rl('serial', '={{ $json.serial }}'),
				linkType: '={{ $json.type }}',
				duration: 900,
			},
			{
				input: [
					{ serial: '1111111111', type: 'webui' },
					{ serial: '1111111111', type: 'CLI' },
				],
			},
		),
	);
	const LINK = /^https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com$/;
	expect(webui).toMatchObject({ link: expect.stringMatching(LINK), link_type: 'webui' });
	expect(cli).toMatchObject({ link: expect.stringMatching(LINK), link_type: 'cli' });
	expect(webui.link).not.toBe(cli.link);
	for (const out of [webui, cli]) {
		expect(out).toMatchObject({ device_id: 1001, device_serial: '1111111111', duration: 900 });
		expect(out.expires_at).toMatch(ISO);
		expect(out.expires_at_unix * 1000).toBe(Date.parse(out.expires_at));
	}
	// per link: find the device, one POST (never repeated), then only status polls
	const posts = apiLog({ method: 'POST' });
	expect(posts.map((r) => [r.path, r.body])).toEqual([
		['/api/devices/1001/connect/webui', { duration: 900 }],
		['/api/devices/1001/connect/cli', { duration: 900 }],
	]);
	expect(apiLog({ path: '/api/devices' }).filter((r) => r.method === 'GET')).toHaveLength(2);
	expect(sim.stats()).toMatchObject({
		webuiLinks: 1,
		cliLinks: 1,
		configsCreated: 0,
		sessionsStarted: 0,
	});
});
