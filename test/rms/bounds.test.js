// Every duration, interval and timeout of the RMS node has a stated maximum, checked before any
// request: a value above it is an error naming the field and the item, never a call that starts a
// session and then fails, nor a timer that overflows and fires at once.
'use strict';
const nock = require('nock');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsParameters } = require('../helpers/operation-parameters');
const { singleNodeWorkflow } = require('../helpers/remote-access-workflows');

const BASE = 'https://rms.teltonika-networks.com/api';
const STATUS = 'https://rms.teltonika-networks.com/status';
const credentials = {
	teltonikaRmsApi: { accessToken: 'rms-bounds-pat', baseUrl: BASE, statusUrl: STATUS },
};
const NODE = 'Node';
const rl = (mode, value) => ({ __rl: true, mode, value });

const workflow = (parameters) =>
	singleNodeWorkflow('n8n-nodes-remote-access.teltonikaRms', 'teltonikaRmsApi', parameters);

const fast = { pollInterval: 0.01, pollTimeout: 5 };
const { start, generate, deviceLink } = rmsParameters(fast);

afterEach(() => nock.cleanAll());

// [case, parameters, the exact message]
const cases = [
	[
		'start: duration 8.64e12 s',
		start({ duration: 8.64e12 }),
		'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "8640000000000") [item 0]',
	],
	[
		'start: duration one over 8 h',
		start({ duration: 28801 }),
		'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "28801") [item 0]',
	],
	[
		'generate link: duration 2^53',
		generate({ duration: 2 ** 53 - 1 }),
		'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "9007199254740991") [item 0]',
	],
	[
		'device link: duration ten years',
		deviceLink({ duration: 315360000 }),
		'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "315360000") [item 0]',
	],
	[
		'poll interval past the timer limit',
		start({ options: { pollInterval: 1.1e6 } }),
		'Poll Interval (Seconds) must be at most 60 seconds (got 1100000) [item 0]',
	],
	[
		'poll interval one over',
		deviceLink({ options: { pollInterval: 61 } }),
		'Poll Interval (Seconds) must be at most 60 seconds (got 61) [item 0]',
	],
	[
		'poll timeout one over',
		generate({ options: { pollTimeout: 601 } }),
		'Poll Timeout (Seconds) must be at most 600 seconds (got 601) [item 0]',
	],
	[
		'request timeout one over',
		{
			resource: 'device',
			operation: 'get',
			device: rl('id', '1001'),
			options: { requestTimeout: 3601 },
		},
		'Request Timeout (Seconds) must be at most 3600 seconds (got 3601) [item 0]',
	],
	[
		'request timeout past the timer limit',
		start({ options: { ...fast, requestTimeout: 1e7 } }),
		'Request Timeout (Seconds) must be at most 3600 seconds (got 10000000) [item 0]',
	],
];

test.each(cases)('%s: refused before any request', async (_case, parameters, message) => {
	const result = await runWorkflow(workflow(parameters), { credentials, input: [{}] });
	expect(result.error).toBeDefined();
	expect(result.error.name).toBe('NodeOperationError');
	expect(result.error.message).toBe(message);
	expect(result.requests).toEqual([]);
});

test('the maximum duration itself is accepted and its expiry is 8 h on', async () => {
	nock(BASE)
		.post('/devices/connect/62002', { duration: 28800 })
		.reply(200, { success: true, meta: { channel: 'private-status.1.max' } });
	nock(STATUS)
		.get('/channel/private-status.1.max')
		.reply(200, {
			success: true,
			data: {
				1001: [{ status: 'completed', link: 'x.proxy1-connect.rms.teltonika-networks.com' }],
			},
		});
	const before = Math.floor(Date.now() / 1000);
	const result = await runWorkflow(workflow(start({ duration: 28800 })), {
		credentials,
		input: [{}],
	});
	expect(result.error).toBeUndefined();
	const [item] = result.items[NODE];
	expect(item.json.expires_at_unix - before).toBeGreaterThanOrEqual(28800);
	expect(item.json.expires_at_unix - before).toBeLessThanOrEqual(28800 + 60);
	expect(item.json.expires_at).toBe(new Date(item.json.expires_at_unix * 1000).toISOString());
	expect(result.requests).toHaveLength(2);
});

test('every bounded field states its maximum in its description', () => {
	const { TeltonikaRms } = require('../../dist/nodes/TeltonikaRms/TeltonikaRms.node.js');
	const props = new TeltonikaRms().description.properties;
	const all = props.flatMap((p) => [p, ...(p.options ?? []).filter((o) => o && o.name)]);
	const find = (name) => all.filter((p) => p.name === name);
	for (const [name, max] of [
		['duration', 28800],
		['pollInterval', 60],
		['pollTimeout', 600],
		['requestTimeout', 3600],
	]) {
		const fields = find(name);
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) {
			expect(field.typeOptions.maxValue).toBe(max);
			expect(field.description).toContain(String(max));
		}
	}
});
