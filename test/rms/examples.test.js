// The RMS ticket example: its Teltonika RMS node runs (on n8n-core against the simulator) with the
// parameters shipped, and failures reach the error output that the example answers 422 or 502.
const fs = require('fs');
const path = require('path');
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { manualWorkflow } = require('../helpers/remote-access-workflows');
const { expectFailureAnswers, errorOutput } = require('../helpers/ticket-examples');

const example = JSON.parse(
	fs.readFileSync(path.resolve(__dirname, '../../examples/rms-ticket-connect-link.json'), 'utf8'),
);
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

const run = (input) =>
	runWorkflow(workflow, {
		credentials: {
			teltonikaRmsApi: {
				accessToken: sim.rms.tokens.full,
				baseUrl: sim.rms.baseUrl,
				statusUrl: sim.rms.statusUrl,
			},
		},
		input,
	});

test('failures are answered by an IF on the error class: 502 for NodeApiError, 422 otherwise', () => {
	expectFailureAnswers(example, NODE);
});

test('a good ticket gets its link on the success output', async () => {
	const result = await run(ticket());
	expect(result.error).toBeUndefined();
	expect(result.outputs[NODE]).toEqual([
		expect.objectContaining({
			name: 'Ticket_4712_HTTPS',
			link: expect.stringMatching(/^https:\/\//),
		}),
	]);
	expect(errorOutput(result, NODE)).toEqual([]);
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
