// Connect Session → Get Logs on n8n-core against the simulator: the date range reaches RMS as
// "Y-m-d H:i:s" in UTC (the workflow's time zone read correctly), filters reach the query string,
// Return All pages by 100, Limit stops early, bad input fails before any request, and API
// failures are clear (also under continueOnFail).
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { singleNodeWorkflow } = require('../helpers/remote-access-workflows');
const { checkRequest } = require('../package/openapi-contract');
const { CONNECT_LOG_LEAD } = require('../helpers/output-columns');

const NODE = 'Node'; // singleNodeWorkflow's name for the node under test
const LOGS_PATH = '/api/devices/connect/logs';

const sim = simulatorPerFile();

const TYPE = 'n8n-nodes-remote-access.teltonikaRms';
const MARCH_2026 = { startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-31T23:59:59Z' };

function workflow(parameters, { timezone, onError } = {}) {
	const getLogs = { resource: 'connectSession', operation: 'getLogs', returnAll: true };
	return {
		...singleNodeWorkflow(
			TYPE,
			'teltonikaRmsApi',
			{ ...getLogs, ...MARCH_2026, ...parameters },
			onError ? { onError } : {},
		),
		settings: timezone ? { timezone } : {},
	};
}

const credentials = () => ({
	teltonikaRmsApi: {
		accessToken: sim.rms.tokens.full,
		baseUrl: sim.rms.baseUrl,
		statusUrl: sim.rms.statusUrl,
	},
});
const run = (parameters, opts = {}) =>
	runWorkflow(workflow(parameters, opts), {
		credentials: credentials(),
		input: opts.input ?? [{}],
	});

const logQueries = (result) =>
	result.requests.filter((r) => r.path === LOGS_PATH).map((r) => r.query);

/** `n` sessions of March 2026, one an hour from March 2 00:00 UTC, 30 minutes each. */
function seedMarch(n, extra = {}) {
	const first = Date.UTC(2026, 2, 2);
	return sim.rms.addConnectLogs(
		Array.from({ length: n }, (_, k) => ({
			start_time: first + k * 3600e3,
			end_time: first + k * 3600e3 + 1800e3,
			...extra,
		})),
	);
}

describe('success', () => {
	test('one item per log entry, times in ISO with Unix twins, empty columns last, paired with the input item', async () => {
		const [id] = seedMarch(1, { type: 'cli', user_id: 77, input_data: 2048, output_data: 4096 });
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(result.outputs[NODE]).toEqual([
			{
				id,
				type: 'cli',
				started_at: '2026-03-02T00:00:00.000Z',
				started_at_unix: 1772409600,
				expires_at: '2026-03-02T00:30:00.000Z',
				expires_at_unix: 1772411400,
				company_name: 'Acme Field Services',
				input_data: 2048,
				output_data: 4096,
				username: 'user-77@acme.example',
			},
		]);
		expect(Object.keys(result.outputs[NODE][0])).toEqual([
			...CONNECT_LOG_LEAD,
			'company_name',
			'input_data',
			'output_data',
			'username',
		]);
		expect(result.items[NODE][0].pairedItem).toEqual({ item: 0 });
		expect(logQueries(result)).toEqual([
			{
				start_date: '2026-03-01 00:00:00',
				end_date: '2026-03-31 23:59:59',
				limit: '100',
				offset: '0',
			},
		]);
	});

	test('a session started through the node shows up in the logs', async () => {
		const start = {
			resource: 'connectSession',
			operation: 'start',
			accessId: 62003,
			duration: 600,
		};
		const started = await runWorkflow(
			singleNodeWorkflow(TYPE, 'teltonikaRmsApi', { ...start, options: { pollInterval: 0.25 } }),
			{ credentials: credentials(), input: [{}] },
		);
		expect(started.error).toBeUndefined();
		const result = await run({
			startDate: '={{ $now.minus({ hours: 1 }) }}',
			endDate: '={{ $now.plus({ minutes: 1 }) }}',
			filters: { sort: '-start_date' },
		});
		expect(result.error).toBeUndefined();
		// 9101 (just started) and the seed's sessions of the last hour, newest first
		expect(result.outputs[NODE].map((l) => l.id)).toEqual([9101, 9003, 9001]);
		expect(result.outputs[NODE][0]).toMatchObject({ type: 'lan-webui' });
	});
});

describe('paging', () => {
	test('Return All walks the pages of 100 until meta.total: 250 entries in 3 requests', async () => {
		const ids = seedMarch(250);
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(result.outputs[NODE].map((l) => l.id)).toEqual(ids);
		expect(logQueries(result).map((q) => [q.limit, q.offset])).toEqual([
			['100', '0'],
			['100', '100'],
			['100', '200'],
		]);
	});

	test('Limit 150 stops after the entries asked for: 2 requests, the second for 50', async () => {
		const ids = seedMarch(250);
		const result = await run({ returnAll: false, limit: 150 });
		expect(result.outputs[NODE].map((l) => l.id)).toEqual(ids.slice(0, 150));
		expect(logQueries(result).map((q) => [q.limit, q.offset])).toEqual([
			['100', '0'],
			['50', '100'],
		]);
	});

	test('an empty range costs one request and gives no items', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(result.outputs[NODE]).toEqual([]);
		expect(logQueries(result)).toHaveLength(1);
	});
});

test('filters reach the query string and RMS applies them', async () => {
	seedMarch(3, { type: 'cli', user_id: 77 });
	seedMarch(2, { type: 'webui', user_id: 77 });
	seedMarch(4, { type: 'cli', user_id: 5 });
	const result = await run({
		filters: { active: 'false', type: 'cli', userId: 77, sort: '-start_date' },
	});
	expect(result.error).toBeUndefined();
	expect(logQueries(result)).toEqual([
		expect.objectContaining({ active: 'false', type: 'cli', user_id: '77', sort: '-start_date' }),
	]);
	// what was sent fits the vendor's OpenAPI document (the descending sort is a listed deviation)
	const [sent] = result.requests;
	expect(checkRequest(sent, { baseUrl: sim.rms.baseUrl })).toMatchObject({
		operation: 'GET /devices/connect/logs',
		problems: [],
		deviations: [expect.objectContaining({ id: 'connect-logs-sort-descending' })],
	});
	const logs = result.outputs[NODE];
	expect(logs.map((l) => [l.type, l.username])).toEqual(
		Array(3).fill(['cli', 'user-77@acme.example']),
	);
	expect(logs.map((l) => l.started_at)).toEqual([
		'2026-03-02T02:00:00.000Z',
		'2026-03-02T01:00:00.000Z',
		'2026-03-02T00:00:00.000Z',
	]);
});

describe('dates: converted to UTC "Y-m-d H:i:s"', () => {
	test.each([
		// [workflow time zone, start, end, start_date, end_date]
		[
			'picker values (no zone) are wall time of the workflow: New York in winter and summer',
			'America/New_York',
			'2026-01-10T00:00:00',
			'2026-07-10T12:30:00',
			'2026-01-10 05:00:00',
			'2026-07-10 16:30:00',
		],
		[
			'Vilnius across the spring change of clocks',
			'Europe/Vilnius',
			'2026-03-28T12:00:00',
			'2026-03-29T12:00:00',
			'2026-03-28 10:00:00',
			'2026-03-29 09:00:00',
		],
		[
			'values with an offset or Z are instants, whatever the workflow zone',
			'Asia/Tokyo',
			'2026-01-10T09:00:00+02:00',
			'2026-01-10T23:15:00Z',
			'2026-01-10 07:00:00',
			'2026-01-10 23:15:00',
		],
		[
			'a date alone is midnight in the workflow zone; "Y-m-d H:i:s" typed in is accepted',
			'Asia/Kolkata',
			'2026-01-10',
			'2026-01-11 06:00:00',
			'2026-01-09 18:30:00',
			'2026-01-11 00:30:00',
		],
	])('%s', async (_what, timezone, startDate, endDate, start, end) => {
		const result = await run({ startDate, endDate }, { timezone });
		expect(result.error).toBeUndefined();
		expect(logQueries(result)).toEqual([
			expect.objectContaining({ start_date: start, end_date: end }),
		]);
	});

	test('expressions with $now (Luxon DateTime values) in the workflow zone', async () => {
		const realNow = Date.now;
		Date.now = () => Date.UTC(2026, 10, 28, 9, 30, 15, 500);
		let result;
		try {
			result = await run(
				{
					startDate: '={{ $now.minus({ days: 7 }).startOf("day") }}',
					endDate: '={{ $now }}',
				},
				{ timezone: 'Europe/Berlin' },
			);
		} finally {
			Date.now = realNow;
		}
		expect(result.error).toBeUndefined();
		// Berlin is UTC+1 in November: its midnight of Nov 21 is 23:00 UTC on Nov 20
		expect(logQueries(result)).toEqual([
			expect.objectContaining({
				start_date: '2026-11-20 23:00:00',
				end_date: '2026-11-28 09:30:15',
			}),
		]);
	});
});

describe('bad input fails before any request, naming the field and the item', () => {
	test.each([
		[
			'empty Start Date',
			{ startDate: '={{ $json.from }}' },
			[{ from: '' }],
			/^Start Date must not be empty/,
		],
		['empty End Date', { endDate: '={{ $json.to }}' }, [{}], /^End Date must not be empty/],
		[
			'Start Date not a date',
			{ startDate: '={{ $json.from }}' },
			[{ from: 'last tuesday' }],
			/^Start Date must be a date and time .*"last tuesday"/,
		],
		[
			'End Date that does not exist',
			{ endDate: '2026-02-30T10:00:00' },
			undefined,
			/^End Date must be a date and time .*2026-02-30/,
		],
		[
			'End Date as a number',
			{ endDate: '={{ $json.to }}' },
			[{ to: 1767225600 }],
			/^End Date must be a date and time/,
		],
		[
			'End Date before Start Date',
			{ startDate: '2026-03-10T00:00:00Z', endDate: '2026-03-09T23:59:59Z' },
			undefined,
			/^End Date must not be before Start Date \(got 2026-03-10 00:00:00 to 2026-03-09 23:59:59 UTC\)/,
		],
		[
			'User ID 0',
			{ filters: { userId: 0 } },
			undefined,
			/^Filters → User ID must be a whole number at least 1/,
		],
		[
			'a type RMS does not know',
			{ filters: { type: '={{ $json.type }}' } },
			[{ type: 'ssh' }],
			/^Filters → Type must be one of cli, lan-webui, webui \(got "ssh"\)/,
		],
		[
			'a sort RMS does not know',
			{ filters: { sort: 'username' } },
			undefined,
			/^Filters → Sort must be one of /,
		],
		['Limit 0', { returnAll: false, limit: 0 }, undefined, /^Limit must be a whole number/],
	])('%s', async (_what, parameters, input, message) => {
		const result = await run(parameters, { input });
		expect(result.error).toBeDefined();
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(message);
		expect(result.error.message).toMatch(/\[item 0\]$/);
		expect(result.requests).toEqual([]);
	});

	test('a bad later item names its own index; the good one before it was sent', async () => {
		const result = await run(
			{ startDate: '={{ $json.from }}' },
			{ input: [{ from: '2026-03-01T00:00:00Z' }, { from: 'soon' }] },
		);
		expect(result.error.message).toMatch(/^Start Date must be a date and time .*\[item 1\]$/);
		expect(logQueries(result)).toHaveLength(1);
	});
});

describe('API failures', () => {
	test('a 422 from RMS names the parameter RMS refused, the action and the item', async () => {
		sim.setFaults({
			kind: 'status',
			status: 422,
			message: 'The start date does not match the format Y-m-d H:i:s.',
			route: `GET ${LOGS_PATH}`,
		});
		const result = await run({});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '422' });
		expect(result.error.message).toMatch(/list RMS Connect logs from 2026-03-01 00:00:00/);
		expect(result.error.message).toMatch(/does not match the format Y-m-d H:i:s/);
		expect(result.error.message).toMatch(/\[item 0\]/);
		// a 422 is an answer, not a hiccup: not repeated
		expect(sim.stats().routes[`GET ${LOGS_PATH}`]).toBe(1);
	});

	test('continueOnFail: the failed item becomes an error item, the others keep their logs', async () => {
		seedMarch(2);
		sim.setFaults({ kind: 'status', status: 422, route: `GET ${LOGS_PATH}`, count: 1 });
		const result = await run(
			{ startDate: '={{ $json.from }}' },
			{
				onError: 'continueRegularOutput',
				input: [
					{ from: '2026-03-01T00:00:00Z' },
					{ from: 'not a date' },
					{ from: '2026-03-01T00:00:00Z' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const items = result.items[NODE];
		expect(items.map((i) => i.json.error ?? i.json.id)).toEqual([
			expect.stringMatching(/RMS/),
			expect.stringMatching(/^Start Date must be a date and time/),
			8001,
			8002,
		]);
		expect(items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 2]);
	});

	test('the token is never in the output or the error', async () => {
		sim.setFaults({ kind: 'status', status: 500, route: `GET ${LOGS_PATH}` });
		const result = await run({});
		expect(result.error.message).toMatch(/500/);
		expect(
			JSON.stringify([result.outputs, result.error.message, result.error.description]),
		).not.toContain(sim.rms.tokens.full);
		// a read is repeated at most twice
		expect(sim.stats().routes[`GET ${LOGS_PATH}`]).toBe(3);
	});
});
