// The example workflows in examples/: well-formed, credentials referenced by name, and their
// BeyondTrust node really runs (on n8n-core against the simulator) with the parameters shipped.
const fs = require('fs');
const path = require('path');
const { simulatorPerTest } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const {
	BT_TYPE,
	BT_CRED,
	btCredentials,
	manualWorkflow,
} = require('../helpers/remote-access-workflows');
const { expectFailureAnswers, errorOutput, jsonFieldsRead } = require('../helpers/ticket-examples');

const EXAMPLES = path.resolve(__dirname, '../../examples');
const load = (name) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));

const sim = simulatorPerTest();

/** Start → the example's BeyondTrust node (other nodes come from n8n-nodes-base, not loaded here). */
function btNodeOnly(example) {
	const node = example.nodes.find((n) => n.type === BT_TYPE);
	return { node, workflow: manualWorkflow(node) };
}

test.each(['beyondtrust-ticket-invitation.json', 'beyondtrust-active-sessions-report.json'])(
	'%s is wired and names the simulator credential',
	(file) => {
		const example = load(file);
		const names = new Set(example.nodes.map((n) => n.name));
		for (const [from, { main }] of Object.entries(example.connections)) {
			expect(names.has(from)).toBe(true);
			main.flat().forEach((c) => expect(names.has(c.node)).toBe(true));
		}
		const bt = example.nodes.filter((n) => n.type === BT_TYPE);
		expect(bt).toHaveLength(1);
		expect(bt[0].credentials[BT_CRED].name).toBe('BeyondTrust (simulator)');
	},
);

test('ticket invitation: the webhook body ticket becomes the external key and a link comes back', async () => {
	const { node, workflow } = btNodeOnly(load('beyondtrust-ticket-invitation.json'));
	const result = await runWorkflow(workflow, {
		credentials: btCredentials(sim),
		input: [{ body: { ticket: 'INC0012345' } }],
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs[node.name][0]).toMatchObject({ external_key: 'INC0012345', ttl: 3600 });
	expect(result.outputs[node.name][0].link).toMatch(/^https:\/\//);
	// the answer is built from fields the node gives
	const respond = load('beyondtrust-ticket-invitation.json').nodes.find(
		(n) => n.name === 'Respond to Webhook',
	);
	expect(jsonFieldsRead(respond)).toEqual([
		'expires_at',
		'external_key',
		'link',
		'mail_body',
		'mail_subject',
		'short_key',
	]);
	expect(Object.keys(result.outputs[node.name][0])).toEqual(
		expect.arrayContaining(jsonFieldsRead(respond)),
	);
});

test('ticket invitation: failures go to the error output, to be answered 422 (bad ticket) or 502 (BeyondTrust failed)', async () => {
	const example = load('beyondtrust-ticket-invitation.json');
	expectFailureAnswers(example, 'Generate Session Key');
	const { node, workflow } = btNodeOnly(example);

	const tooLong = await runWorkflow(workflow, {
		credentials: btCredentials(sim),
		input: [{ body: { ticket: 'x'.repeat(1100) } }],
	});
	expect(tooLong.error).toBeUndefined();
	expect(tooLong.outputs[node.name]).toEqual([]);
	const [bad] = errorOutput(tooLong, node.name);
	expect(bad.error).toMatchObject({
		name: 'NodeOperationError',
		message: expect.stringMatching(/^Ticket ID \(External Key\) is longer than/),
	});
	expect(bad.body.ticket).toHaveLength(1100); // n8n merges the input item in: the responder can name the ticket

	sim.setFaults({ kind: 'status', status: 500, route: '/beyondtrust/api/command' });
	const failed = await runWorkflow(workflow, {
		credentials: btCredentials(sim),
		input: [{ body: { ticket: 'INC0012346' } }],
	});
	expect(failed.outputs[node.name]).toEqual([]);
	expect(errorOutput(failed, node.name).map((j) => j.error)).toEqual([
		expect.objectContaining({
			name: 'NodeApiError',
			httpCode: '500',
			message: expect.stringMatching(/BeyondTrust.*HTTP 500/),
		}),
	]);
	expect(sim.stats().personalities.beyondtrust.btSessionKeysGenerated).toBe(0);
});

test('active-sessions report: the running sessions of the last 24 hours', async () => {
	const { node, workflow } = btNodeOnly(load('beyondtrust-active-sessions-report.json'));
	const result = await runWorkflow(workflow, { credentials: btCredentials(sim), input: [{}] });
	expect(result.error).toBeUndefined();
	expect(result.outputs[node.name].map((s) => s.active)).toEqual([true, true]);
	const columns = load('beyondtrust-active-sessions-report.json').nodes.find(
		(n) => n.name === 'Report Columns',
	);
	expect(jsonFieldsRead(columns).length).toBe(7);
	for (const session of result.outputs[node.name])
		expect(Object.keys(session)).toEqual(expect.arrayContaining(jsonFieldsRead(columns)));
});
