// Teltonika RMS in a real n8n: the credential, the examples and one workflow per operation,
// each with the assertions on its output. test/e2e/run.js runs every suite listed in suites/index.js.
'use strict';
const { RMS_TYPE } = require('../../helpers/remote-access-workflows');
const assert = require('assert');
const shared = require('../vendor-suite');
const { RMS_ACTIVE_SESSIONS, RMS_LOGS_LAST_7_DAYS } = require('../../helpers/operation-parameters');

const { RMS: CREDENTIAL, credentials, refOf } = require('../../../simulator/credentials');
const OFFICE = { __rl: true, mode: 'serial', value: '1111111111' };
const LINK = /^https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com$/;
const fast = { pollInterval: 0.5 };

const rmsStats = (sim) => sim.stats().personalities.rms;

// One workflow per operation: Manual Trigger → Teltonika RMS. `check(outputs, ctx)` gets
// { [nodeName]: [json, ...] } and { sim }; the simulator is reset before each run.
const operations = [
	{
		key: 'device.get',
		parameters: { resource: 'device', operation: 'get', device: OFFICE, options: {} },
		check([d]) {
			assert.strictEqual(d.id, 1001);
			assert.strictEqual(d.name, 'RUTX11 Office');
			assert.strictEqual(d.status_name, 'online');
		},
	},
	{
		key: 'device.getAll',
		parameters: {
			resource: 'device',
			operation: 'getAll',
			returnAll: true,
			filters: {},
			options: {},
		},
		check(items) {
			assert.strictEqual(items.length, 30, 'all 30 devices across pages of 10');
		},
	},
	{
		key: 'remoteAccess.create',
		parameters: {
			resource: 'remoteAccess',
			operation: 'create',
			device: { __rl: true, mode: 'id', value: '1001' },
			name: 'E2E_Create_HTTP',
			destinationIp: '192.168.1.50',
			destinationPort: 8080,
			protocol: 'http',
			options: fast,
		},
		check([c], { sim }) {
			assert.ok(c.id >= 62101, `new access id, got ${c.id}`);
			assert.strictEqual(c.configuration_name, 'E2E_Create_HTTP');
			assert.strictEqual(c.access_id, c.id);
			assert.strictEqual(c.destination_ip, '192.168.1.50');
			assert.strictEqual(c.destination_port, 8080);
			assert.strictEqual(rmsStats(sim).configsCreated, 1);
		},
	},
	{
		key: 'remoteAccess.getAccessId',
		parameters: {
			resource: 'remoteAccess',
			operation: 'getAccessId',
			device: OFFICE,
			name: 'Camera_HTTPS',
			options: {},
		},
		check([c]) {
			assert.strictEqual(c.id, 62002);
			assert.strictEqual(c.configuration_name, 'Camera_HTTPS');
			assert.strictEqual(c.protocol, 'https');
		},
	},
	{
		key: 'remoteAccess.getAll',
		parameters: {
			resource: 'remoteAccess',
			operation: 'getAll',
			scope: 'account',
			returnAll: true,
			options: {},
		},
		check(items) {
			assert.deepStrictEqual(
				items.map((c) => c.id).sort(),
				Array.from({ length: 12 }, (_, i) => 62001 + i),
			);
		},
	},
	{
		key: 'remoteAccess.delete',
		parameters: { resource: 'remoteAccess', operation: 'delete', accessId: 62005, options: fast },
		check([r], { sim }) {
			assert.deepStrictEqual(r, { access_id: 62005, deleted: true });
			assert.ok(!sim.rms.state().configs.some((c) => Number(c.id) === 62005), '62005 gone');
		},
	},
	{
		key: 'connectSession.generateLink',
		parameters: {
			resource: 'connectSession',
			operation: 'generateLink',
			device: OFFICE,
			destinationIp: '192.168.1.10',
			destinationPort: 443,
			protocol: 'https',
			duration: 600,
			name: 'E2E_Link_HTTPS',
			options: fast,
		},
		check([r], { sim }) {
			assert.match(r.link, LINK);
			assert.strictEqual(r.device_id, 1001);
			assert.strictEqual(r.device_serial, '1111111111');
			assert.strictEqual(r.configuration_name, 'E2E_Link_HTTPS');
			assert.strictEqual(r.destination_ip, '192.168.1.10');
			assert.strictEqual(r.destination_port, 443);
			assert.strictEqual(r.config_created, true);
			assert.strictEqual(rmsStats(sim).sessionsStarted, 1);
		},
	},
	{
		key: 'connectSession.start',
		parameters: {
			resource: 'connectSession',
			operation: 'start',
			accessId: 62003,
			duration: 600,
			options: fast,
		},
		check([r]) {
			assert.match(r.link, LINK);
			assert.strictEqual(r.access_id, 62003);
			assert.ok(Date.parse(r.expires_at) > Date.now());
			assert.strictEqual(r.expires_at_unix * 1000, Date.parse(r.expires_at));
		},
	},
	{
		key: 'connectSession.getAll',
		parameters: { ...RMS_ACTIVE_SESSIONS, options: {} },
		check(items) {
			assert.deepStrictEqual(items.map((s) => s.id).sort(), [9001, 9003]);
			assert.ok(items.every((s) => s.active === true));
			// the one vocabulary: identifying columns first, link and ISO expiry, no "ip:port"
			for (const s of items) {
				assert.deepStrictEqual(Object.keys(s).slice(0, 5), [
					'id',
					'access_id',
					'device_id',
					'device_name',
					'configuration_name',
				]);
				assert.match(s.link, LINK);
				assert.match(s.expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
				assert.ok(typeof s.destination_ip === 'string' && !('destination' in s));
			}
		},
	},
	{
		key: 'connectSession.close',
		parameters: { resource: 'connectSession', operation: 'close', sessionId: 9003, options: fast },
		check([r], { sim }) {
			assert.deepStrictEqual(r, { session_id: 9003, closed: true });
			assert.strictEqual(rmsStats(sim).sessionsClosed, 1);
		},
	},
	{
		key: 'connectSession.getLogs',
		parameters: {
			...RMS_LOGS_LAST_7_DAYS,
			filters: { sort: '-start_date' },
			options: {},
		},
		check(items, { sim }) {
			// the seed's four sessions of the last two days, newest first, times in ISO
			assert.deepStrictEqual(
				items.map((l) => l.id),
				[9003, 9001, 9004, 9002],
			);
			assert.match(items[0].started_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
			assert.strictEqual(items[0].started_at_unix * 1000, Date.parse(items[0].started_at));
			assert.strictEqual(items[0].type, 'lan-webui');
			const [req] = sim.requests({ path: '/api/devices/connect/logs' });
			assert.match(req.query.start_date, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			assert.strictEqual(req.query.sort, '-start_date');
		},
	},
	deviceLink('webui', OFFICE, 600, 'webuiLinks'),
	deviceLink('cli', { __rl: true, mode: 'id', value: '1001' }, 120, 'cliLinks'),
];

// Generate device link: a link to the router's own WebUI or CLI, no configuration involved.
function deviceLink(linkType, device, duration, counter) {
	return {
		key: linkType === 'webui' ? 'device.generateLink' : 'device.generateLink.cli',
		parameters: {
			resource: 'device',
			operation: 'generateLink',
			device,
			linkType,
			duration,
			options: fast,
		},
		check([r], { sim }) {
			assert.match(r.link, LINK);
			assert.strictEqual(r.link_type, linkType);
			assert.strictEqual(r.device_id, 1001);
			assert.strictEqual(r.duration, duration);
			const ttl = (Date.parse(r.expires_at) - Date.now()) / 1000;
			assert.ok(ttl > 0 && ttl <= duration, `expires within ${duration} s, got ${ttl}`);
			const stats = rmsStats(sim);
			assert.strictEqual(stats[counter], 1, `${counter}: one link made`);
			assert.strictEqual(stats.webuiLinks + stats.cliLinks, 1, 'no other link made');
			assert.strictEqual(stats.configsCreated, 0, 'no remote-access configuration');
			assert.strictEqual(stats.sessionsStarted, 0, 'no Connect session');
		},
	};
}

// The examples as shipped in examples/. `via: 'cli'` runs `n8n execute --id` (needs a Manual
// Trigger); `via: 'webhook'` publishes the workflow and calls it over HTTP on the running server.
// The ticket system's call of the example's webhook (a router's serial, a LAN address and port).
const ticketWebhook = (fields) => ({
	method: 'POST',
	path: 'rms-ticket-connect-link',
	body: { serial: '1111111111', lan_ip: '192.168.1.10', port: 443, protocol: 'https', ...fields },
});

const examples = [
	{
		file: 'examples/rms-active-sessions-report.json',
		via: 'cli',
		check(out, { run, sim }) {
			// Quota-light: the account's active sessions from one Connect logs request.
			assert.strictEqual(sim.stats().requests, 1, `RMS requests: ${sim.stats().requests}`);
			const html = out['HTML table'][0].table;
			assert.match(html, /<table/);
			assert.match(html, /9001/);
			assert.match(html, /9003/);
			shared.assertSessionsCsv(run, 'CSV file', 'active-rms-sessions.csv', '2 active sessions');
		},
	},
	{
		file: 'examples/rms-ticket-connect-link.json',
		via: 'webhook',
		webhook: ticketWebhook({ ticket_id: '4711' }),
		check(res, { sim }) {
			assert.strictEqual(res.status, 200, `HTTP ${res.status}: ${res.text.slice(0, 300)}`);
			assert.ok(
				res.json && res.json.link,
				`no link in the answer: ${JSON.stringify(res.text.slice(0, 300))}`,
			);
			assert.match(res.json.link, LINK);
			assert.strictEqual(res.json.ticket_id, '4711');
			assert.strictEqual(res.json.configuration_name, 'Ticket_4711_HTTPS');
			assert.strictEqual(rmsStats(sim).sessionsStarted, 1);
		},
	},
	// The weekly audit, run now: sessions seeded 3 days ago are in the table and the file, the one
	// from 9 days ago is not; 110 sessions in the week cost two requests.
	{
		file: 'examples/rms-weekly-connect-audit.json',
		via: 'cli',
		setup(sim) {
			const dayAgo = (days, minutes = 0) => Date.now() - days * 86400e3 + minutes * 60e3;
			const week = Array.from({ length: 106 }, (_, k) => ({
				start_time: dayAgo(3, k),
				end_time: dayAgo(3, k + 20),
				type: k % 2 ? 'cli' : 'webui',
				user_id: 5120,
				username: 'auditor@acme.example',
			}));
			sim.rms.addConnectLogs([...week, { start_time: dayAgo(9), end_time: dayAgo(9, 30) }]);
		},
		check(out, { run, sim }) {
			const html = out['HTML table'][0].table;
			assert.match(html, /<table/);
			assert.match(html, /RMS Connect sessions of the last 7 days/);
			for (const id of [8001, 8106, 9001, 9002, 9003, 9004])
				assert.match(html, new RegExp(`>${id}<`));
			assert.doesNotMatch(html, />8107</, 'the session of 9 days ago is left out');
			assert.match(html, /auditor@acme\.example/);
			const csvItem = run.data.resultData.runData['CSV file'][0].data.main[0][0];
			assert.ok(csvItem.binary && csvItem.binary.data, 'CSV file has binary data');
			assert.match(csvItem.binary.data.fileName, /^rms-connect-audit-\d{4}-\d{2}-\d{2}\.csv$/);
			if (csvItem.binary.data.data && csvItem.binary.data.data !== 'filesystem-v2') {
				const csv = Buffer.from(csvItem.binary.data.data, 'base64').toString('utf8');
				const lines = csv.trim().split('\n');
				assert.match(lines[0], /Session/);
				assert.strictEqual(lines.length, 1 + 110, 'header + 106 seeded + 4 seed sessions');
				assert.ok(lines.some((l) => l.startsWith('8106,')));
				assert.ok(!lines.some((l) => l.startsWith('8107,')));
			}
			assert.strictEqual(sim.stats().routes['GET /api/devices/connect/logs'], 2);
		},
	},
	// Failures answer through the node's error output: 422 when the ticket's data is wrong (an
	// unknown serial too: the ticket names a router this account does not have), 502 when RMS failed.
	ticketFailure('bad LAN IP → 422', { lan_ip: '192.168.1.300' }, 422, [
		/LAN IP/,
		/192\.168\.1\.300/,
	]),
	ticketFailure('unknown serial → 422', { serial: '9999999999' }, 422, [
		/serial number/,
		/9999999999/,
	]),
	ticketFailure('RMS answers 500 on the create → 502', {}, 502, [/RMS/, /500/], (sim) =>
		sim.setFaults({ kind: 'status', status: 500, route: 'POST /api/devices/remote-access' }),
	),
];

// The ticket example called with a bad ticket: HTTP status, the node's message (which names the
// field or the service) in `error`, and no session started.
function ticketFailure(label, change, status, patterns, setup) {
	return {
		file: 'examples/rms-ticket-connect-link.json',
		label,
		via: 'webhook',
		webhook: ticketWebhook({ ticket_id: '4712', ...change }),
		setup,
		check(res, { sim }) {
			shared.assertFailureAnswer(res, {
				status,
				patterns,
				ticketField: 'ticket_id',
				ticket: '4712',
			});
			assert.strictEqual(rmsStats(sim).sessionsStarted, 0);
		},
	};
}

// Fresh nodes (only resource and operation set) as the editor shows them to a user who adds one.
const fields = { workflowId: 'rmsEditorFields1' };
const freshNode = (name, parameters, x) => ({
	id: `${fields.workflowId}-${x}`,
	name,
	type: RMS_TYPE,
	typeVersion: 'default', // the version a node added now gets (editor-views.js)
	position: [x, 0],
	parameters,
	credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
});
const EDITOR_FIELDS = {
	id: fields.workflowId,
	name: 'E2E Teltonika RMS: fresh nodes in the editor',
	nodes: [
		freshNode('Get device', { resource: 'device', operation: 'get' }, 0),
		freshNode('Start connect session', { resource: 'connectSession', operation: 'start' }, 300),
		freshNode('Close session', { resource: 'connectSession', operation: 'close' }, 600),
	],
	connections: {},
	settings: { executionOrder: 'v1' },
	pinData: {},
	active: false,
};

module.exports = {
	name: 'Teltonika RMS',
	key: 'rms',
	nodeType: RMS_TYPE,
	credentialType: CREDENTIAL.type,
	// Records for `n8n import:credentials`, pointing at the running simulator.
	credentials: credentials.rms,
	credentialRef: refOf(CREDENTIAL),
	operations,
	examples,
	// What the editor test looks for (editor.js, editor-views.js).
	editor: {
		search: 'Teltonika',
		nodeDisplayName: 'Teltonika RMS',
		actions: [
			'Get a device',
			'Create a remote access',
			'Get an access ID',
			'Start a connect session',
			'Get many connect sessions',
		],
		credentialName: CREDENTIAL.name,
		credentialTestPath: '/api/devices', // what the credential's Test calls on the simulator
		workflowId: 'rmsSessionsReport1', // opened for the node panel and run from the canvas
		runTrigger: 'Run now',
		runExpectSuccess: ['List sessions', 'HTML table', 'CSV file'],
		// Each opened on the canvas: its sticky notes must say what it does and what to change.
		examples: [
			'examples/rms-active-sessions-report.json',
			'examples/rms-ticket-connect-link.json',
			'examples/rms-weekly-connect-audit.json',
			'examples/rms-router-offline-ticket.json',
			'examples/rms-mcp-server.json',
		],
		workflows: [EDITOR_FIELDS],
		locators: [{ ...fields, node: 'Get device', parameter: 'device', field: 'Device' }],
		toggles: [{ ...fields, node: 'Get device', label: 'Simplify', on: true }],
		emptyFields: [
			{ ...fields, node: 'Start connect session', label: 'Access ID' },
			{ ...fields, node: 'Close session', label: 'Session ID' },
		],
	},
};
