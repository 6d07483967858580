// BeyondTrust Remote Support Trigger: webhook() in n8n-core's WebhookContext. What it answers the
// appliance (status, plain body), which requests start an execution, and the items it emits.
'use strict';
const { callTrigger, eventForm } = require('./trigger-context');

const ALL_EVENTS = [
	'support_conference_begin',
	'support_conference_end',
	'support_conference_member_added',
	'support_conference_member_departed',
	'support_conference_owner_changed',
	'support_conference_customer_exit_survey_completed',
	'support_conference_rep_exit_survey_completed',
];
const SECRET = 'trigger-secret-7c41e9';

describe('accepted events', () => {
	test.each(ALL_EVENTS)(
		'%s: n8n answers 200 "OK"; one item with every field as sent',
		async (event) => {
			const form = eventForm(event, { custom_ticket_priority: 'high' });
			const out = await callTrigger({ parameters: { events: ALL_EVENTS }, form });
			// The node leaves the answer to n8n, which sends it once the execution is created.
			expect(out.answeredBy).toBe('n8n');
			expect(out.ended).toBe(0);
			expect(out.result.noWebhookResponse).toBeUndefined();
			expect(out.status).toBe(200);
			expect(out.body).toBe('OK');
			expect(out.items).toHaveLength(1);
			const { timestamp, timestamp_unix, ...rest } = out.items[0];
			const { timestamp: sent, ...sentRest } = form;
			expect(rest).toEqual(sentRest);
			expect(timestamp).toBe('2024-12-03T15:41:07.000Z');
			expect(timestamp_unix).toBe(Number(sent));
			expect(out.requests).toEqual([]);
		},
	);

	test('the default events are begin and end', async () => {
		const begin = await callTrigger({ form: eventForm('support_conference_begin') });
		const added = await callTrigger({ form: eventForm('support_conference_member_added') });
		expect(begin.items).toHaveLength(1);
		expect(added.items).toBeUndefined();
	});

	test('a member event keeps the member fields under their own names', async () => {
		const out = await callTrigger({
			parameters: { events: ['support_conference_member_added'] },
			form: eventForm('support_conference_member_added'),
		});
		expect(out.items[0]).toMatchObject({
			event: 'support_conference_member_added',
			type: 'customer',
			display_name: 'Eve Example',
			user_id: '42',
			external_key: 'INC-1002',
		});
	});

	test('a charset on the content type is fine; an empty field stays an empty string', async () => {
		const out = await callTrigger({
			contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
			form: eventForm('support_conference_end', { external_key: '' }),
		});
		expect(out.status).toBe(200);
		expect(out.items[0].external_key).toBe('');
	});

	test('a field named __proto__ does not reach the item', async () => {
		const out = await callTrigger({
			body: 'event=support_conference_end&version=1&timestamp=1733240467&__proto__=x&lsid=abc',
		});
		expect(out.status).toBe(200);
		expect(Object.getPrototypeOf(out.items[0])).toBe(Object.prototype);
		expect(Object.keys(out.items[0])).not.toContain('__proto__');
	});
});

describe('events not selected', () => {
	test.each([
		['support_conference_member_added', ['support_conference_end']],
		['support_conference_begin', ['support_conference_end']],
		['presentation_begin', ALL_EVENTS],
	])('%s: 200 and no execution', async (event, events) => {
		const out = await callTrigger({ parameters: { events }, form: eventForm(event) });
		expect(out.status).toBe(200);
		expect(out.body).toMatch(/^OK/);
		expect(out.result).toEqual({ noWebhookResponse: true });
		expect(out.items).toBeUndefined();
	});
});

describe('requests that are not outbound events: 400, no execution', () => {
	test.each([
		['JSON', { contentType: 'application/json', body: { event: 'support_conference_end' } }],
		['no content type', { contentType: '', body: 'event=support_conference_end' }],
		['an empty form', { body: '' }],
		['no event', { form: { version: '1', timestamp: '1733240467' } }],
		['no version', { form: { event: 'support_conference_end', timestamp: '1733240467' } }],
		['no timestamp', { form: { event: 'support_conference_end', version: '1' } }],
		['a timestamp that is not Unix seconds', { form: eventForm('x', { timestamp: 'yesterday' }) }],
		['an event name with odd characters', { form: eventForm('support conference <end>') }],
		[
			'two event fields',
			{ body: 'event=support_conference_end&event=support_conference_begin&version=1&timestamp=1' },
		],
	])('%s', async (_label, request) => {
		const out = await callTrigger(request);
		expect(out.status).toBe(400);
		expect(out.body).toMatch(/^Bad Request: .+/);
		expect(out.result).toEqual({ noWebhookResponse: true });
		expect(out.items).toBeUndefined();
	});

	test('the 400 names what is missing', async () => {
		const out = await callTrigger({ form: { event: 'support_conference_end', version: '1' } });
		expect(out.body).toBe('Bad Request: the form has no single "timestamp" field');
	});
});

describe('shared secret in the query string', () => {
	const parameters = { options: { secret: SECRET } };
	const form = eventForm('support_conference_end');

	test('the right secret: 200 and one item, with no trace of the secret', async () => {
		const out = await callTrigger({ parameters, form, query: { secret: SECRET } });
		expect(out.status).toBe(200);
		expect(out.items).toHaveLength(1);
		expect(JSON.stringify(out.items) + out.body).not.toContain(SECRET);
	});

	test.each([
		['missing', {}],
		['wrong', { secret: 'trigger-secret-7c41e8' }],
		['a prefix', { secret: SECRET.slice(0, -1) }],
		['given twice', { secret: [SECRET, SECRET] }],
		['empty', { secret: '' }],
	])('%s: 401 and no execution', async (_label, query) => {
		const out = await callTrigger({ parameters, form, query });
		expect(out.status).toBe(401);
		expect(out.body).toMatch(/^Unauthorized: /);
		expect(out.body).not.toContain(SECRET);
		expect(out.result).toEqual({ noWebhookResponse: true });
	});

	test('the sender check comes before the form check: no secret and no form is 401', async () => {
		const out = await callTrigger({ parameters, contentType: 'application/json', body: {} });
		expect(out.status).toBe(401);
	});
});

describe('allowed IPs', () => {
	const form = eventForm('support_conference_end');
	const allow = (allowedIps) => ({ options: { allowedIps } });

	test.each([
		['a single IPv4', '198.51.100.7', '198.51.100.7'],
		['an IPv4 CIDR', '10.0.0.0/8, 198.51.100.0/24', '198.51.100.200'],
		['an IPv6 address', '2001:db8::1', '2001:0db8:0000::0001'],
		['an IPv6 CIDR', '2001:db8:abcd::/48', '2001:db8:abcd:12::5'],
		['an IPv4-mapped sender against an IPv4 rule', '198.51.100.0/24', '::ffff:198.51.100.9'],
		['an IPv4 sender against a mapped rule', '::ffff:198.51.100.9', '198.51.100.9'],
		['a list with a bad entry', 'not-an-ip, 198.51.100.7', '198.51.100.7'],
	])('%s: allowed', async (_label, allowedIps, ip) => {
		const out = await callTrigger({ parameters: allow(allowedIps), form, ip });
		expect(out.status).toBe(200);
		expect(out.items).toHaveLength(1);
	});

	test.each([
		['another IPv4', '198.51.100.7', '198.51.100.8'],
		['outside the IPv4 CIDR', '198.51.100.0/25', '198.51.100.128'],
		['another IPv6', '2001:db8::1', '2001:db8::2'],
		['outside the IPv6 CIDR', '2001:db8:abcd::/48', '2001:db8:abce::1'],
		['a mapped sender outside the IPv4 rule', '198.51.100.0/24', '::ffff:203.0.113.9'],
		['an IPv4 rule does not cover IPv6 senders', '0.0.0.0/0', '2001:db8::1'],
		['only bad entries', 'not-an-ip, 10.0.0.0/33', '10.0.0.1'],
	])('%s: 403 and no execution', async (_label, allowedIps, ip) => {
		const out = await callTrigger({ parameters: allow(allowedIps), form, ip });
		expect(out.status).toBe(403);
		expect(out.body).toMatch(/^Forbidden: /);
		expect(out.result).toEqual({ noWebhookResponse: true });
	});

	test('behind a trusted proxy the forwarded address (req.ips) counts, as in the Webhook node', async () => {
		const out = await callTrigger({
			parameters: allow('198.51.100.7'),
			form,
			ip: '10.0.0.2',
			ips: ['198.51.100.7'],
		});
		expect(out.status).toBe(200);
	});

	test('IP check and secret together: the right IP without the secret is 401', async () => {
		const parameters = { options: { allowedIps: '198.51.100.7', secret: SECRET } };
		const ip = '198.51.100.7';
		expect((await callTrigger({ parameters, form, ip })).status).toBe(401);
		const ok = await callTrigger({ parameters, form, ip, query: { secret: SECRET } });
		expect(ok.status).toBe(200);
	});
});
