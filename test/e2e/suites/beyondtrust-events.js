// BeyondTrust outbound events in a real n8n: the example "BeyondTrust session ended → update the
// ticket" is imported with its ticket URL pointed at an HTTP endpoint this suite runs on
// 127.0.0.1, and activated; the simulator's appliance queue sends every event of its sessions to
// the trigger's production URL (with the secret). Checked: a session end reaches the ticket with
// the right external key and details; events filtered out get 200 and start nothing; a request
// without (or with a wrong) secret is refused and starts nothing; 50 session ends all arrive once.
'use strict';
const assert = require('assert');
const http = require('http');
const bt = require('./beyondtrust');
const delivery = require('./beyondtrust-delivery');
const { listExecutions } = require('../editor');
const { startTicketSystem } = require('../../../simulator/ticket-system');
const { sleep, waitFor: waitUntil } = require('../wait');
const { pointAtTicketSystem, beyondTrustRecipientUrl } = require('../../../scripts/lib/examples');

const FILE = 'examples/beyondtrust-session-ended-ticket-update.json';
const MANY = 50;

const ticketEndpoint = { system: null, received: [] };

async function startTicketEndpoint() {
	ticketEndpoint.system = await startTicketSystem();
	ticketEndpoint.received = ticketEndpoint.system.received;
}

async function stopTicketEndpoint() {
	if (ticketEndpoint.system) await ticketEndpoint.system.stop();
}

// The example as shipped, with the ticket system's URL replaced by the local endpoint.
function pointAtTicketEndpoint(workflow) {
	const pointed = pointAtTicketSystem(workflow, ticketEndpoint.system.url);
	const update = pointed.nodes.find((n) => n.type === 'n8n-nodes-base.httpRequest');
	assert.ok(
		update.parameters.url.includes(ticketEndpoint.system.url),
		`ticket URL is ${update.parameters.url}`,
	);
	return pointed;
}

const waitFor = (what, fn, timeoutMs = 90000) => waitUntil(what, fn, timeoutMs, 300);

// n8n's executions of one workflow, counted by status (1.x and 2.x).
async function executionCounts(inst, workflowId) {
	const list = await listExecutions(inst, workflowId, 250);
	const counts = { total: list.length };
	for (const e of list) counts[e.status] = (counts[e.status] || 0) + 1;
	return counts;
}

// Waits until n8n has recorded `total` executions and none is still running.
async function settledExecutions(inst, workflowId, total) {
	return waitFor(`${total} finished executions of ${workflowId}`, async () => {
		const counts = await executionCounts(inst, workflowId);
		const busy = (counts.running || 0) + (counts.new || 0) + (counts.waiting || 0);
		return counts.total >= total && busy === 0 ? counts : null;
	});
}

function post(url, form) {
	const body = new URLSearchParams(form).toString();
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body),
				},
			},
			(res) => {
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode, text }));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function run({ inst, sim, workflow }) {
	const events = sim.beyondtrust.events;
	const trigger = workflow.nodes[0];
	const secret = trigger.parameters.options.secret;
	const webhookUrl = `${inst.url}/webhook/${trigger.webhookId}/webhook`;
	const withSecret = beyondTrustRecipientUrl(inst.url, workflow);
	const id = workflow.id;
	const notes = [];
	events.setRetryDelay(250);
	ticketEndpoint.received.length = 0;

	// The production webhook is registered a moment after n8n is ready; until then it answers
	// 404, which the appliance queue simply retries.
	const recipient = events.addRecipient(withSecret);
	const before = (await executionCounts(inst, id)).total;

	// 1. One session with a ticket: begin, a second rep, end → exactly one ticket update.
	const session = events.beginSession({
		externalKey: 'INC-E2E-END-1',
		customer: 'Pat Customer',
		representative: 'alice',
	});
	events.addMember(session.lsid, { representative: 'bob' });
	events.endSession(session.lsid);
	await events.idle(90000);
	const [update] = await waitFor('the ticket update', () =>
		ticketEndpoint.received.length ? ticketEndpoint.received : null,
	);
	assert.strictEqual(update.path, '/api/tickets/INC-E2E-END-1/work-notes');
	assert.ok(update.json, 'the ticket update is JSON');
	assert.strictEqual(update.json.ticket, 'INC-E2E-END-1');
	assert.strictEqual(update.json.lsid, session.lsid);
	assert.strictEqual(update.json.representative, 'Alice Agent');
	assert.match(update.json.representatives, /Bob Builder/);
	assert.strictEqual(update.json.customer, 'Pat Customer');
	assert.strictEqual(typeof update.json.duration_minutes, 'number');
	const r = events.recipients().find((x) => x.id === recipient.id);
	assert.strictEqual(r.delivered, 8, 'begin, 3 member_added, 3 member_departed, end');
	let counts = await settledExecutions(inst, id, before + 1);
	assert.strictEqual(counts.total, before + 1, '7 filtered events started no execution');
	notes.push(
		`BeyondTrust events: 8 events of one session → 1 execution, 1 ticket update (${r.retried} retries while the webhook registered)`,
	);

	// 2. A filtered-out event posted directly: 200, no execution.
	const base = { version: '24.3.1', timestamp: String(Math.floor(Date.now() / 1000)) };
	const filtered = await post(withSecret, {
		...base,
		event: 'support_conference_begin',
		lsid: session.lsid,
		external_key: 'INC-E2E-FILTERED',
	});
	assert.strictEqual(
		filtered.status,
		200,
		`filtered event: HTTP ${filtered.status} ${filtered.text}`,
	);

	// 3. A session end without the secret, and with a wrong one: refused, no execution.
	const end = { ...base, event: 'support_conference_end', lsid: session.lsid, external_key: 'X-1' };
	const noSecret = await post(webhookUrl, end);
	const wrongSecret = await post(`${webhookUrl}?secret=wrong-${secret.length}`, end);
	for (const [label, res] of [
		['no secret', noSecret],
		['wrong secret', wrongSecret],
	])
		assert.ok([401, 403].includes(res.status), `${label}: HTTP ${res.status} ${res.text}`);
	await sleep(2000);
	counts = await settledExecutions(inst, id, before + 1);
	assert.strictEqual(counts.total, before + 1, 'no execution for the filtered or refused requests');
	assert.strictEqual(ticketEndpoint.received.length, 1);

	// 4. 50 sessions ended together: 50 executions, each ticket updated exactly once.
	const many = Array.from({ length: MANY }, (_, i) =>
		events.beginSession({
			externalKey: `INC-E2E-MANY-${String(i + 1).padStart(2, '0')}`,
			customer: `Customer ${i + 1}`,
			representative: i % 2 ? 'bob' : 'alice',
		}),
	);
	many.forEach((s) => events.endSession(s.lsid));
	const t0 = Date.now();
	await events.idle(180000);
	await waitFor(`${MANY + 1} ticket updates`, () => ticketEndpoint.received.length >= MANY + 1);
	counts = await settledExecutions(inst, id, before + 1 + MANY);
	await sleep(1000); // nothing late or duplicated
	const tickets = ticketEndpoint.received.slice(1).map((x) => x.json && x.json.ticket);
	assert.strictEqual(tickets.length, MANY, `${tickets.length} ticket updates for ${MANY} ends`);
	assert.deepStrictEqual(
		[...tickets].sort(),
		many.map((s) => s.external_key),
		'each ticket exactly once',
	);
	assert.strictEqual(counts.total, before + 1 + MANY, `executions: ${JSON.stringify(counts)}`);
	assert.strictEqual(counts.success, counts.total, `executions: ${JSON.stringify(counts)}`);
	const stats = events.recipients().find((x) => x.id === recipient.id);
	notes.push(
		`BeyondTrust events: ${MANY} sessions ended together → ${MANY} executions, ${MANY} ticket updates, each once (${stats.delivered} events delivered, ${Date.now() - t0} ms)`,
	);
	events.removeRecipient(recipient.id);
	return notes;
}

module.exports = {
	name: 'BeyondTrust Remote Support events',
	key: 'btevents',
	nodeType: `${bt.nodeType}Trigger`,
	credentialType: bt.credentialType,
	credentials: bt.credentials, // the example's Session → Get after the trigger
	credentialRef: bt.credentialRef,
	operations: [],
	prepare: startTicketEndpoint,
	cleanup: stopTicketEndpoint,
	examples: [
		{
			file: FILE,
			via: 'server',
			transform: pointAtTicketEndpoint,
			run,
		},
		{
			// Last: it kills and restarts n8n.
			file: FILE,
			label: 'multipart, repeated delivery, SIGKILL after the 200',
			via: 'server',
			transform: (workflow) => delivery.asDeliveryWorkflow(pointAtTicketEndpoint(workflow)),
			run: delivery.run,
		},
	],
	editor: null, // the BeyondTrust suite covers the editor
};
