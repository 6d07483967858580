// The simulator's BeyondTrust outbound events against a small recipient on 127.0.0.1: form
// encoding, strict order, re-queue on a non-200 with later events held behind, recovery, a slow
// recipient, 50 events at once delivered exactly once, and the ended session in the report.
const http = require('http');
const { startSimulator } = require('.');

let sim;
let recipient;

/** A recipient that records every POST and answers what `answer(form)` says (200 by default). */
async function startRecipient() {
	const r = { received: [], answer: () => 200 };
	r.server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			const form = Object.fromEntries(new URLSearchParams(body));
			r.received.push({ form, body, type: req.headers['content-type'], path: req.url });
			res.writeHead(r.answer(form, r.received.length));
			res.end();
		});
	});
	await new Promise((resolve) => r.server.listen(0, '127.0.0.1', resolve));
	r.url = `http://127.0.0.1:${r.server.address().port}/bt?secret=s3`;
	return r;
}

beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
	sim.beyondtrust.events.setRetryDelay(20);
	recipient = await startRecipient();
});
afterEach(async () => {
	await sim.stop();
	recipient.server.closeAllConnections();
	await new Promise((resolve) => recipient.server.close(resolve));
});

const events = () => sim.beyondtrust.events;
const names = () => recipient.received.map((x) => x.form.event);

test('a session lifecycle arrives in order, form-encoded, with BeyondTrust field names', async () => {
	events().addRecipient(recipient.url);
	const { lsid } = events().beginSession({
		externalKey: 'INC 42&x',
		customer: 'Pat Customer',
		representative: 'alice',
	});
	events().addMember(lsid, { representative: 'bob' });
	events().changeOwner(lsid, 'bob');
	events().removeMember(lsid, { representative: 'alice' });
	events().endSession(lsid);
	await events().idle();
	expect(names()).toEqual([
		'support_conference_begin',
		'support_conference_member_added',
		'support_conference_member_added',
		'support_conference_member_added',
		'support_conference_owner_changed',
		'support_conference_member_departed',
		'support_conference_member_departed',
		'support_conference_member_departed',
		'support_conference_end',
	]);
	const [begin, customer] = recipient.received;
	expect(begin.type).toBe('application/x-www-form-urlencoded');
	expect(begin.path).toBe('/bt?secret=s3');
	expect(begin.body).toContain('external_key=INC+42%26x');
	expect(begin.form).toEqual({
		event: 'support_conference_begin',
		version: expect.any(String),
		timestamp: expect.stringMatching(/^\d{10}$/),
		appliance_id: events().applianceId,
		lsid,
		external_key: 'INC 42&x',
	});
	expect(customer.form).toMatchObject({
		type: 'customer',
		display_name: 'Pat Customer',
		name: 'Pat Customer',
		conference_id: lsid,
	});
	expect(Object.keys(customer.form)).toEqual(
		expect.arrayContaining(['username', 'user_id', 'conference_name']),
	);
	expect(recipient.received[4].form).toMatchObject({
		event: 'support_conference_owner_changed',
		username: 'bob',
		user_id: '2',
		type: 'representative',
	});
	const r = events().recipients()[0];
	expect(r).toMatchObject({ sent: 9, delivered: 9, retried: 0, queued: 0 });
});

test('a 500 re-queues the event; later events wait behind it until it succeeds', async () => {
	events().addRecipient(recipient.url);
	let failures = 3;
	recipient.answer = (form) =>
		form.event === 'support_conference_begin' && failures-- > 0 ? 500 : 200;
	const { lsid } = events().beginSession({ externalKey: 'INC-1' });
	events().endSession(lsid);
	await events().idle();
	// Three failed attempts at begin, nothing else sent meanwhile, then everything in order.
	expect(names().slice(0, 4)).toEqual(Array(4).fill('support_conference_begin'));
	expect(names().slice(4)).toEqual([
		'support_conference_member_added',
		'support_conference_member_added',
		'support_conference_member_departed',
		'support_conference_member_departed',
		'support_conference_end',
	]);
	expect(events().recipients()[0]).toMatchObject({ sent: 9, retried: 3, delivered: 6 });
	expect(sim.stats().personalities.beyondtrust).toMatchObject({
		btEventsRetried: 3,
		btEventsDelivered: 6,
		btEventsQueued: 0,
	});
});

test('an unreachable recipient holds the queue; it drains in order once it is back', async () => {
	const r = events().addRecipient(recipient.url, {
		events: ['support_conference_begin', 'support_conference_end'],
	});
	events().setRecipientFault(r.id, { mode: 'fail' });
	const a = events().beginSession({ externalKey: 'INC-A' });
	const b = events().beginSession({ externalKey: 'INC-B' });
	events().endSession(a.lsid);
	await new Promise((resolve) => setTimeout(resolve, 100));
	expect(recipient.received).toHaveLength(0);
	expect(events().recipients()[0].queued).toBe(3);
	expect(events().recipients()[0].retried).toBeGreaterThan(0);
	events().setRecipientFault(r.id, null);
	await events().idle();
	expect(recipient.received.map((x) => `${x.form.event} ${x.form.external_key}`)).toEqual([
		'support_conference_begin INC-A',
		'support_conference_begin INC-B',
		'support_conference_end INC-A',
	]);
	expect(b.lsid).not.toBe(a.lsid);
});

test('a refused connection counts as a failure and is retried', async () => {
	const closed = await startRecipient();
	const url = closed.url;
	await new Promise((resolve) => closed.server.close(resolve));
	const r = events().addRecipient(url);
	events().emit('support_conference_end', { lsid: 'a'.repeat(32), external_key: 'INC-9' });
	await new Promise((resolve) => setTimeout(resolve, 100));
	expect(events().recipients()[0]).toMatchObject({ delivered: 0, queued: 1, lastStatus: 0 });
	events().removeRecipient(r.id);
	await events().idle();
});

test('a slow recipient still gets every event once, in order', async () => {
	const r = events().addRecipient(recipient.url, { events: ['support_conference_end'] });
	events().setRecipientFault(r.id, { mode: 'slow', ms: 30 });
	const sessions = [1, 2, 3].map((n) => events().beginSession({ externalKey: `INC-${n}` }));
	sessions.forEach((s) => events().endSession(s.lsid));
	await events().idle();
	expect(recipient.received.map((x) => x.form.external_key)).toEqual(['INC-1', 'INC-2', 'INC-3']);
	expect(events().recipients()[0]).toMatchObject({ sent: 3, delivered: 3, retried: 0 });
});

test('50 events fired together are each delivered exactly once, in order, with failures between', async () => {
	events().addRecipient(recipient.url);
	recipient.answer = (form, n) => (n % 7 === 0 ? 503 : 200);
	const keys = Array.from({ length: 50 }, (_, i) => `INC-${1000 + i}`);
	keys.forEach((key, i) =>
		events().emit('support_conference_end', {
			lsid: String(i).padStart(32, '0'),
			external_key: key,
		}),
	);
	await events().idle();
	const delivered = recipient.received.filter((_, i) => (i + 1) % 7 !== 0);
	expect(delivered.map((x) => x.form.external_key)).toEqual(keys);
	const { sent, retried } = events().recipients()[0];
	expect(sent).toBe(50 + retried);
	expect(retried).toBeGreaterThan(0);
});

test('the ended session is in the SupportSession report with every rep and the chat URL', async () => {
	events().addRecipient(recipient.url, { events: ['support_conference_end'] });
	const { lsid } = events().beginSession({ externalKey: 'INC-77', customer: 'Pat Customer' });
	events().addMember(lsid, { representative: 'bob' });
	events().endSession(lsid);
	await events().idle();
	expect(recipient.received.map((x) => x.form.lsid)).toEqual([lsid]);
	const session = sim.beyondtrust.state().sessions.find((s) => s.lsid === lsid);
	expect(session).toMatchObject({ externalKey: 'INC-77', customer: 'Pat Customer', reps: [1, 2] });
	expect(session.end).not.toBeNull();
	// terminate_session over the Command API ends a session the same way.
	const other = events().beginSession({ externalKey: 'INC-78' });
	const { clientId, clientSecret, siteUrl } = sim.beyondtrust;
	const token = await post(`${siteUrl}/oauth2/token`, 'grant_type=client_credentials', {
		Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
	});
	const auth = { Authorization: `Bearer ${JSON.parse(token).access_token}` };
	await post(`${siteUrl}/api/command`, `action=terminate_session&lsid=${other.lsid}`, auth);
	const report = await post(
		`${siteUrl}/api/reporting`,
		`generate_report=SupportSession&lsids=${lsid},${other.lsid}`,
		auth,
	);
	expect(report).toContain('<display_name>Bob Builder</display_name>');
	expect(report).toContain('<primary_customer gsnumber="7">Pat Customer</primary_customer>');
	expect(report).toMatch(new RegExp(`<session_chat_view_url>https://[^<]*lsid=${lsid}&amp;`));
	expect(report.match(/<end_time /g)).toHaveLength(2);
	await events().idle();
	expect(recipient.received.map((x) => x.form.external_key)).toEqual(['INC-77', 'INC-78']);
});

test('recipients, faults and the session lifecycle over /__sim/', async () => {
	const call = (command, args) =>
		post(`${sim.url}/__sim/beyondtrust/events/${command}`, JSON.stringify({ args }));
	const added = JSON.parse(
		await call('addRecipient', [recipient.url, { events: ['support_conference_end'] }]),
	);
	expect(added.result).toMatchObject({ id: 1, events: ['support_conference_end'] });
	const { result } = JSON.parse(await call('beginSession', [{ externalKey: 'INC-HTTP' }]));
	await call('endSession', [result.lsid]);
	await events().idle();
	expect(recipient.received.map((x) => x.form.external_key)).toEqual(['INC-HTTP']);
	const bad = await postStatus(`${sim.url}/__sim/beyondtrust/events/emit`, '{"args":["nope"]}');
	expect(bad).toBe(400);
	sim.reset();
	expect(events().recipients()).toEqual([]);
});

function request(url, body, headers = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers }, (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode, text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}
const post = async (url, body, headers) => (await request(url, body, headers)).text;
const postStatus = async (url, body) => (await request(url, body)).status;

describe('retry duration: a refused event is dropped, as the appliance does, and the queue moves on', () => {
	let now;
	beforeEach(async () => {
		await sim.stop();
		now = Date.parse('2026-12-01T10:00:00Z');
		sim = await startSimulator({ port: 0, clock: () => now });
		events().setRetryDelay(5);
	});

	test('30 min duration, each refusal 10 min apart: 3 attempts, dropped, then the rest', async () => {
		events().setRetryDuration(30 * 60 * 1000);
		const r = events().addRecipient(recipient.url);
		recipient.answer = (form) => {
			if (form.event !== 'support_conference_begin') return 200;
			now += 10 * 60 * 1000;
			return 503;
		};
		const { lsid } = events().beginSession({ externalKey: 'INC-DROP' });
		events().endSession(lsid);
		await events().idle();
		expect(names().slice(0, 3)).toEqual(Array(3).fill('support_conference_begin'));
		expect(names().slice(3)).not.toContain('support_conference_begin');
		expect(names().at(-1)).toBe('support_conference_end');
		expect(events().recipients()[0]).toMatchObject({ sent: 8, retried: 2, dropped: 1 });
		expect(
			events()
				.dropped(r.id)
				.map((f) => f.event),
		).toEqual(['support_conference_begin']);
		expect(sim.stats().personalities.beyondtrust).toMatchObject({ btEventsDropped: 1 });
	});

	test('a per-recipient duration of 0: one attempt only', async () => {
		const r = events().addRecipient(recipient.url, { retryDurationMs: 0 });
		recipient.answer = (form) => (form.event === 'support_conference_begin' ? 500 : 200);
		events().emit('support_conference_begin', { lsid: 'a'.repeat(32) });
		events().emit('support_conference_end', { lsid: 'a'.repeat(32) });
		await events().idle();
		expect(names()).toEqual(['support_conference_begin', 'support_conference_end']);
		expect(events().recipients()[0]).toMatchObject({ sent: 2, delivered: 1, dropped: 1 });
		expect(events().dropped(r.id)).toHaveLength(1);
	});

	test('within the duration the event is still retried until it succeeds', async () => {
		events().addRecipient(recipient.url, { retryDurationMs: 60 * 60 * 1000 });
		let failures = 4;
		recipient.answer = () => {
			now += 10 * 60 * 1000;
			return failures-- > 0 ? 500 : 200;
		};
		events().emit('support_conference_end', { lsid: 'b'.repeat(32) });
		await events().idle();
		expect(events().recipients()[0]).toMatchObject({ sent: 5, delivered: 1, dropped: 0 });
	});

	test('bad durations are refused', () => {
		expect(() => events().setRetryDuration(-1)).toThrow(/retry duration/);
		expect(() => events().addRecipient(recipient.url, { retryDurationMs: 'x' })).toThrow();
	});
});
