// Bad input for BeyondTrust and Rimo3 (RMS: test/rms/validation.test.js): one case per rule.
// Each error names the field and the item, and nothing at all (not even a token request) reaches
// the service. Also wrong types from expressions and an empty item.
'use strict';
const { simulatorPerTest } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { CLIENT_CREDENTIALS_NODES } = require('../helpers/remote-access-workflows');

const { beyondtrust: bt, rimo3 } = CLIENT_CREDENTIALS_NODES;
const { binaryItem } = require('../rimo3/fault-cases');
const { FIXTURES } = require('../../simulator/beyondtrust/seed');

const sim = simulatorPerTest();

const generate = (extra) => ({
	resource: 'sessionKey',
	operation: 'generate',
	queueType: 'general',
	ttl: 1800,
	...extra,
});
const rl = (value) => ({ __rl: true, mode: 'id', value });
const long = 'x'.repeat(1025);
const fields = (list) => ({
	customFields: { field: list.map(([name, value]) => ({ name, value })) },
});
const setAttributes = (extra) => ({
	resource: 'session',
	operation: 'setAttributes',
	lsid: FIXTURES.lsids.activeTicket,
	externalKey: 'INC-1',
	...extra,
});
const attributes = (list) => ({ attribute: list.map(([name, value]) => ({ name, value })) });
const upload = (extra) => ({
	resource: 'applicationPackage',
	operation: 'upload',
	binaryPropertyName: 'data',
	displayName: 'Pkg',
	fileName: 'setup.exe',
	progressStep: 2,
	...extra,
});

const link = (extra) => ({
	resource: 'applicationPackage',
	operation: 'upload',
	source: 'link',
	fileLink: 'https://dl.example/app.zip',
	displayName: 'Pkg',
	fileName: 'setup.exe',
	...extra,
});

// [case, parameters, field named in the message, input items (default one empty item)]
const BT_RULES = [
	['team id not a number', generate({ queueType: 'team', team: rl('={{ "abc" }}') }), 'Team'],
	['team id zero', generate({ queueType: 'team', team: rl('0') }), 'Team'],
	[
		'representative id not a number',
		generate({ queueType: 'rep', representative: rl('={{ "x1" }}') }),
		'Representative',
	],
	[
		'representative username empty',
		generate({ queueType: 'repUsername', repUsername: '  ' }),
		'Representative Username',
	],
	[
		'issue code name empty',
		generate({ queueType: 'issue', issueCodeName: '={{ $json.none }}' }),
		'Issue Code Name',
	],
	[
		'request timeout over its maximum',
		generate({ options: { requestTimeout: 1e7 } }),
		'Request Timeout (Seconds)',
	],
	// (an unknown Queue value is refused by n8n itself before the node runs: not reachable)
	['ttl negative', generate({ ttl: -5 }), 'Time to Live (Seconds)'],
	['ttl not whole', generate({ ttl: 1.5 }), 'Time to Live (Seconds)'],
	['ttl over a year', generate({ ttl: 365 * 24 * 3600 + 1 }), 'Time to Live (Seconds)'],
	['external key too long', generate({ externalKey: long }), 'Ticket ID (External Key)'],
	[
		'custom field code name',
		generate({ additionalFields: fields([['bad name', 'v']]) }),
		'Custom Fields → Code Name',
	],
	[
		'custom field external_key',
		generate({ additionalFields: fields([['external_key', 'v']]) }),
		'Custom Fields → Code Name',
	],
	[
		'custom field value too long',
		generate({ additionalFields: fields([['ticket', long]]) }),
		'Custom Fields → ticket',
	],
	[
		'custom fields over 10 KB',
		generate({
			additionalFields: fields(Array.from({ length: 11 }, (_, n) => [`f${n}`, 'y'.repeat(1000)])),
		}),
		'Custom Fields',
	],
	[
		'public site hostname',
		generate({ additionalFields: { urlHostname: 'https://help.example.com/x' } }),
		'Public Site Hostname',
	],
	[
		'extra parameter name',
		generate({
			additionalFields: { extraParameters: { parameter: [{ name: 'queue_id', value: 'x' }] } },
		}),
		'Extra Parameters → Name',
	],
	[
		'session get: bad lsid',
		{ resource: 'session', operation: 'get', lsid: 'not-an-lsid' },
		'Session ID (LSID)',
	],
	[
		'session terminate: bad lsid',
		{ resource: 'session', operation: 'terminate', lsid: '123' },
		'Session ID (LSID)',
	],
	[
		'session getAll: hours out of range',
		{ resource: 'session', operation: 'getAll', hours: 0 },
		'Started Within the Last (Hours)',
	],
	[
		'session getAll: start time not a date',
		{ resource: 'session', operation: 'getAll', filters: { startTime: '={{ "yesterday-ish" }}' } },
		'Filters → Start Time',
	],
	[
		'session getAll: end before start',
		{
			resource: 'session',
			operation: 'getAll',
			filters: { startTime: '2026-01-02T00:00:00Z', endTime: '2026-01-01T00:00:00Z' },
		},
		'Filters → End Time',
	],
	[
		'session getAll: start in the future',
		{ resource: 'session', operation: 'getAll', filters: { startTime: '2999-01-01T00:00:00Z' } },
		'Filters → Start Time',
	],
	['set attributes: bad lsid', setAttributes({ lsid: 'abc' }), 'Session ID (LSID)'],
	[
		'set attributes: nothing to set',
		setAttributes({ externalKey: ' ', customAttributes: {} }),
		'Ticket ID (External Key)',
	],
	[
		'set attributes: external key too long',
		setAttributes({ externalKey: long }),
		'Ticket ID (External Key)',
	],
	[
		'set attributes: code name',
		setAttributes({ customAttributes: attributes([['ticket-no', 'v']]) }),
		'Custom Attributes → Code Name',
	],
	[
		'set attributes: code name twice',
		setAttributes({
			customAttributes: attributes([
				['a', '1'],
				['a', '2'],
			]),
		}),
		'Custom Attributes → Code Name',
	],
	[
		'set attributes: external_key as a code name',
		setAttributes({ customAttributes: attributes([['external_key', 'v']]) }),
		'Custom Attributes → Code Name',
	],
	[
		'set attributes: value too long',
		setAttributes({ customAttributes: attributes([['notes', long]]) }),
		'Custom Attributes → notes',
	],
	[
		'set attributes: over 10 KB with the external key',
		setAttributes({
			externalKey: 'k'.repeat(1000),
			customAttributes: attributes(
				Array.from({ length: 10 }, (_, n) => [`f${n}`, 'y'.repeat(930)]),
			),
		}),
		'Custom Attributes',
	],
	[
		'set attributes: more than 30',
		setAttributes({
			customAttributes: attributes(Array.from({ length: 31 }, (_, n) => [`f${n}`, 'y'])),
		}),
		'Custom Attributes',
	],
	[
		'get attributes: bad lsid',
		{ resource: 'session', operation: 'getAttributes', lsid: '={{ $json.none }}' },
		'Session ID (LSID)',
	],
	[
		'session get: one bad lsid in a list',
		{ resource: 'session', operation: 'get', lsid: `${FIXTURES.lsids.ended},nope` },
		'Session ID (LSID)',
	],
	[
		'session get: more than 100 lsids',
		{
			resource: 'session',
			operation: 'get',
			lsid: '={{ Array.from({ length: 101 }, (_, n) => n.toString(16).padStart(32, "0")) }}',
		},
		'Session ID (LSID)',
	],
	// wrong types arriving through expressions, and an empty item
	[
		'wrong type: ttl from a text field',
		generate({ ttl: '={{ $json.ttl }}' }),
		'Time to Live (Seconds)',
		[{ ttl: 'soon' }],
	],
	[
		'wrong type: lsid from a number',
		{ resource: 'session', operation: 'get', lsid: '={{ $json.lsid }}' },
		'Session ID (LSID)',
		[{ lsid: 12345 }],
	],
	[
		'empty item: lsid from a missing field',
		{ resource: 'session', operation: 'terminate', lsid: '={{ $json.lsid }}' },
		'Session ID (LSID)',
		[{}],
	],
	[
		'second item bad: names item 1',
		{ resource: 'session', operation: 'get', lsid: '={{ $json.lsid }}' },
		'Session ID (LSID)',
		[{ lsid: FIXTURES.lsids.activeTicket }, { lsid: 'short' }],
		1,
	],
];

const RIMO3_RULES = [
	[
		'request timeout over its maximum',
		{ resource: 'applicationPackage', operation: 'getAll', options: { requestTimeout: 3601 } },
		'Request Timeout (Seconds)',
	],
	[
		'package id not an id',
		{ resource: 'applicationPackage', operation: 'getSequences', applicationPackage: rl('a/b') },
		'Application Package',
	],
	['display name empty', upload({ displayName: ' ' }), 'Display Name', () => [binaryItem()]],
	[
		'setup file name empty',
		upload({ fileName: '={{ "" }}' }),
		'Setup File Name',
		() => [binaryItem()],
	],
	[
		'progress step not 2 or 3',
		upload({ progressStep: '={{ 7 }}' }),
		'Progress Step',
		() => [binaryItem()],
	],
	['no file on the item (empty item)', upload(), 'Input Binary Field', () => [{}]],
	[
		'empty file',
		upload(),
		'Input Binary Field',
		() => [
			{ json: {}, binary: { data: { data: '', mimeType: 'application/zip', fileName: 'e.zip' } } },
		],
	],
	['link: empty', link({ fileLink: '={{ $json.none }}' }), 'File Link'],
	['link: not http(s)', link({ fileLink: 'ftp://dl.example/a.zip' }), 'File Link'],
	['link: not a URL', link({ fileLink: 'downloads/app.zip' }), 'File Link'],
	['link: user and password in it', link({ fileLink: 'https://u:p@dl.example/a' }), 'File Link'],
	['link: a space in it', link({ fileLink: 'https://dl.example/my app.zip' }), 'File Link'],
	['link: too long', link({ fileLink: `https://dl.example/${'a'.repeat(2040)}` }), 'File Link'],
	['link: progress step 1', link({ progressStep: '={{ 1 }}' }), 'Progress Step'],
	[
		'wrong type: package id from an object',
		{
			resource: 'applicationPackage',
			operation: 'getSequences',
			applicationPackage: rl('={{ $json.id }}'),
		},
		'Application Package',
		() => [{ id: { nested: true } }],
	],
	[
		'wrong type: display name from a number is fine, file name from null is not',
		upload({ displayName: '={{ $json.n }}', fileName: '={{ $json.f }}' }),
		'Setup File Name',
		() => [{ ...binaryItem(), json: { n: 5, f: null } }],
	],
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectNamed(result, field, item) {
	expect(result.error).toBeDefined();
	expect(result.error.message).toMatch(new RegExp(`^${escape(field)} .*\\[item ${item}\\]$`));
	expect(result.error.description).toMatch(new RegExp(`item ${item}`));
}

test.each(BT_RULES)('BeyondTrust: %s', async (_name, parameters, field, input = [{}], item = 0) => {
	const result = await runWorkflow(bt.workflow(parameters), {
		credentials: bt.credentials(sim),
		input,
	});
	expectNamed(result, field, item);
	// Nothing reached BeyondTrust for the bad item; an earlier good item may have been sent.
	const expectedCalls = item === 0 ? 0 : item;
	expect(sim.requests({ path: '/beyondtrust/api' })).toHaveLength(expectedCalls);
	if (item === 0) expect(sim.requests({ path: '/beyondtrust/' })).toHaveLength(0);
});

test.each(RIMO3_RULES)('Rimo3: %s', async (_name, parameters, field, input = () => [{}]) => {
	const result = await runWorkflow(rimo3.workflow(parameters), {
		credentials: rimo3.credentials(sim),
		input: input(),
	});
	expectNamed(result, field, 0);
	expect(sim.requests({ path: '/rimo3/' })).toHaveLength(0);
});
