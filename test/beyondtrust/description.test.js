// The BeyondTrust Remote Support node as the editor shows it, read from the built node
// description (action names, canvas subtitle, session picker, no 0 in ID fields, tooltips
// without caveats), and the output vocabulary of its items: field names and their order.
'use strict';
require('../helpers/n8n-env');
const path = require('path');
const { ExecutionLifecycleHooks, LoadOptionsContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { startSimulator } = require('../../simulator');
const { FIXTURES } = require('../../simulator/beyondtrust/seed');
const { loadTypes } = require('../helpers/type-registry');
const { TestCredentialsHelper } = require('../helpers/credentials-helper');
const { additionalDataFor, releaseTimers, runWorkflow } = require('../helpers/workflow-runner');
const { btWorkflow, btCredentials } = require('../helpers/remote-access-workflows');
const { workflowNode, onlyNodeType } = require('../helpers/workflow-node');

const DIST = path.resolve(__dirname, '../../dist/nodes/BeyondTrustRemoteSupport');
const { BeyondTrustRemoteSupport } = require(`${DIST}/BeyondTrustRemoteSupport.node.js`);
const { readAnswer } = require(`${DIST}/transport/xml.js`);
const { normalizeSession, normalizeSessionKey, normalizeRepresentative } = require(
	`${DIST}/helpers/normalize.js`,
);
const { SESSION_KEY_LEAD } = require('../helpers/output-columns');

const nodeType = new BeyondTrustRemoteSupport();
const { description } = nodeType;
const NODE_TYPE = 'n8n-nodes-remote-access.beyondTrustRemoteSupport';

/** Every property, options of collections included, with the operations it is shown for. */
function allProperties(properties = description.properties) {
	return properties.flatMap((p) => [
		p,
		...(p.type === 'collection' ? allProperties(p.options) : []),
		...(p.type === 'fixedCollection' ? p.options.flatMap((o) => allProperties(o.values)) : []),
	]);
}

const operationLists = description.properties.filter((p) => p.name === 'operation');
const actions = operationLists.flatMap((p) =>
	p.options.map((o) => ({
		resource: p.displayOptions.show.resource[0],
		operation: o.value,
		name: o.name,
		action: o.action,
	})),
);

function subtitleFor(parameters) {
	const node = workflowNode('b1', 'BT', NODE_TYPE, parameters);
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: onlyNodeType(nodeType),
	});
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

describe('actions', () => {
	test('the list: Title Case names, sentence actions with an article or "many"', () => {
		expect(actions.map((a) => [a.resource, a.name, a.action])).toEqual([
			['sessionKey', 'Generate', 'Generate a session key'],
			['session', 'Get', 'Get a support session'],
			['session', 'Get Attributes', 'Get the attributes of a support session'],
			['session', 'Get Many', 'Get many support sessions'],
			['session', 'Set Attributes', 'Set the attributes of a support session'],
			['session', 'Terminate', 'Terminate a support session'],
			['representative', 'Get Many', 'Get many logged in representatives'],
			['team', 'Get Many', 'Get many support teams'],
		]);
		for (const { name, action } of actions) {
			// The action starts with the name's verb ("Get Many" → "Get many ...").
			expect(action.toLowerCase().startsWith(name.toLowerCase().split(' ')[0])).toBe(true);
			expect(action).toMatch(/^[A-Z][a-z]+ (a|the|many) [a-z ]+$/);
		}
	});

	test('the canvas subtitle is the action, as the actions panel shows it', () => {
		for (const { resource, operation, action } of actions)
			expect(subtitleFor({ resource, operation })).toBe(action);
	});
});

describe('fields', () => {
	test('no ID field defaults to 0; the required ones are empty', () => {
		const props = allProperties();
		const idFields = props.filter((p) => /\bID\b|LSID|^Team$|^Representative$/.test(p.displayName));
		expect(idFields.length).toBeGreaterThanOrEqual(3);
		for (const p of idFields) {
			expect(p.default).not.toBe(0);
			if (p.type === 'resourceLocator') expect(p.default).toEqual({ mode: 'list', value: '' });
		}
		expect(props.filter((p) => p.type === 'number' && p.required && p.default === 0)).toEqual([]);
	});

	test('the session of every Session operation can be picked from a list or given by ID', () => {
		const lsidFields = description.properties.filter((p) => p.name === 'lsid');
		expect(lsidFields.map((p) => p.displayOptions.show.operation[0]).sort()).toEqual([
			'get',
			'getAttributes',
			'setAttributes',
			'terminate',
		]);
		for (const p of lsidFields) {
			expect(p.type).toBe('resourceLocator');
			expect(p.required).toBe(true);
			expect(p.modes.map((m) => [m.name, m.displayName])).toEqual([
				['list', 'From List'],
				['id', 'ID'],
			]);
			expect(p.modes[0].typeOptions.searchListMethod).toBe('searchSessions');
		}
		expect(typeof nodeType.methods.listSearch.searchSessions).toBe('function');
		const get = lsidFields.find((p) => p.displayOptions.show.operation[0] === 'get');
		const regex = new RegExp(get.modes[1].validation[0].properties.regex);
		expect(regex.test(`${'a'.repeat(32)}, ${'B'.repeat(32)}`)).toBe(true);
		expect(regex.test('abc')).toBe(false);
	});

	test('option names and tooltips without research caveats or engineering notes', () => {
		const texts = allProperties().map((p) => `${p.displayName} ${p.description ?? ''}`);
		const optionTexts = description.properties
			.filter((p) => p.type === 'options')
			.flatMap((p) => p.options.map((o) => `${o.name} ${o.description ?? ''}`));
		for (const text of [...texts, ...optionTexts])
			expect(text).not.toMatch(
				/beta|unconfirmed|not official|not confirmed|observed|queue mode|divide|N8N_/i,
			);
	});
});

describe('output vocabulary: names and order', () => {
	const KEY = readAnswer(
		`<session_key xmlns="http://www.beyondtrust.com/sra/namespaces/API/command"><type>support</type><expires>1767229200</expires><queue available="1">general</queue><external_key>INC-1</external_key><short_key>6187161</short_key><key_url>https://support.example.com/?ak=0123456789abcdef0123456789abcdef</key_url><mail_subject>S</mail_subject><mail_body>B</mail_body></session_key>`,
	).doc.body;
	const SESSION = readAnswer(
		`<session_list xmlns="http://www.beyondtrust.com/sra/namespaces/API/reporting"><session lsid="0f1e2d3c4b5a69788796a5b4c3d2e1f0"><session_type>support</session_type><start_time timestamp="1767225600">2026-01-01T00:00:00+00:00</start_time><end_time timestamp="1767226200">2026-01-01T00:10:00+00:00</end_time><external_key>INC-7</external_key><primary_customer gsnumber="2">Pat</primary_customer><primary_rep gsnumber="3" id="7">Rita Rep</primary_rep></session></session_list>`,
	).doc.body.session[0];
	const REP = readAnswer(
		`<logged_in_reps xmlns="http://www.beyondtrust.com/sra/namespaces/API/command"><rep id="12"><display_name>Sam</display_name><logged_in_since timestamp="1767225600">2026-01-01T00:00:00+00:00</logged_in_since></rep></logged_in_reps>`,
	).doc.body.rep[0];

	test('Generate a session key: link and expiry (ISO and Unix) after the key and ticket', () => {
		const key = normalizeSessionKey(KEY);
		expect(Object.keys(key).slice(0, 5)).toEqual(SESSION_KEY_LEAD);
		expect(key).toMatchObject({
			link: 'https://support.example.com/?ak=0123456789abcdef0123456789abcdef',
			expires_at: '2026-01-01T01:00:00.000Z',
			expires_at_unix: 1767229200,
		});
		expect(key).not.toHaveProperty('key_url');
		expect(key).not.toHaveProperty('expires');
	});

	test('a support session: identity first, started_at / ended_at as ISO with Unix twins', () => {
		const s = normalizeSession(SESSION, false);
		expect(Object.keys(s).slice(0, 11)).toEqual([
			'lsid',
			'external_key',
			'active',
			'session_type',
			'primary_customer',
			'primary_rep',
			'primary_rep_id',
			'started_at',
			'started_at_unix',
			'ended_at',
			'ended_at_unix',
		]);
		expect(s).toMatchObject({
			started_at: '2026-01-01T00:00:00.000Z',
			started_at_unix: 1767225600,
			ended_at: '2026-01-01T00:10:00.000Z',
			ended_at_unix: 1767226200,
		});
		expect(s).not.toHaveProperty('start_time');
		expect(s).not.toHaveProperty('end_time');
	});

	test('a representative: logged_in_since as ISO (not "+00:00") with its Unix twin', () => {
		expect(normalizeRepresentative(REP)).toMatchObject({
			id: 12,
			logged_in_since: '2026-01-01T00:00:00.000Z',
			logged_in_since_unix: 1767225600,
		});
	});
});

describe('the session field at run time and in the picker (simulator)', () => {
	let sim;
	beforeEach(async () => {
		sim = await startSimulator({ port: 0 });
		sim.reset();
	});
	afterEach(() => sim.stop());

	const get = (lsid) =>
		runWorkflow(btWorkflow({ resource: 'session', operation: 'get', lsid }), {
			credentials: btCredentials(sim),
			input: [{}],
		});

	test('a picked session, an ID and a plain string saved before the field had modes', async () => {
		const id = FIXTURES.lsids.activeTicket;
		for (const lsid of [
			{ __rl: true, mode: 'list', value: id },
			{ __rl: true, mode: 'id', value: id },
			id,
		]) {
			const result = await get(lsid);
			expect(result.error).toBeUndefined();
			expect(result.outputs.Node.map((s) => s.lsid)).toEqual([id]);
		}
	});

	test('searchSessions: sessions of the last 24 hours, running first, filtered by the search', async () => {
		const { nodeTypes, credentialTypes } = await loadTypes();
		const credentials = btCredentials(sim);
		const helper = new TestCredentialsHelper(credentialTypes, credentials);
		const [credentialType] = Object.keys(credentials);
		const node = workflowNode(
			'b1',
			'BT',
			NODE_TYPE,
			{ resource: 'session', operation: 'get' },
			{ credentials: { [credentialType]: { id: credentialType, name: 'BT' } } },
		);
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const hooks = new ExecutionLifecycleHooks('manual', 'ls1', { nodes: [node] });
		const ctx = new LoadOptionsContext(
			workflow,
			node,
			additionalDataFor(hooks, helper, 'ls1'),
			'parameters.lsid',
		);
		try {
			const all = await nodeType.methods.listSearch.searchSessions.call(ctx);
			const values = all.results.map((r) => r.value);
			expect(values).toEqual(expect.arrayContaining([FIXTURES.lsids.activeTicket]));
			const running = all.results.filter((r) => r.name.includes('(running,'));
			expect(all.results.slice(0, running.length)).toEqual(running);
			const one = await nodeType.methods.listSearch.searchSessions.call(ctx, 'INC-1001');
			expect(one.results.map((r) => r.value)).toEqual([FIXTURES.lsids.activeTicket]);
			expect(one.results[0].name).toMatch(
				/^INC-1001: .+ with .+ \(running, started \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/,
			);
			expect(sim.requests({ path: '/beyondtrust/api/reporting' })).toHaveLength(2);
		} finally {
			releaseTimers();
		}
	});
});
