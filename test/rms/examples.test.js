// The RMS ticket example and the active-sessions report: their Teltonika RMS node runs (on n8n-core
// against the simulator) with the parameters shipped and gives every field the next node reads;
// the ticket example's failures reach the error output that it answers 422 or 502.
const fs = require('fs');
const path = require('path');
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { manualWorkflow } = require('../helpers/remote-access-workflows');
const { expectFailureAnswers, errorOutput, jsonFieldsRead } = require('../helpers/ticket-examples');

const load = (name) =>
	JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../examples', name), 'utf8'));
const example = load('rms-ticket-connect-link.json');
const report = load('rms-active-sessions-report.json');
const NODE = 'Generate connect link';
const node = example.nodes.find((n) => n.name === NODE);
const workflow = manualWorkflow(node);
const ticket = (change = {}) => [
	{
		body: {
			serial: '1111111111',
			lan_ip: '192.168.1.10',
			port: 443,
			protocol: 'https',
			ticket_id: '4712',
			...change,
		},
	},
];

const sim = simulatorPerFile({ channelCompleteMs: 100 });

const rmsCredentials = () => ({
	teltonikaRmsApi: {
		accessToken: sim.rms.tokens.full,
		baseUrl: sim.rms.baseUrl,
		statusUrl: sim.rms.statusUrl,
	},
});
const run = (input) => runWorkflow(workflow, { credentials: rmsCredentials(), input });

test('failures are answered by an IF on the error class: 502 for NodeApiError, 422 otherwise', () => {
	expectFailureAnswers(example, NODE);
});

test('a good ticket gets its link on the success output', async () => {
	const result = await run(ticket());
	expect(result.error).toBeUndefined();
	expect(result.outputs[NODE]).toEqual([
		expect.objectContaining({
			configuration_name: 'Ticket_4712_HTTPS',
			link: expect.stringMatching(/^https:\/\//),
		}),
	]);
	expect(errorOutput(result, NODE)).toEqual([]);
	// the answer is built from fields the node gives
	const respond = example.nodes.find((n) => n.name === 'Respond with link');
	expect(jsonFieldsRead(respond)).toEqual([
		'access_id',
		'configuration_name',
		'expires_at',
		'link',
	]);
	expect(Object.keys(result.outputs[NODE][0])).toEqual(
		expect.arrayContaining(jsonFieldsRead(respond)),
	);
});

test.each([
	[
		'a LAN IP that is not an address',
		{ lan_ip: '192.168.1.300' },
		/^LAN IP Address must be an IPv4 address .*192\.168\.1\.300/,
	],
	['an unknown serial', { serial: '9999999999' }, /^No device with serial number "9999999999"/],
])('%s is bad input (NodeOperationError) on the error output', async (_, change, message) => {
	const result = await run(ticket(change));
	expect(result.error).toBeUndefined();
	expect(result.outputs[NODE]).toEqual([]);
	const [failed] = errorOutput(result, NODE);
	expect(failed.error).toMatchObject({
		name: 'NodeOperationError',
		message: expect.stringMatching(message),
	});
	expect(failed.error.httpCode).toBeUndefined();
	expect(failed.body.ticket_id).toBe('4712'); // n8n merges the input item in
	expect(sim.stats().personalities.rms.sessionsStarted).toBe(0);
});

test('RMS failing the create is a NodeApiError with its HTTP status on the error output', async () => {
	sim.setFaults({ kind: 'status', status: 500, route: 'POST /api/devices/remote-access' });
	const result = await run(ticket());
	expect(result.outputs[NODE]).toEqual([]);
	expect(errorOutput(result, NODE).map((j) => j.error)).toEqual([
		expect.objectContaining({
			name: 'NodeApiError',
			httpCode: '500',
			message: expect.stringMatching(/RMS at .* failed to create remote access .*HTTP 500/),
		}),
	]);
});

test('active-sessions report: List sessions gives every field of the report columns', async () => {
	const list = report.nodes.find((n) => n.name === 'List sessions');
	const columns = report.nodes.find((n) => n.name === 'Report columns');
	expect(report.connections[list.name].main[0].map((c) => c.node)).toEqual([columns.name]);
	const result = await runWorkflow(
		{
			nodes: [workflow.nodes[0], list],
			connections: { Start: { main: [[{ node: list.name, type: 'main', index: 0 }]] } },
		},
		{ credentials: rmsCredentials() },
	);
	expect(result.error).toBeUndefined();
	const sessions = result.outputs[list.name];
	expect(sessions.length).toBeGreaterThan(0);
	expect(jsonFieldsRead(columns)).toEqual([
		'expires_at',
		'id',
		'input_data',
		'output_data',
		'started_at',
		'type',
		'username',
	]);
	for (const session of sessions)
		expect(Object.keys(session)).toEqual(expect.arrayContaining(jsonFieldsRead(columns)));
	expect(sim.stats().requests).toBe(1); // quota-light: one Connect logs request
});
