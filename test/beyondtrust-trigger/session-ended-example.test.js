// examples/beyondtrust-session-ended-ticket-update.json: the trigger listens for session ends (no
// call of its own), sessions without a ticket stop at the IF, a Session → Get reads the report,
// and the summary and ticket URL its expressions build from that item are right (evaluated by n8n-workflow's expression engine;
// the e2e run executes the whole workflow in real n8n).
const fs = require('fs');
const path = require('path');
const { expressionEvaluator } = require('../helpers/expressions');
const { BT_CRED } = require('../helpers/remote-access-workflows');

const example = JSON.parse(
	fs.readFileSync(
		path.resolve(__dirname, '../../examples/beyondtrust-session-ended-ticket-update.json'),
		'utf8',
	),
);
const byName = Object.fromEntries(example.nodes.map((n) => [n.name, n]));
const next = (name, output = 0) =>
	(example.connections[name].main[output] || []).map((c) => byName[c.node]);

// A trigger item as the trigger node outputs it for support_conference_end.
const TRIGGER_ITEM = {
	event: 'support_conference_end',
	version: '24.3.1',
	timestamp: '2026-11-28T09:47:10.000Z',
	timestamp_unix: 1795859230,
	appliance_id: 'sim-appliance-4b7d1e',
	lsid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
	external_key: 'INC 0012/77',
};
// The Session → Get item for that session (fields of normalizeSession).
const SESSION_ITEM = {
	lsid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
	active: false,
	external_key: 'INC 0012/77',
	started_at: '2026-11-28T09:12:10.000Z',
	ended_at: '2026-11-28T09:47:10.000Z',
	primary_rep: 'Alice Agent',
	primary_customer: 'Pat Customer',
	representatives: [{ display_name: 'Alice Agent' }, { display_name: 'Bob Builder' }],
	customers: [{ name: 'Pat Customer' }],
};

let evaluate;
beforeAll(async () => {
	evaluate = await expressionEvaluator();
});

test('the trigger listens for session ends only, checks a secret and calls nothing', () => {
	const [trigger] = example.nodes;
	expect(trigger.type).toBe('n8n-nodes-remote-access.beyondTrustRemoteSupportTrigger');
	expect(trigger.webhookId).toMatch(/^[0-9a-f-]{36}$/);
	expect(trigger.parameters.events).toEqual(['support_conference_end']);
	expect(trigger.parameters.fetchSessionDetails).toBeUndefined();
	expect(trigger.credentials).toBeUndefined();
	expect(trigger.parameters.options.secret.length).toBeGreaterThanOrEqual(16);
	expect(next(trigger.name).map((n) => n.name)).toEqual(['Has Ticket?']);
});

test('the session details come from a Session → Get of the event lsid, with retries', () => {
	const get = byName['Get Session'];
	expect(get.type).toBe('n8n-nodes-remote-access.beyondTrustRemoteSupport');
	expect(get.parameters).toMatchObject({ resource: 'session', operation: 'get' });
	expect(get.parameters.lsid).toMatchObject({ __rl: true, mode: 'id' });
	expect(evaluate(get.parameters.lsid.value, TRIGGER_ITEM)).toBe(TRIGGER_ITEM.lsid);
	expect(get.retryOnFail).toBe(true);
	expect(get.credentials[BT_CRED].name).toBe('BeyondTrust (simulator)');
	expect(next('Get Session').map((n) => n.name)).toEqual(['Build Summary']);
});

test('only sessions with an external key (the ticket id) reach the summary', () => {
	const gate = byName['Has Ticket?'];
	const [condition] = gate.parameters.conditions.conditions;
	expect(condition.operator.operation).toBe('notEmpty');
	expect(evaluate(condition.leftValue, TRIGGER_ITEM)).toBe('INC 0012/77');
	expect(evaluate(condition.leftValue, { ...TRIGGER_ITEM, external_key: '' })).toBe('');
	expect(next('Has Ticket?', 0).map((n) => n.name)).toEqual(['Get Session']);
	expect(next('Has Ticket?', 1)).toEqual([]);
});

test('the summary carries the ticket, duration, representatives and customer', () => {
	const fields = Object.fromEntries(
		byName['Build Summary'].parameters.assignments.assignments.map((a) => [
			a.name,
			evaluate(a.value, SESSION_ITEM),
		]),
	);
	expect(fields).toEqual({
		ticket: 'INC 0012/77',
		lsid: SESSION_ITEM.lsid,
		ended_at: '2026-11-28T09:47:10.000Z',
		duration_minutes: 35,
		representative: 'Alice Agent',
		representatives: 'Alice Agent, Bob Builder',
		customer: 'Pat Customer',
		summary:
			'Remote support session ended after 35 min. Representative: Alice Agent. Customer: Pat Customer.',
	});
});

test('the ticket URL encodes the ticket id and the summary is posted as JSON', () => {
	const update = byName['Update Ticket'];
	expect(next('Build Summary').map((n) => n.name)).toEqual(['Update Ticket']);
	expect(update.type).toBe('n8n-nodes-base.httpRequest');
	expect(update.parameters).toMatchObject({ method: 'POST', sendBody: true, specifyBody: 'json' });
	expect(evaluate(update.parameters.url, { ticket: 'INC 0012/77' })).toBe(
		'https://tickets.example.com/api/tickets/INC%200012%2F77/work-notes',
	);
	expect(JSON.parse(evaluate(update.parameters.jsonBody, { ticket: 'T-1', lsid: 'x' }))).toEqual({
		ticket: 'T-1',
		lsid: 'x',
	});
});
