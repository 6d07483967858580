// The BeyondTrust personality's session attributes, SupportSessionListing, SupportSession for
// several sessions and the queue `available` flag, over real HTTP on 127.0.0.1.
'use strict';
const { startSimulator } = require('.');
const { FIXTURES } = require('./beyondtrust/seed');

const { lsids } = FIXTURES;
let sim;
let token;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());
beforeEach(async () => {
	sim.reset();
	const { clientId, clientSecret, siteUrl } = sim.beyondtrust;
	const res = await fetch(`${siteUrl}/oauth2/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	token = (await res.json()).access_token;
});

/** The answer's XML without the declaration and the namespace, for compact comparisons. */
async function call(api, query) {
	const res = await fetch(`${sim.beyondtrust.siteUrl}/api/${api}?${new URLSearchParams(query)}`, {
		headers: { Authorization: `Bearer ${token}` },
	});
	expect(res.status).toBe(200);
	return (await res.text())
		.replace(/<\?xml[^>]*>\s*/, '')
		.replace(/ xmlns="[^"]*"/, '')
		.trim();
}
const command = (query) => call('command', query);
const report = (query) => call('reporting', query);

test('set_session_attributes then get_session_attributes: stored per session, empty clears', async () => {
	expect(
		await command({
			action: 'set_session_attributes',
			lsid: lsids.activeTicket,
			'session.custom.external_key': 'INC-2002',
			'session.custom.priority': 'high',
		}),
	).toBe('<success>Session attributes were set</success>');
	expect(await command({ action: 'get_session_attributes', lsid: lsids.activeTicket })).toBe(
		'<custom_attributes>' +
			'<custom_attribute display_name="External Key" code_name="external_key">INC-2002</custom_attribute>' +
			'<custom_attribute display_name="Ticket" code_name="ticket">INC-1001</custom_attribute>' +
			'<custom_attribute display_name="priority" code_name="priority">high</custom_attribute>' +
			'</custom_attributes>',
	);
	await command({
		action: 'set_session_attributes',
		lsid: lsids.activeTicket,
		'session.custom.ticket': '',
	});
	const full = await report({ generate_report: 'SupportSession', lsid: lsids.activeTicket });
	expect(full).toContain('<external_key>INC-2002</external_key>');
	expect(full).toContain(
		'<custom_attributes><custom_attribute display_name="priority" code_name="priority">high</custom_attribute></custom_attributes>',
	);
	expect(sim.stats().personalities.beyondtrust.btAttributesSet).toBe(2);
	// The other sessions are untouched.
	expect(await command({ action: 'get_session_attributes', lsid: lsids.activeNoTicket })).toBe(
		'<custom_attributes/>',
	);
});

test('attributes of an ended or unknown session, or too long: <error>, nothing stored', async () => {
	for (const lsid of [lsids.ended, '0'.repeat(32)]) {
		expect(await command({ action: 'get_session_attributes', lsid })).toBe(
			`<error>No active session found with lsid &quot;${lsid}&quot;.</error>`,
		);
		expect(
			await command({ action: 'set_session_attributes', lsid, 'session.custom.x': '1' }),
		).toMatch(/^<error>No active session found/);
	}
	expect(
		await command({
			action: 'set_session_attributes',
			lsid: lsids.activeTicket,
			'session.custom.notes': 'n'.repeat(1025),
		}),
	).toMatch(/^<error>The value of &quot;notes&quot; is longer than 1024 characters/);
	expect(sim.stats().personalities.beyondtrust.btAttributesSet).toBe(0);
});

test('SupportSessionListing: ids, external keys, recording flags; an empty window is an empty list', async () => {
	const now = Math.floor(Date.now() / 1000);
	expect(
		await report({
			generate_report: 'SupportSessionListing',
			start_time: now - 86400,
			duration: 0,
		}),
	).toBe(
		'<session_summary_list>' +
			`<session_summary lsid="${lsids.activeTicket}" has_recording="0"><external_key>INC-1001</external_key></session_summary>` +
			`<session_summary lsid="${lsids.ended}" has_recording="1"><external_key>INC-1002</external_key></session_summary>` +
			`<session_summary lsid="${lsids.activeNoTicket}" has_recording="0"/>` +
			'</session_summary_list>',
	);
	expect(
		await report({ generate_report: 'SupportSessionListing', start_time: now + 60, duration: 0 }),
	).toBe('<session_summary_list/>');
	expect(await report({ generate_report: 'SupportSessionListing', lsid: lsids.ended })).toMatch(
		/^<error>A start_date, start_time/,
	);
});

test('SupportSession with lsids= answers every session asked for in one report', async () => {
	const xml = await report({
		generate_report: 'SupportSession',
		lsids: [lsids.ended, lsids.old, '0'.repeat(32)].join(','),
	});
	expect([...xml.matchAll(/<session lsid="([0-9a-f]{32})"/g)].map((m) => m[1])).toEqual([
		lsids.ended,
		lsids.old,
	]);
});

test('queue available: 1 while a representative can take the session, 0 when none can (the recorded case)', async () => {
	const available = async (queue_id) =>
		/<queue available="(\d)">/.exec(
			await command({ action: 'generate_session_key', type: 'support', queue_id }),
		)[1];
	expect(await available('general')).toBe('1');
	expect(await available('team:1')).toBe('1');
	expect(await available('issue:vpn')).toBe('1');
	sim.beyondtrust.setRepAvailable(1, false);
	expect(await available('team:1')).toBe('0'); // Carol, the other member, is logged out
	expect(await available('general')).toBe('1'); // Bob still is available
	sim.beyondtrust.setRepAvailable(2, false);
	expect(await available('general')).toBe('0');
	expect(await available('rep:2')).toBe('0');
	sim.reset();
	expect(sim.beyondtrust.state().reps.some((r) => r.available === false)).toBe(false);
});
