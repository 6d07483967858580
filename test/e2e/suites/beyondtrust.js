// BeyondTrust Remote Support in a real n8n: the OAuth2 client-credentials credential, both examples,
// one workflow per operation with assertions on its output, and the token economy of 20 concurrent
// webhook executions in one n8n server. test/e2e/run.js runs every suite listed in suites/index.js.
'use strict';
const { BT_TYPE } = require('../../helpers/remote-access-workflows');
const assert = require('assert');
const shared = require('../vendor-suite');
const { BT_ACTIVE_SESSIONS, BT_SESSION_LISTING } = require('../../helpers/operation-parameters');
const { FIXTURES } = require('../../../simulator/beyondtrust/seed');

// The id and name the examples in examples/ reference.
const { BEYONDTRUST: CREDENTIAL, credentials, refOf } = require('../../../simulator/credentials');
const { lsids } = FIXTURES; // deterministic: the seed derives them from fixed numbers
const KEY_URL = /^https:\/\/support\.example\.com\/\?ak=[0-9a-f]{32}$/;
const CONCURRENT = 20;

const btStats = (sim) => sim.stats().personalities.beyondtrust;

const operations = [
	{
		key: 'sessionKey.generate',
		parameters: {
			resource: 'sessionKey',
			operation: 'generate',
			queueType: 'general',
			externalKey: 'INC-E2E-1',
			ttl: 1800,
			additionalFields: {},
		},
		check([k], { sim }) {
			assert.match(k.link, KEY_URL);
			assert.strictEqual(typeof k.expires_at_unix, 'number');
			assert.strictEqual(k.expires_at, new Date(k.expires_at_unix * 1000).toISOString());
			assert.match(String(k.short_key), /^\d{7}$/);
			assert.strictEqual(k.external_key, 'INC-E2E-1');
			assert.strictEqual(k.ttl, 1800);
			assert.strictEqual(k.queue, 'general');
			assert.strictEqual(btStats(sim).btSessionKeysGenerated, 1);
			assert.strictEqual(btStats(sim).btTokensMinted, 1, 'one token for the execution');
		},
	},
	{
		key: 'session.getAll',
		parameters: { ...BT_ACTIVE_SESSIONS, filters: {} },
		check(items) {
			assert.deepStrictEqual(
				items.map((s) => s.lsid),
				[lsids.activeTicket, lsids.activeNoTicket],
			);
			assert.ok(
				items.every(
					(s) => s.active === true && s.ended_at === null && typeof s.started_at_unix === 'number',
				),
				'only running sessions',
			);
			assert.strictEqual(items[0].external_key, 'INC-1001');
			assert.strictEqual(items[0].primary_rep, 'Alice Agent');
		},
	},
	{
		key: 'session.get',
		parameters: {
			resource: 'session',
			operation: 'get',
			lsid: lsids.activeTicket,
			includeEvents: true,
		},
		check([s]) {
			assert.strictEqual(s.lsid, lsids.activeTicket);
			assert.strictEqual(s.active, true);
			assert.strictEqual(s.events.length, 2);
		},
	},
	{
		key: 'session.terminate',
		parameters: { resource: 'session', operation: 'terminate', lsid: lsids.activeNoTicket },
		check(items, { sim }) {
			assert.deepStrictEqual(items, [
				{ lsid: lsids.activeNoTicket, terminated: true, message: 'Successfully terminated' },
			]);
			assert.strictEqual(btStats(sim).btSessionsTerminated, 1);
		},
	},
	{
		key: 'representative.getAll',
		parameters: { resource: 'representative', operation: 'getAll', returnAll: true },
		check(items) {
			assert.deepStrictEqual(
				items.map((r) => r.display_name),
				['Alice Agent', 'Bob Builder'],
			);
		},
	},
	{
		key: 'team.getAll',
		parameters: { resource: 'team', operation: 'getAll', returnAll: true },
		check(items) {
			assert.deepStrictEqual(
				items.map((t) => t.queue_id),
				['team:1', 'team:2'],
			);
		},
	},
	{
		key: 'session.setAttributes',
		parameters: {
			resource: 'session',
			operation: 'setAttributes',
			lsid: lsids.activeTicket,
			externalKey: 'INC-E2E-2',
			customAttributes: { attribute: [{ name: 'priority', value: 'P2' }] },
		},
		check(items, { sim }) {
			assert.deepStrictEqual(items, [
				{
					lsid: lsids.activeTicket,
					success: true,
					message: 'Session attributes were set',
					external_key: 'INC-E2E-2',
					custom_attributes: { priority: 'P2' },
				},
			]);
			const stored = sim.beyondtrust.state().sessions.find((s) => s.lsid === lsids.activeTicket);
			assert.strictEqual(stored.externalKey, 'INC-E2E-2');
			assert.strictEqual(stored.custom.priority, 'P2');
		},
	},
	{
		key: 'session.getAttributes',
		parameters: { resource: 'session', operation: 'getAttributes', lsid: lsids.activeTicket },
		check(items) {
			assert.deepStrictEqual(items, [
				{
					lsid: lsids.activeTicket,
					external_key: 'INC-1001',
					custom_attributes: { ticket: 'INC-1001' },
					display_names: { ticket: 'Ticket' },
				},
			]);
		},
	},
	{
		key: 'session.getAll listing',
		parameters: { ...BT_SESSION_LISTING, filters: {} },
		check(items, { sim }) {
			assert.deepStrictEqual(items, [
				{ lsid: lsids.activeTicket, external_key: 'INC-1001', has_recording: false },
				{ lsid: lsids.ended, external_key: 'INC-1002', has_recording: true },
				{ lsid: lsids.activeNoTicket, external_key: null, has_recording: false },
			]);
			assert.strictEqual(btStats(sim).btReports, 1, 'one report call');
		},
	},
	{
		key: 'session.get several',
		parameters: {
			resource: 'session',
			operation: 'get',
			lsid: `${lsids.old},${lsids.activeTicket}`,
		},
		check(items, { sim }) {
			assert.deepStrictEqual(
				items.map((s) => [s.lsid, s.active]),
				[
					[lsids.old, false],
					[lsids.activeTicket, true],
				],
			);
			assert.strictEqual(btStats(sim).btReports, 1, 'one report call for both sessions');
		},
	},
];

const ticketAnswer = (res, ticket) => {
	assert.strictEqual(res.status, 200, `HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	assert.ok(
		res.json && res.json.link,
		`no key URL in the answer: ${JSON.stringify(res.text.slice(0, 300))}`,
	);
	assert.match(res.json.link, KEY_URL);
	assert.strictEqual(res.json.ticket, ticket);
};

const examples = [
	{
		file: 'examples/beyondtrust-active-sessions-report.json',
		via: 'cli',
		check(out, { run }) {
			const html = out['HTML Table'][0].table;
			assert.match(html, /<table/);
			assert.ok(
				html.includes(lsids.activeTicket) && html.includes(lsids.activeNoTicket),
				'both running sessions in the table',
			);
			assert.ok(!html.includes(lsids.ended), 'no ended session');
			assert.match(html, /INC-1001/);
			const fileName = /^active-sessions-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/;
			shared.assertSessionsCsv(run, 'CSV File', fileName, '2 running sessions');
		},
	},
	{
		file: 'examples/beyondtrust-ticket-invitation.json',
		via: 'webhook',
		webhook: {
			method: 'POST',
			path: 'ticket-invitation',
			body: { ticket: 'INC0012345', customerEmail: 'pat@example.com' },
		},
		check(res, { sim }) {
			ticketAnswer(res, 'INC0012345');
			assert.ok(res.json.shortKey, 'short key');
			assert.strictEqual(btStats(sim).btSessionKeysGenerated, 1);
		},
	},
	// Failures answer through the node's error output: 422 for a ticket the node refuses, 502 when BeyondTrust failed.
	ticketFailure('ticket ID too long → 422', `INC-${'9'.repeat(1100)}`, 422, [
		/Ticket ID \(External Key\)/,
		/longer than/,
	]),
	ticketFailure('BeyondTrust answers 500 → 502', 'INC0012346', 502, [/BeyondTrust/, /500/], (sim) =>
		sim.setFaults({ kind: 'status', status: 500, route: '/beyondtrust/api/command' }),
	),
];

// The ticket example called with a bad ticket: HTTP status, the node's message in `error`, no key made.
function ticketFailure(label, ticket, status, patterns, setup) {
	return {
		file: 'examples/beyondtrust-ticket-invitation.json',
		label,
		via: 'webhook',
		webhook: {
			method: 'POST',
			path: 'ticket-invitation',
			body: { ticket, customerEmail: 'pat@example.com' },
		},
		setup,
		check(res, { sim }) {
			shared.assertFailureAnswer(res, { status, patterns, ticketField: 'ticket', ticket });
			assert.strictEqual(btStats(sim).btSessionKeysGenerated, 0);
		},
	};
}

// Token reuse in a real n8n: right after the webhook example (which already minted), 20 executions
// started together. The credential's per-process token cache and single-flight mint mean the
// server should mint 0 new tokens (the stored one is still valid), at most 1 — never 20.
async function afterWebhooks(inst, sim) {
	const before = btStats(sim);
	const tickets = Array.from(
		{ length: CONCURRENT },
		(_, i) => `INC-CONC-${String(i + 1).padStart(2, '0')}`,
	);
	const t0 = Date.now();
	const answers = await Promise.all(
		tickets.map((ticket) =>
			inst.callWebhook('POST', 'ticket-invitation', { ticket, customerEmail: 'pat@example.com' }),
		),
	);
	const ms = Date.now() - t0;
	answers.forEach((res, i) => ticketAnswer(res, tickets[i]));
	assert.strictEqual(
		new Set(answers.map((r) => r.json.link)).size,
		CONCURRENT,
		'20 distinct key URLs',
	);
	const after = btStats(sim);
	const minted = after.btTokensMinted - before.btTokensMinted;
	assert.strictEqual(after.btSessionKeysGenerated - before.btSessionKeysGenerated, CONCURRENT);
	assert.strictEqual(after.btRateLimited - before.btRateLimited, 0, 'no 429s');
	assert.ok(
		minted <= 1,
		`${minted} tokens minted for ${CONCURRENT} concurrent executions (expected 0 or 1)`,
	);
	return [
		`BeyondTrust: ${CONCURRENT} concurrent executions → ${minted} token mint(s) (${ms} ms; ${before.btTokensMinted} minted before in this phase)`,
	];
}

module.exports = {
	name: 'BeyondTrust Remote Support',
	key: 'bt',
	nodeType: BT_TYPE,
	credentialType: CREDENTIAL.type,
	credentials: credentials.beyondtrust,
	credentialRef: refOf(CREDENTIAL),
	operations,
	examples,
	afterWebhooks,
	editor: {
		search: 'BeyondTrust',
		nodeDisplayName: 'BeyondTrust Remote Support',
		actions: [
			'Generate a session key',
			'Get a support session',
			'Get many support sessions',
			'Terminate a support session',
			'Get many logged in representatives',
			'Get many support teams',
		],
		credentialName: CREDENTIAL.name,
		credentialTestPath: '/beyondtrust/api/command', // get_api_info
		workflowId: 'btSessionsReport1',
		runTrigger: 'Run now',
		runExpectSuccess: ['Active Sessions', 'Report Columns', 'HTML Table', 'CSV File'],
		docsShot: false, // docs/editor-node-panel.png shows the RMS panel
		examples: [
			'examples/beyondtrust-active-sessions-report.json',
			'examples/beyondtrust-ticket-invitation.json',
			'examples/beyondtrust-session-ended-ticket-update.json',
		],
		// The trigger of this example (its secret is set): URLs, canvas subtitle, option names.
		trigger: {
			example: 'examples/beyondtrust-session-ended-ticket-update.json',
			nodeType: 'n8n-nodes-remote-access.beyondTrustRemoteSupportTrigger',
			subtitle: 'Session Ended',
			optionLabel: 'IP(s) Allowlist',
		},
	},
};
