// Bad input is a NodeOperationError that names the field and the item, raised before any API
// call. Runs the built node in n8n-core's WorkflowExecute (test/helpers).
const nock = require('nock');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsParameters } = require('../helpers/operation-parameters');
const { rmsWorkflow } = require('../helpers/remote-access-workflows');

const BASE = 'https://rms.teltonika-networks.com/api';
const STATUS = 'https://rms.teltonika-networks.com/status';
const credentials = {
	teltonikaRmsApi: { accessToken: 'rms-validation-pat', baseUrl: BASE, statusUrl: STATUS },
};
const NODE = 'Teltonika RMS';
const fast = { pollInterval: 0.01, pollTimeout: 5 };
const rl = (mode, value) => ({ __rl: true, mode, value });

const workflow = (parameters, extra) => rmsWorkflow(NODE, parameters, extra);

const rms = rmsParameters(fast, { device: rl('serial', '1111111111') });
const { generate, deviceLink, start } = rms;
const create = (p) => rms.create({ device: rl('id', '1001'), ...p });

afterEach(() => nock.cleanAll());

// [case, parameters, input items (undefined = one empty item), field named in the message]
// Empty required fields come from expressions: n8n itself refuses to start a workflow whose
// required parameters are empty literals (WorkflowHasIssuesError), so the node sees them only so.
const cases = [
	[
		'IPv4: octet above 255',
		create({ destinationIp: '192.168.1.300' }),
		undefined,
		'LAN IP Address',
	],
	['IPv4: three octets', generate({ destinationIp: '10.0.0' }), undefined, 'LAN IP Address'],
	['IPv4: a host name', create({ destinationIp: 'camera.local' }), undefined, 'LAN IP Address'],
	['IPv4: leading zero', create({ destinationIp: '192.168.01.10' }), undefined, 'LAN IP Address'],
	['IPv4: empty', generate({ destinationIp: '={{ $json.ip }}' }), [{ ip: '' }], 'LAN IP Address'],
	['port 0', create({ destinationPort: 0 }), undefined, 'Port'],
	['port 65536', generate({ destinationPort: 65536 }), undefined, 'Port'],
	['port not whole', create({ destinationPort: 44.5 }), undefined, 'Port'],
	['duration 9 s (start)', start({ duration: 9 }), undefined, 'Duration (Seconds)'],
	['duration 0 s (generate link)', generate({ duration: 0 }), undefined, 'Duration (Seconds)'],
	['duration 9 s (device link)', deviceLink({ duration: 9 }), undefined, 'Duration (Seconds)'],
	[
		'duration not whole (device link)',
		deviceLink({ linkType: 'cli', duration: 600.5 }),
		undefined,
		'Duration (Seconds)',
	],
	[
		'link type from an expression (device link)',
		deviceLink({ linkType: '={{ $json.type }}' }),
		[{ type: 'ssh' }],
		'Link Type',
	],
	[
		'empty serial (device link)',
		deviceLink({ device: rl('serial', '={{ $json.serial }}') }),
		[{ serial: ' ' }],
		'Device (serial number)',
	],
	[
		'device ID not a number (device link)',
		deviceLink({ device: rl('id', '={{ $json.id }}'), linkType: 'cli' }),
		[{ id: '1001/connect' }],
		'Device (ID)',
	],
	['protocol not offered', create({ protocol: 'ftp' }), undefined, 'Protocol'],
	[
		'protocol from an expression',
		generate({ protocol: '={{ $json.protocol }}' }),
		[{ protocol: 'smb' }],
		'Protocol',
	],
	[
		'empty serial',
		generate({ device: rl('serial', '={{ $json.serial }}') }),
		[{ serial: '' }],
		'Device (serial number)',
	],
	[
		'blank serial',
		create({ device: rl('serial', '={{ $json.serial }}') }),
		[{ serial: '   ' }],
		'Device (serial number)',
	],
	[
		'device ID not a number',
		create({ device: rl('id', '={{ $json.device }}') }),
		[{ device: 'RUTX11' }],
		'Device (ID)',
	],
	['empty name (create)', create({ name: '={{ $json.name }}' }), [{ name: '' }], 'Name'],
	[
		'empty name (get access ID)',
		{ resource: 'remoteAccess', operation: 'getAccessId', device: rl('id', '1001'), name: ' ' },
		undefined,
		'Name',
	],
	['name over 50 characters', create({ name: 'N'.repeat(51) }), undefined, 'Name'],
	[
		'empty access ID mapped from the item (start)',
		start({ accessId: rl('id', '={{ $json.accessId }}') }),
		[{ accessId: '' }],
		'Access ID',
	],
	[
		'access ID 0 (delete)',
		{ resource: 'remoteAccess', operation: 'delete', accessId: rl('id', '0'), options: fast },
		undefined,
		'Access ID',
	],
	[
		'access ID missing (List sessions)',
		{
			resource: 'connectSession',
			operation: 'getAll',
			scope: 'accessId',
			accessId: '={{ $json.accessId }}',
		},
		[{}],
		'Access ID',
	],
	[
		'empty session ID',
		{
			resource: 'connectSession',
			operation: 'close',
			sessionId: '={{ $json.sessionId }}',
			options: fast,
		},
		[{ sessionId: '' }],
		'Session ID',
	],
	[
		'session ID 0',
		{ resource: 'connectSession', operation: 'close', sessionId: rl('id', '0'), options: fast },
		undefined,
		'Session ID',
	],
	[
		'wrong type: port as text',
		create({ destinationPort: '={{ $json.port }}' }),
		[{ port: 'https' }],
		'Port',
	],
	[
		'wrong type: access ID as an object',
		start({ accessId: '={{ $json.access }}' }),
		[{ access: { id: 62002 } }],
		'Access ID',
	],
	[
		'wrong type: duration as a list',
		start({ duration: '={{ $json.duration }}' }),
		[{ duration: [600] }],
		'Duration',
	],
	[
		'wrong type: IP as a number',
		create({ destinationIp: '={{ $json.ip }}' }),
		[{ ip: 3232235786 }],
		'LAN IP Address',
	],
	[
		'empty item: everything mapped from it',
		generate({
			device: rl('serial', '={{ $json.serial }}'),
			destinationIp: '={{ $json.ip }}',
			destinationPort: '={{ $json.port }}',
		}),
		[{}],
		'Device (serial number)',
	],
	['empty item: name mapped from it', create({ name: '={{ $json.name }}' }), [{}], 'Name'],
];

describe.each(cases)('%s', (_case, parameters, input, field) => {
	test('fails before any request, naming the field and the item', async () => {
		const result = await runWorkflow(workflow(parameters), { credentials, input: input ?? [{}] });
		expect(result.error).toBeDefined();
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toContain(field);
		expect(result.error.message).toMatch(/\[item 0\]$/);
		expect(result.error.context.itemIndex).toBe(0);
		expect(result.error.node.name).toBe(NODE);
		expect(result.requests).toEqual([]);
	});
});

test('the message says what was wrong with the value', async () => {
	const result = await runWorkflow(workflow(create({ destinationPort: 70000 })), {
		credentials,
		input: [{}],
	});
	expect(result.error.message).toBe(
		'Port must be a whole number from 1 to 65535 (got "70000") [item 0]',
	);
	const ip = await runWorkflow(workflow(create({ destinationIp: '192.168.1.300' })), {
		credentials,
		input: [{}],
	});
	expect(ip.error.message).toBe(
		'LAN IP Address must be an IPv4 address such as 192.168.1.10 (got "192.168.1.300") [item 0]',
	);
	const duration = await runWorkflow(workflow(start({ duration: 5 })), {
		credentials,
		input: [{}],
	});
	expect(duration.error.message).toBe(
		'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "5") [item 0]',
	);
	expect(duration.requests).toEqual([]);
});

test('a bad later item names its own index', async () => {
	nock(BASE)
		.post('/api/devices/connect/62002'.replace('/api', ''), { duration: 600 })
		.reply(200, { success: true, meta: { channel: 'private-status.1.a' } });
	nock(STATUS)
		.get('/channel/private-status.1.a')
		.reply(200, {
			success: true,
			data: {
				1001: [{ status: 'completed', link: 'x.proxy1-connect.rms.teltonika-networks.com' }],
			},
		});
	const result = await runWorkflow(workflow(start({ duration: '={{ $json.duration }}' })), {
		credentials,
		input: [{ duration: 600 }, { duration: 3 }],
	});
	expect(result.error.message).toBe(
		'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "3") [item 1]',
	);
	expect(result.error.context.itemIndex).toBe(1);
	// only item 0 reached the API
	expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		'POST /api/devices/connect/62002',
		'GET /status/channel/private-status.1.a',
	]);
});

test('with continueOnFail the bad items become error items and the good ones still run', async () => {
	const channel = (n) => `private-status.4217.validation${n}`;
	for (const [n, accessId] of [
		[0, 62002],
		[2, 62003],
	]) {
		nock(BASE)
			.post(`/devices/connect/${accessId}`.replace(/^/, ''), { duration: 600 })
			.reply(200, { success: true, meta: { channel: channel(n) } });
		nock(STATUS)
			.get(`/channel/${channel(n)}`)
			.reply(200, {
				success: true,
				data: {
					1001: [
						{ status: 'completed', link: `link${n}.proxy1-connect.rms.teltonika-networks.com` },
					],
				},
			});
	}
	const parameters = start({
		accessId: '={{ $json.accessId }}',
		duration: '={{ $json.duration }}',
	});
	const result = await runWorkflow(workflow(parameters, { onError: 'continueRegularOutput' }), {
		credentials,
		input: [
			{ accessId: 62002, duration: 600 },
			{ accessId: 62002, duration: 5 },
			{ accessId: 62003, duration: 600 },
			{ accessId: '', duration: 600 },
		],
	});
	expect(result.error).toBeUndefined();
	const items = result.items[NODE];
	expect(items.map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
		{ item: 3 },
	]);
	expect(items[0].json).toMatchObject({
		link: 'https://link0.proxy1-connect.rms.teltonika-networks.com',
		access_id: 62002,
		duration: 600,
	});
	expect(items[1].json).toEqual({
		error: 'Duration (Seconds) must be a whole number from 10 to 28800 seconds (got "5") [item 1]',
		description:
			'Fix "Duration (Seconds)" for item 1 and run again; nothing was sent for this item.',
	});
	expect(items[2].json).toMatchObject({
		link: 'https://link2.proxy1-connect.rms.teltonika-networks.com',
		access_id: 62003,
	});
	expect(items[3].json.error).toMatch(/^Access ID must not be empty \[item 3\]$/);
	// the bad items sent nothing: two POSTs and two polls, for items 0 and 2 only
	expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		'POST /api/devices/connect/62002',
		`GET /status/channel/${channel(0)}`,
		'POST /api/devices/connect/62003',
		`GET /status/channel/${channel(2)}`,
	]);
	expect(nock.pendingMocks()).toEqual([]);
});
