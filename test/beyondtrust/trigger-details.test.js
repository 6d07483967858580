// BeyondTrust Remote Support Trigger, "Fetch Session Details": one SupportSession report call per
// Session Ended event against the simulator's BeyondTrust personality, made after the appliance
// has its 200; a failed call still lets the event out, with session_details_error and no secret.
'use strict';
const { startSimulator } = require('../simulator');
const { btCredentials } = require('../helpers/remote-access-workflows');
const { callTrigger, eventForm } = require('./trigger-context');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const parameters = { events: ['support_conference_begin', 'support_conference_end'] };
const withDetails = { ...parameters, fetchSessionDetails: true };
// sim.reset() revokes the token an earlier test cached, so a refused call (401) and one re-mint
// may come first: count the report calls the simulator answered.
const reportCalls = () =>
	sim.requests({ path: '/beyondtrust/api/reporting' }).filter((r) => r.status !== 401);

async function endEvent(lsid, opts = {}) {
	return await callTrigger({
		parameters: withDetails,
		credentials: btCredentials(sim),
		form: eventForm('support_conference_end', { lsid, external_key: 'INC-1002' }),
		...opts,
	});
}

test('adds session_details from one SupportSession report for the event lsid', async () => {
	const lsid = sim.beyondtrust.fixtures.lsids.ended;
	const out = await endEvent(lsid);
	expect(out.status).toBe(200);
	expect(out.body).toBe('OK');
	expect(out.items).toHaveLength(1);
	const item = out.items[0];
	expect(item).toMatchObject({ event: 'support_conference_end', lsid, external_key: 'INC-1002' });
	expect(item.session_details_error).toBeUndefined();
	const details = item.session_details;
	expect(details).toEqual({
		lsid,
		external_key: 'INC-1002',
		start_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
		end_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
		duration_seconds: 1800,
		primary_rep: expect.any(String),
		representatives: [details.primary_rep],
		customer_name: 'Eve Example',
		chat_url: `https://support.example.com/session_download?lsid=${lsid}&dl_action=chat&view=1`,
	});
	expect(Date.parse(details.end_time) - Date.parse(details.start_time)).toBe(1800 * 1000);
	const calls = reportCalls();
	expect(calls).toHaveLength(1);
	expect(calls[0].body).toMatchObject({ generate_report: 'SupportSession', lsid });
});

test('the appliance has its 200 before the details call is sent', async () => {
	const lsid = sim.beyondtrust.fixtures.lsids.ended;
	const seenAtAnswer = [];
	const out = await callTrigger({
		parameters: withDetails,
		credentials: btCredentials(sim),
		form: eventForm('support_conference_end', { lsid }),
		onAnswer: () => seenAtAnswer.push(sim.requests({ path: '/beyondtrust' }).length),
	});
	expect(seenAtAnswer).toEqual([0]);
	expect(reportCalls()).toHaveLength(1);
	expect(out.items[0].session_details.lsid).toBe(lsid);
});

test('other events and a switched-off option make no call', async () => {
	const begin = await callTrigger({
		parameters: withDetails,
		credentials: btCredentials(sim),
		form: eventForm('support_conference_begin'),
	});
	const off = await callTrigger({
		parameters,
		form: eventForm('support_conference_end', { lsid: sim.beyondtrust.fixtures.lsids.ended }),
	});
	for (const out of [begin, off]) {
		expect(out.items).toHaveLength(1);
		expect(out.items[0].session_details).toBeUndefined();
		expect(out.items[0].session_details_error).toBeUndefined();
	}
	expect(sim.requests({ path: '/beyondtrust' })).toHaveLength(0);
});

test('an unknown session: the event still goes out, with session_details_error', async () => {
	const out = await endEvent('0123456789abcdef0123456789abcdef');
	expect(out.status).toBe(200);
	expect(out.items).toHaveLength(1);
	expect(out.items[0].session_details).toBeUndefined();
	expect(out.items[0].session_details_error).toBe(
		'BeyondTrust has no support session 0123456789abcdef0123456789abcdef in its reports',
	);
	expect(reportCalls()).toHaveLength(1);
});

test('an lsid that is not 32 hex characters is never sent', async () => {
	const out = await endEvent('../../api/command?action=terminate_session');
	expect(out.items).toHaveLength(1);
	expect(out.items[0].session_details_error).toMatch(/no valid session ID \(lsid\)/);
	expect(sim.requests({ path: '/beyondtrust' })).toHaveLength(0);
});

test('a refused credential: session_details_error without any secret, one item, 200', async () => {
	const clientSecret = 'wrong-secret-0f9e8d7c6b5a';
	const out = await endEvent(sim.beyondtrust.fixtures.lsids.ended, {
		credentials: btCredentials(sim, { clientSecret }),
	});
	expect(out.status).toBe(200);
	expect(out.items).toHaveLength(1);
	expect(out.items[0].session_details_error).toMatch(/^Could not read the session details: /);
	const shown = JSON.stringify(out.items) + out.body;
	for (const secret of [
		clientSecret,
		sim.beyondtrust.clientSecret,
		encodeURIComponent(clientSecret),
	])
		expect(shown).not.toContain(secret);
	expect(reportCalls()).toHaveLength(0);
});

test('an API failure on the report: session_details_error names it, the event is kept', async () => {
	sim.setFaults({ kind: 'status', status: 403, route: 'POST /beyondtrust/api/reporting' });
	const out = await endEvent(sim.beyondtrust.fixtures.lsids.ended);
	expect(out.status).toBe(200);
	expect(out.items).toHaveLength(1);
	expect(out.items[0].session_details_error).toMatch(
		/^Could not read the session details: The BeyondTrust API account may not read the details/,
	);
	expect(out.items[0].lsid).toBe(sim.beyondtrust.fixtures.lsids.ended);
});
