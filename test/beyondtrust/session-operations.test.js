// Session → Set Attributes, Get Attributes, Get Many in listing-only mode and Get for several
// LSIDs, on n8n-core's WorkflowExecute against the simulator: what each sends (one call), what it
// outputs, pairing with the input item, and the API's failures as clear errors.
'use strict';
const { simulatorPerTest } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { btWorkflow, btCredentials } = require('../helpers/remote-access-workflows');
const { FIXTURES } = require('../../simulator/beyondtrust/seed');

const { lsids } = FIXTURES;
const UNKNOWN = '0'.repeat(32);
const sim = simulatorPerTest();

const run = (parameters, input = [{}], extra) =>
	runWorkflow(btWorkflow(parameters, extra), { credentials: btCredentials(sim), input });
const calls = (path) => sim.requests({ path: `/beyondtrust/api/${path}` });
const sessionOf = (lsid) => sim.beyondtrust.state().sessions.find((s) => s.lsid === lsid);

test('Set Attributes: one call with session.custom.*, the answer and what was set; Get Attributes reads it back', async () => {
	const set = await run(
		{
			resource: 'session',
			operation: 'setAttributes',
			lsid: '={{ $json.lsid }}',
			externalKey: 'INC-7001',
			customAttributes: {
				attribute: [
					{ name: 'priority', value: 'P2' },
					{ name: 'ticket', value: '' },
				],
			},
		},
		[{ lsid: lsids.activeTicket }],
	);
	expect(set.error).toBeUndefined();
	expect(set.outputs.Node).toEqual([
		{
			lsid: lsids.activeTicket,
			success: true,
			message: 'Session attributes were set',
			external_key: 'INC-7001',
			custom_attributes: { priority: 'P2', ticket: '' },
		},
	]);
	expect(set.items.Node[0].pairedItem).toEqual({ item: 0 });
	expect(calls('command').map((r) => r.body)).toEqual([
		{
			action: 'set_session_attributes',
			lsid: lsids.activeTicket,
			'session.custom.external_key': 'INC-7001',
			'session.custom.priority': 'P2',
			'session.custom.ticket': '',
		},
	]);
	expect(sessionOf(lsids.activeTicket)).toMatchObject({
		externalKey: 'INC-7001',
		custom: { priority: 'P2' },
	});

	const got = await run({
		resource: 'session',
		operation: 'getAttributes',
		lsid: lsids.activeTicket,
	});
	expect(got.outputs.Node).toEqual([
		{
			lsid: lsids.activeTicket,
			external_key: 'INC-7001',
			custom_attributes: { priority: 'P2' },
			display_names: { priority: 'priority' },
		},
	]);
});

test('Set Attributes with 10 KB of values: one POST with a form body, under the appliance’s 8,190-byte request line', async () => {
	const attribute = Array.from({ length: 10 }, (_, n) => ({
		name: `field_${n}`,
		value: `${n}`.repeat(1000),
	}));
	const set = await run(
		{
			resource: 'session',
			operation: 'setAttributes',
			lsid: lsids.activeTicket,
			externalKey: 'INC-7002',
			customAttributes: { attribute },
		},
		[{}],
	);
	expect(set.error).toBeUndefined();
	expect(set.outputs.Node).toHaveLength(1);
	const sent = calls('command');
	expect(sent.map((r) => [r.method, r.status])).toEqual([['POST', 200]]);
	expect(sent[0].query).toEqual({});
	expect(sent[0].body['session.custom.field_9']).toBe('9'.repeat(1000));
	expect(sessionOf(lsids.activeTicket).custom.field_0).toBe('0'.repeat(1000));
});

test('Set and Get Attributes of an ended session: the API text in a clear error, sent once', async () => {
	const set = await run({
		resource: 'session',
		operation: 'setAttributes',
		lsid: lsids.ended,
		externalKey: 'INC-7002',
	});
	expect(set.error.message).toMatch(
		/^BeyondTrust could not set the session attributes\. BeyondTrust said: No active session found .*\[item 0\]$/,
	);
	const got = await run(
		{ resource: 'session', operation: 'getAttributes', lsid: lsids.ended },
		[{}],
		{ onError: 'continueRegularOutput' },
	);
	expect(got.outputs.Node[0].error).toMatch(/could not read the session attributes/);
	expect(calls('command')).toHaveLength(2);
	expect(sessionOf(lsids.ended).externalKey).toBe('INC-1002');
});

test('Get Many, Listing Only: one SupportSessionListing call with the same window, three fields per session', async () => {
	const result = await run({
		resource: 'session',
		operation: 'getAll',
		mode: 'listing',
		hours: 24,
		activeOnly: true, // hidden in this mode: the listing has no end times
		returnAll: true,
		filters: {},
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node).toEqual([
		{ lsid: lsids.activeTicket, external_key: 'INC-1001', has_recording: false },
		{ lsid: lsids.ended, external_key: 'INC-1002', has_recording: true },
		{ lsid: lsids.activeNoTicket, external_key: null, has_recording: false },
	]);
	const [call] = calls('reporting');
	expect(call.body).toMatchObject({ generate_report: 'SupportSessionListing', duration: '0' });
	expect(Number(call.body.start_time)).toBeGreaterThan(Date.now() / 1000 - 86400 - 60);
	expect(calls('reporting')).toHaveLength(1);

	const byTicket = await run({
		resource: 'session',
		operation: 'getAll',
		mode: 'listing',
		hours: 24,
		limit: 1,
		filters: { externalKey: 'INC-1002' },
	});
	expect(byTicket.outputs.Node).toEqual([
		{ lsid: lsids.ended, external_key: 'INC-1002', has_recording: true },
	]);
	const empty = await run({
		resource: 'session',
		operation: 'getAll',
		mode: 'listing',
		filters: { startTime: new Date(Date.now() - 60000).toISOString() },
	});
	expect(empty.error).toBeUndefined();
	expect(empty.outputs.Node ?? []).toEqual([]);
});

test('Get with several LSIDs: one lsids= call, one item per session in the order asked, all paired to the input item', async () => {
	const result = await run({ resource: 'session', operation: 'get', lsid: '={{ $json.ids }}' }, [
		{ ids: [lsids.old, lsids.activeTicket, lsids.old] },
	]);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node.map((s) => s.lsid)).toEqual([lsids.old, lsids.activeTicket]);
	expect(result.items.Node.map((x) => x.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	expect(calls('reporting').map((r) => r.body)).toEqual([
		{ generate_report: 'SupportSession', lsids: `${lsids.old},${lsids.activeTicket}` },
	]);

	const text = await run({
		resource: 'session',
		operation: 'get',
		lsid: `${lsids.ended}, ${lsids.activeNoTicket}`,
	});
	expect(text.outputs.Node.map((s) => s.lsid)).toEqual([lsids.ended, lsids.activeNoTicket]);

	const single = await run({ resource: 'session', operation: 'get', lsid: lsids.ended });
	expect(single.outputs.Node.map((s) => s.lsid)).toEqual([lsids.ended]);
	expect(calls('reporting').at(-1).body).toEqual({
		generate_report: 'SupportSession',
		lsid: lsids.ended,
	});

	const missing = await run({
		resource: 'session',
		operation: 'get',
		lsid: `${lsids.ended},${UNKNOWN}`,
	});
	expect(missing.error.message).toBe(`BeyondTrust has no support session ${UNKNOWN} [item 0]`);
	expect(calls('reporting')).toHaveLength(4);
});
