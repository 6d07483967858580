'use strict';

// Contract test: the RMS requests of the node against the vendor's OpenAPI document.
// (a) the checker catches mistakes, (b) the deviation list is real and used,
// (c) every request recorded while running the workflow fixtures fits the spec.
const fs = require('fs');
const path = require('path');
const {
	checkRequest,
	checkResponse,
	listOperations,
	loadSpec,
	matchRoute,
} = require('./openapi-contract');
const { deviations } = require('./spec-deviations');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNNER = path.join(ROOT, 'test', 'helpers', 'workflow-runner.js');
const FIXTURE_DIR = path.join(ROOT, 'test', 'rms', 'fixtures');
const VENDOR_DOC = path.join(ROOT, 'docs', 'vendor-behaviour.md');
const BASE = 'https://rms.teltonika-networks.com/api';
const STATUS = 'https://rms.teltonika-networks.com/status';

// The RMS operations the node's actions call.
const REQUIRED_OPERATIONS = [
	'GET /devices',
	'GET /devices/{id}',
	'GET /devices/remote-access',
	'POST /devices/remote-access',
	'DELETE /devices/remote-access',
	'POST /devices/connect/{access_id}',
	'GET /devices/connect/{access_id}/sessions',
	'DELETE /devices/connect/sessions/{session_id}',
	'GET /devices/connect/logs',
	'POST /devices/{id}/connect/webui',
	'POST /devices/{id}/connect/cli',
];

// The headings of docs/vendor-behaviour.md ("### RMS: status channels" -> "RMS: status channels").
const vendorHeadings = () =>
	fs
		.readFileSync(VENDOR_DOC, 'utf8')
		.split('\n')
		.filter((line) => /^#{2,4} /.test(line))
		.map((line) => line.replace(/^#+ /, '').trim());

const goodItem = {
	device_id: 777,
	name: 'Camera_HTTPS',
	destination_ip: '192.168.1.10',
	destination_port: 443,
	protocol: 'https',
	credentials_required: false,
};
const withItem = (patch) => ({ data: [{ ...goodItem, ...patch }] });

describe('(a) checkRequest', () => {
	test('parses the spec once and knows the operations the node needs', () => {
		expect(loadSpec()).toBe(loadSpec());
		expect(listOperations()).toEqual(expect.arrayContaining(REQUIRED_OPERATIONS));
	});

	test.each([
		['/devices/remote-access', '/devices/remote-access'],
		['/devices/70810', '/devices/{id}'],
		['/devices/connect/62375', '/devices/connect/{access_id}'],
		['/devices/connect/62375/sessions', '/devices/connect/{access_id}/sessions'],
		['/devices/connect/sessions/5', '/devices/connect/sessions/{session_id}'],
		['/devices/connect/status', '/devices/connect/status'],
	])('%s matches the template %s (literal segments win)', (p, template) => {
		expect(matchRoute(p).template).toBe(template);
	});

	test.each([
		[
			'deviceGet',
			{ method: 'GET', path: '/devices/70810', query: { fields: 'id,name,serial,status' } },
		],
		[
			'devicesGet',
			{
				method: 'GET',
				path: '/devices',
				query: { q: 'RUT', status: 'online', tag_id: '3', limit: '100', offset: '0' },
			},
		],
		[
			'getDeviceRemoteAccess',
			{ method: 'GET', path: '/devices/remote-access', query: { device_id: '777' } },
		],
		[
			'postDeviceRemoteAccess',
			{ method: 'POST', path: '/devices/remote-access', body: withItem({}) },
		],
		[
			'deleteDeviceRemoteAccess',
			{ method: 'DELETE', path: '/devices/remote-access', body: { id: [62375] } },
		],
		['rmsConnect', { method: 'POST', path: '/devices/connect/62375', body: { duration: 1800 } }],
		[
			'rmsConnectLinks',
			{ method: 'GET', path: '/devices/connect/62375/sessions', query: { active: 'true' } },
		],
		['closeRmsConnectSession', { method: 'DELETE', path: '/devices/connect/sessions/12' }],
		[
			'rmsConnectLogs',
			{
				method: 'GET',
				path: '/devices/connect/logs',
				query: {
					start_date: '2025-05-26 00:00:00',
					end_date: '2025-06-02 00:00:00',
					active: 'false',
					user_id: '4217',
					type: 'lan-webui',
					sort: 'start_date',
					limit: '100',
					offset: '0',
				},
			},
		],
		[
			'connectWebui',
			{ method: 'POST', path: '/devices/1001/connect/webui', body: { duration: 600 } },
		],
		['connectCli', { method: 'POST', path: '/devices/1001/connect/cli', body: { duration: 10 } }],
	])('accepts a correct %s request', (operationId, req) => {
		expect(checkRequest(req)).toMatchObject({ operationId, problems: [], deviations: [] });
	});

	test('strips the base URL from a full URL and reads the query from it', () => {
		const sim = 'http://127.0.0.1:4567/api';
		const res = checkRequest(
			{ method: 'GET', url: `${sim}/devices?limit=1&status=online`, body: '' },
			{ baseUrl: `${sim}/` },
		);
		expect(res).toMatchObject({ operationId: 'devicesGet', problems: [] });
		expect(checkRequest({ method: 'GET', url: `${BASE}/devices/70810` })).toMatchObject({
			operationId: 'deviceGet',
			problems: [],
		});
		expect(
			checkRequest({ method: 'POST', url: `${BASE}/devices/connect/1`, body: '{"duration":60}' })
				.problems,
		).toEqual([]);
	});

	test('reports status-channel requests as out of scope, not as problems', () => {
		const channel = '/status/channel/private-status.123.abc';
		for (const req of [
			{ path: channel },
			{ url: `https://rms.teltonika-networks.com${channel}` },
		]) {
			expect(
				checkRequest({ method: 'GET', ...req }, { baseUrl: BASE, statusUrl: STATUS }),
			).toMatchObject({ outOfScope: expect.any(String), problems: [] });
		}
		// ...but a status channel built from the REST base is the classic mistake
		// (docs/vendor-behaviour.md, RMS: status channels)
		expect(
			checkRequest({ method: 'GET', url: `${BASE}${channel}` }, { baseUrl: BASE }).problems,
		).toHaveLength(1);
	});

	// Mistakes the checker must catch: [what, request, the expected problem]
	test.each([
		['unknown path', { method: 'GET', path: '/device/70810' }, { in: 'path', keyword: 'path' }],
		['double slash', { method: 'GET', path: '//devices' }, { in: 'path', keyword: 'path' }],
		[
			'wrong method',
			{ method: 'PUT', path: '/devices/remote-access', body: { id: [1] } },
			{ in: 'method', keyword: 'method' },
		],
		[
			'wrong method on a template',
			{ method: 'GET', path: '/devices/connect/62375' },
			{ in: 'method' },
		],
		[
			'undeclared query param',
			{ method: 'GET', path: '/devices', query: { page: '2' } },
			{ in: 'query', name: 'page', keyword: 'undeclared' },
		],
		[
			'query value outside the enum',
			{ method: 'GET', path: '/devices/connect/1/sessions', query: { active: 'yes' } },
			{ in: 'query', keyword: 'enum' },
		],
		[
			'query value not an integer',
			{ method: 'GET', path: '/devices', query: { limit: 'ten' } },
			{ in: 'query', name: 'limit', keyword: 'type' },
		],
		[
			'query value below minimum',
			{ method: 'GET', path: '/devices', query: { limit: '-1' } },
			{ in: 'query', keyword: 'minimum' },
		],
		[
			'query param sent twice',
			{ method: 'GET', path: '/devices', query: { status: ['online', 'offline'] } },
			{ in: 'query', keyword: 'type' },
		],
		[
			'required query param missing',
			{ method: 'GET', path: '/devices/connect/logs', query: { end_date: '2025-01-01 00:00:00' } },
			{ name: 'start_date', keyword: 'required' },
		],
		[
			'date not in the Y-m-d H:i:s format',
			{
				method: 'GET',
				path: '/devices/connect/logs',
				query: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-02 00:00:00' },
			},
			{ in: 'query', name: 'start_date', keyword: 'format' },
		],
		[
			'path param not an integer',
			{ method: 'DELETE', path: '/devices/connect/sessions/abc' },
			{ in: 'path', name: 'session_id', keyword: 'type' },
		],
		[
			'path param below minimum',
			{ method: 'GET', path: '/devices/0' },
			{ in: 'path', name: 'id', keyword: 'minimum' },
		],
		[
			'body missing a required field',
			{
				method: 'POST',
				path: '/devices/remote-access',
				body: { data: [{ ...goodItem, destination_port: undefined }] },
			},
			{ pointer: '/data/0/destination_port', keyword: 'required' },
		],
		[
			'body missing its root field',
			{ method: 'DELETE', path: '/devices/remote-access', body: { ids: [1] } },
			{ pointer: '/id', keyword: 'required' },
		],
		[
			'body field of the wrong type',
			{ method: 'POST', path: '/devices/remote-access', body: withItem({ device_id: '777' }) },
			{ pointer: '/data/0/device_id', keyword: 'type' },
		],
		[
			'body not wrapped in data[]',
			{ method: 'POST', path: '/devices/remote-access', body: { data: goodItem } },
			{ pointer: '/data', keyword: 'type' },
		],
		[
			'protocol outside the enum',
			{ method: 'POST', path: '/devices/remote-access', body: withItem({ protocol: 'ftp' }) },
			{ pointer: '/data/0/protocol', keyword: 'enum' },
		],
		[
			'destination_ip not IPv4',
			{
				method: 'POST',
				path: '/devices/remote-access',
				body: withItem({ destination_ip: '192.168.1.300' }),
			},
			{ keyword: 'format' },
		],
		[
			'port above 65535',
			{
				method: 'POST',
				path: '/devices/remote-access',
				body: withItem({ destination_port: 70000 }),
			},
			{ keyword: 'maximum' },
		],
		[
			'name shorter than 3',
			{ method: 'POST', path: '/devices/remote-access', body: withItem({ name: 'ab' }) },
			{ pointer: '/data/0/name', keyword: 'minLength' },
		],
		[
			'duration below 10 s',
			{ method: 'POST', path: '/devices/connect/1', body: { duration: 5 } },
			{ pointer: '/duration', keyword: 'minimum' },
		],
		[
			'duration as a string',
			{ method: 'POST', path: '/devices/connect/1', body: { duration: '1800' } },
			{ pointer: '/duration', keyword: 'type' },
		],
		[
			'device link duration below 10 s',
			{ method: 'POST', path: '/devices/1001/connect/cli', body: { duration: 9 } },
			{ pointer: '/duration', keyword: 'minimum' },
		],
		[
			'device link without a duration',
			{ method: 'POST', path: '/devices/1001/connect/webui', body: {} },
			{ pointer: '/duration', keyword: 'required' },
		],
		[
			'body missing',
			{ method: 'POST', path: '/devices/connect/1' },
			{ in: 'body', keyword: 'required' },
		],
		[
			'body that is not JSON',
			{ method: 'POST', path: '/devices/connect/1', body: 'duration=60' },
			{ in: 'body', keyword: 'json' },
		],
		[
			'body on an operation without one',
			{ method: 'DELETE', path: '/devices/connect/sessions/1', body: { id: 1 } },
			{ in: 'body', keyword: 'body' },
		],
		[
			'URL not under the REST base',
			{ method: 'GET', url: 'https://rms.teltonika-networks.com/devices' },
			{ in: 'url', keyword: 'base' },
		],
	])('catches: %s', (_what, req, expected) => {
		const { problems } = checkRequest(req, { baseUrl: req.url ? BASE : undefined });
		expect(problems).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
	});

	test('a deviation covers only what it names', () => {
		const post = (protocol) =>
			checkRequest({
				method: 'POST',
				path: '/devices/remote-access',
				body: withItem({ protocol }),
			});
		expect(post('sftp')).toMatchObject({
			problems: [],
			deviations: [expect.objectContaining({ id: 'protocol-sftp-telnet' })],
		});
		expect(post('ftp').problems).toHaveLength(1);
		const list = (query) => checkRequest({ method: 'GET', path: '/devices/remote-access', query });
		expect(list({ limit: '100', offset: '0' }).problems).toEqual([]);
		expect(list({ limit: 'all' }).problems).toEqual([
			expect.objectContaining({ name: 'limit', keyword: 'undeclared' }),
		]);
		expect(list({ page: '1' }).problems).toHaveLength(1);
		// without the list, the spec alone flags the same request
		expect(list({ limit: '100' }).deviations).toHaveLength(1);
		expect(
			checkRequest(
				{ method: 'GET', path: '/devices/remote-access', query: { limit: '100' } },
				{ deviations: [] },
			).problems,
		).toHaveLength(1);
	});

	test('handles OpenAPI nullable and resolves $refs in responses', () => {
		const device = {
			success: true,
			data: { id: 70810, name: 'RUT', status: null, latitude: null },
		};
		expect(
			checkResponse({ method: 'GET', path: '/devices/70810', status: 200, body: device }).problems,
		).toEqual([]);
		const bad = { success: true, data: { id: 'x' } };
		expect(
			checkResponse({ method: 'GET', path: '/devices/70810', status: 200, body: bad }).problems,
		).toEqual([expect.objectContaining({ pointer: '/data/id', keyword: 'type' })]);
	});
});

describe('(b) spec deviations', () => {
	const operations = new Set(listOperations());

	test('ids are unique and every entry is complete', () => {
		expect(new Set(deviations.map((d) => d.id)).size).toBe(deviations.length);
		for (const d of deviations) {
			expect(d).toEqual(
				expect.objectContaining({
					id: expect.any(String),
					operation: expect.any(String),
					what: expect.any(String),
					reason: expect.any(String),
				}),
			);
			expect(d.source).toMatch(/^docs\/vendor-behaviour\.md, \S/);
			expect(['request', 'response']).toContain(d.side);
			expect(['tolerate', 'require', 'note']).toContain(d.kind);
		}
	});

	test.each(deviations.map((d) => [d.id, d]))(
		'%s cites a heading of docs/vendor-behaviour.md',
		(_id, d) => {
			const heading = d.source.replace(/^docs\/vendor-behaviour\.md, /, '');
			expect(vendorHeadings()).toContain(heading);
		},
	);

	test.each(deviations.map((d) => [d.id, d]))(
		'%s refers to an operation that exists in the spec',
		(_id, d) => {
			expect(operations).toContain(d.operation);
		},
	);

	test.each(deviations.map((d) => [d.id, d]))(
		'%s: the spec really says otherwise, and the list is applied',
		(_id, d) => {
			if (d.kind === 'note') {
				expect(d.specSays(loadSpec().spec)).toBe(true);
				return;
			}
			const check = d.side === 'request' ? checkRequest : checkResponse;
			const raw = check(d.example, { deviations: [] });
			const applied = check(d.example);
			expect(raw.operation).toBe(d.operation);
			if (d.kind === 'tolerate') {
				expect(raw.problems.length).toBeGreaterThan(0);
				expect(applied.problems).toEqual([]);
				expect(applied.deviations.map((x) => x.id)).toContain(d.id);
			} else {
				expect(raw.problems).toEqual([]);
				expect(applied.problems).toEqual([expect.objectContaining({ deviation: d.id })]);
			}
		},
	);
});

// ---------------------------------------------------------------------------------------------
// (c) The real contract test. Waits only for the runner file; once it exists, no fixtures = fail.

const runnerReady = fs.existsSync(RUNNER);
if (!runnerReady) {
	test.todo('(c) contract of the workflow fixtures: waiting for test/helpers/workflow-runner.js');
}

(runnerReady ? describe : describe.skip)(
	'(c) every RMS request of the workflow fixtures fits the spec',
	() => {
		const runs = [];
		let fixtures = [];

		beforeAll(async () => {
			const { runWorkflowFixture } = require(RUNNER);
			fixtures = fs.existsSync(FIXTURE_DIR)
				? fs
						.readdirSync(FIXTURE_DIR, { recursive: true })
						.filter((f) => f.endsWith('.workflow.json'))
						.sort()
						.map((f) => path.join(FIXTURE_DIR, f))
				: [];
			// one at a time: the fixtures' nock mocks are global
			for (const file of fixtures)
				runs.push({ file: path.relative(ROOT, file), result: await runWorkflowFixture(file) });
		}, 300000);

		function endpointsOf(result) {
			const creds = result.credentials || {};
			const c = creds.teltonikaRmsApi || creds.teltonikaRmsOAuth2Api || {};
			return {
				baseUrl: String(c.baseUrl || BASE).replace(/\/+$/, ''),
				statusUrl: String(c.statusUrl || STATUS).replace(/\/+$/, ''),
			};
		}

		// Requests to the REST base are checked; status polls are out of scope; OAuth and foreign hosts are not RMS REST calls.
		function checked() {
			const out = [];
			for (const { file, result } of runs) {
				const { baseUrl, statusUrl } = endpointsOf(result);
				for (const req of result.requests.filter((r) => r.url)) {
					const sameOrigin = new URL(req.url).origin === new URL(baseUrl).origin;
					const isRest = req.url.startsWith(`${baseUrl}/`) || req.url.startsWith(`${baseUrl}?`);
					if (
						!isRest &&
						(req.url.startsWith(statusUrl) ||
							!sameOrigin ||
							new URL(req.url).pathname.startsWith('/account/'))
					)
						continue;
					out.push({ file, req, res: checkRequest(req, { baseUrl, statusUrl }) });
				}
			}
			return out;
		}

		test('finds the workflow fixtures', () => {
			if (!fixtures.length)
				throw new Error(
					`No fixtures under ${path.relative(ROOT, FIXTURE_DIR)}/**/*.workflow.json: the contract test has nothing to check`,
				);
		});

		test('sends no request the spec does not allow (deviations aside)', () => {
			const lines = checked().flatMap(({ file, req, res }) =>
				res.problems.map((p) => `${file}: ${req.method} ${req.url}: ${p.message}`),
			);
			expect(lines).toEqual([]);
		});

		test('covers every operation the node needs', () => {
			const covered = new Set(
				checked()
					.map((c) => c.res.operation)
					.filter(Boolean),
			);
			const used = new Set(checked().flatMap((c) => c.res.deviations.map((d) => d.id)));
			console.log(
				`RMS contract: ${runs.length} fixtures; operations covered:\n  ${[...covered].sort().join('\n  ')}\ndeviations used: ${[...used].sort().join(', ') || 'none'}`,
			);
			expect([...covered]).toEqual(expect.arrayContaining(REQUIRED_OPERATIONS));
		});

		test('every "only if sent" deviation is still needed', () => {
			const used = new Set(checked().flatMap((c) => c.res.deviations.map((d) => d.id)));
			const stale = deviations.filter((d) => d.onlyIfSent && !used.has(d.id)).map((d) => d.id);
			expect(stale).toEqual([]); // no fixture request needs them: remove them from spec-deviations.js
		});
	},
);
