// The simulator's GET /api/devices/connect/logs: the spec's validation, filters, sort and paging,
// sessions recorded as logs, and seeding older logs in process and over /__sim/.
const { startSimulator } = require('.');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, channelCompleteMs: 20 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const MARCH = { start_date: '2026-03-01 00:00:00', end_date: '2026-03-31 23:59:59' };

async function logs(query, token = sim.rms.tokens.full) {
	const res = await fetch(`${sim.rms.baseUrl}/devices/connect/logs?${new URLSearchParams(query)}`, {
		headers: { authorization: `Bearer ${token}` },
	});
	return { status: res.status, body: await res.json() };
}

const seed = (n, extra = {}) =>
	sim.rms.addConnectLogs(
		Array.from({ length: n }, (_, k) => ({
			start_time: `2026-03-0${1 + (k % 9)} 10:00:00`,
			end_time: `2026-03-0${1 + (k % 9)} 10:30:00`,
			...extra,
		})),
	);

test.each([
	['no start_date', { end_date: MARCH.end_date }, 'start_date', /field is required/],
	['no end_date', { start_date: MARCH.start_date }, 'end_date', /field is required/],
	['an ISO date', { ...MARCH, start_date: '2026-03-01T00:00:00Z' }, 'start_date', /Y-m-d H:i:s/],
	[
		'a date that does not exist',
		{ ...MARCH, end_date: '2026-02-30 00:00:00' },
		'end_date',
		/Y-m-d/,
	],
	['end before start', { ...MARCH, end_date: '2026-02-01 00:00:00' }, 'end_date', /after or equal/],
	['active=yes', { ...MARCH, active: 'yes' }, 'active', /invalid/],
	['user_id=0', { ...MARCH, user_id: '0' }, 'user_id', /at least 1/],
	['type=ssh', { ...MARCH, type: 'ssh' }, 'type', /invalid/],
	['sort=username', { ...MARCH, sort: 'username' }, 'sort', /invalid/],
	['limit=-1', { ...MARCH, limit: '-1' }, 'limit', /at least 0/],
])('%s is a 422 naming the parameter', async (_what, query, source, message) => {
	const { status, body } = await logs(query);
	expect(status).toBe(422);
	expect(body).toEqual({
		success: false,
		errors: [{ code: 'VALIDATION_ERROR', source, message: expect.stringMatching(message) }],
	});
});

test('needs device_remote_access:read', async () => {
	expect((await logs(MARCH, sim.rms.tokens.devicesOnly)).status).toBe(403);
	expect((await logs(MARCH, sim.rms.tokens.readOnly)).status).toBe(200);
});

test('pages by limit/offset (default 10, no maximum) with meta.total', async () => {
	const ids = seed(25);
	const first = await logs(MARCH);
	expect(first.body.data.map((l) => l.id)).toEqual(ids.slice(0, 10));
	expect(first.body.meta.total).toBe(25);
	const rest = await logs({ ...MARCH, limit: '1000', offset: '20' });
	expect(rest.body.data.map((l) => l.id)).toEqual(ids.slice(20));
});

test('filters by range (start time), active, user, type; sorts with a leading dash', async () => {
	const [cli77] = seed(1, { type: 'cli', user_id: 77, username: 'jonas@acme.example' });
	const [web] = seed(1, { type: 'webui', start_time: '2026-03-05 08:00:00' });
	seed(1, { start_time: '2026-04-01 00:00:00', end_time: '2026-04-01 01:00:00' });
	const all = await logs({ ...MARCH, sort: '-start_date' });
	expect(all.body.data.map((l) => l.id)).toEqual([web, cli77]);
	expect(all.body.data[1]).toEqual({
		id: cli77,
		type: 'cli',
		start_time: '2026-03-01 10:00:00+00:00',
		end_time: '2026-03-01 10:30:00+00:00',
		input_data: 0,
		output_data: 0,
		username: 'jonas@acme.example',
		company_name: 'Acme Field Services',
	});
	expect((await logs({ ...MARCH, user_id: '77' })).body.data.map((l) => l.id)).toEqual([cli77]);
	expect((await logs({ ...MARCH, type: 'webui' })).body.data.map((l) => l.id)).toEqual([web]);
	expect((await logs({ ...MARCH, active: 'true' })).body.data).toEqual([]);
	expect((await logs({ ...MARCH, active: 'false' })).body.meta).toMatchObject({
		total: 2,
		filters: { active: ['false'] },
	});
});

test('a session started through the connect endpoint is logged; reset() drops seeded logs', async () => {
	seed(2);
	const headers = {
		authorization: `Bearer ${sim.rms.tokens.full}`,
		'content-type': 'application/json',
	};
	const res = await fetch(`${sim.rms.baseUrl}/devices/connect/62009`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ duration: 600 }),
	});
	expect(res.status).toBe(200);
	await new Promise((resolve) => setTimeout(resolve, 60));
	sim.rms.state(); // lets the channel complete
	const fmt = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
	const now = { start_date: fmt(Date.now() - 60e3), end_date: fmt(Date.now() + 60e3) };
	const started = await logs({ ...now, active: 'true' });
	expect(started.body.data).toEqual([
		expect.objectContaining({ id: 9101, type: 'lan-webui', username: 'integrations@acme.example' }),
	]);
	sim.reset();
	expect((await logs(MARCH)).body.meta.total).toBe(0);
});

test('older logs can be seeded over /__sim/rms/addConnectLogs', async () => {
	const res = await fetch(`${sim.url}/__sim/rms/addConnectLogs`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			value: [{ start_time: '2026-03-10 08:00:00', end_time: '2026-03-10T08:45:00Z', type: 'cli' }],
		}),
	});
	expect(await res.json()).toEqual({ result: [8001] });
	const { body } = await logs(MARCH);
	expect(body.data).toEqual([
		expect.objectContaining({ id: 8001, type: 'cli', end_time: '2026-03-10 08:45:00+00:00' }),
	]);
});
