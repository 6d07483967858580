// BeyondTrust Remote Support Trigger, how a delivery becomes an execution (webhook() in n8n-core's
// WebhookContext): no network call inside webhook() (session details come from a Session → Get
// node after the trigger), multipart bodies accepted, an exact re-delivery dropped (also after a
// restart, from the static data n8n saves), and node fields a sender cannot forge.
'use strict';
const { startSimulator } = require('../../simulator');
const { btCredentials } = require('../helpers/remote-access-workflows');
const { Workflow } = require('n8n-workflow');
const { loadTypes } = require('../helpers/type-registry');
const { callTrigger, eventForm } = require('./trigger-context');

let nodeTypes;
beforeAll(async () => {
	({ nodeTypes } = await loadTypes());
});

const END = 'support_conference_end';
const parameters = { events: ['support_conference_begin', END] };
const noRepeatCheck = { ...parameters, options: { ignoreRepeats: false } };

function multipart(fields, boundary = '----sim7MA4YWxkTrZu0gW') {
	const parts = Object.entries(fields).map(
		([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
	);
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		rawBody: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
	};
}

describe('no network call inside webhook()', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(() => sim.stop());

	test('a workflow saved with the old "Fetch Session Details" on: no call, no details', async () => {
		const lsid = sim.beyondtrust.fixtures.lsids.ended;
		sim.reset();
		const out = await callTrigger({
			parameters: { ...parameters, fetchSessionDetails: true },
			credentials: btCredentials(sim),
			form: eventForm(END, { lsid }),
		});
		expect(out.status).toBe(200);
		expect(out.items).toHaveLength(1);
		expect(out.items[0].session_details).toBeUndefined();
		expect(out.items[0].session_details_error).toBeUndefined();
		expect(out.requests).toEqual([]);
		expect(sim.requests({ path: '/beyondtrust/api/reporting' })).toHaveLength(0);
	});

	test('the trigger has no credential and no details option any more', async () => {
		const { loadTypes } = require('../helpers/type-registry');
		const { nodeTypes } = await loadTypes();
		const { description } = nodeTypes.getByNameAndVersion(
			'n8n-nodes-remote-access.beyondTrustRemoteSupportTrigger',
			1,
		);
		expect(description.credentials ?? []).toEqual([]);
		expect(description.properties.map((p) => p.name)).not.toContain('fetchSessionDetails');
		expect(description.webhooks[0]).toMatchObject({ responseMode: 'onReceived' });
	});
});

describe('multipart/form-data', () => {
	test('parsed by n8n into { data, files }: 200 and the same item as form encoding', async () => {
		const form = eventForm(END, { custom_ticket: 'INC-7' });
		const plain = await callTrigger({ parameters: noRepeatCheck, form });
		const multi = await callTrigger({
			parameters: noRepeatCheck,
			contentType: 'multipart/form-data; boundary=x',
			body: { data: form, files: {} },
		});
		expect(multi.status).toBe(200);
		expect(multi.answeredBy).toBe('n8n');
		expect(multi.items).toEqual(plain.items);
	});

	test('a raw multipart body is read by the node: fields as sent, files left out', async () => {
		const form = eventForm(END, { note: 'caf\u00e9 & co=1' });
		const raw = multipart(form);
		const withFile = Buffer.concat([
			raw.rawBody.subarray(0, raw.rawBody.length - '------sim7MA4YWxkTrZu0gW--\r\n'.length),
			Buffer.from(
				'------sim7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nbinary\r\n------sim7MA4YWxkTrZu0gW--\r\n',
			),
		]);
		const out = await callTrigger({ parameters: noRepeatCheck, ...raw, rawBody: withFile });
		expect(out.status).toBe(200);
		expect(out.items).toHaveLength(1);
		expect(out.items[0]).toMatchObject({ event: END, lsid: form.lsid, note: 'caf\u00e9 & co=1' });
		expect(out.items[0].f).toBeUndefined();
	});

	test.each([
		['no boundary', { contentType: 'multipart/form-data', rawBody: Buffer.from('x') }],
		['no closing boundary', { ...multipart({ event: END }), rawBody: Buffer.from('--b\r\n') }],
		[
			'too many parts',
			multipart(Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`f${i}`, 'v']))),
		],
		['too large', multipart({ ...eventForm(END), pad: 'x'.repeat(1024 * 1024) })],
		['not an event', multipart({ hello: 'world' })],
	])('hostile or not an event (%s): 400, no execution', async (_label, request) => {
		const out = await callTrigger({ parameters: noRepeatCheck, ...request });
		expect(out.status).toBe(400);
		expect(out.items).toBeUndefined();
	});
});

describe('Ignore Repeated Deliveries', () => {
	const form = eventForm(END);

	test('on by default: the same delivery twice is one execution, both answered 200', async () => {
		const first = await callTrigger({ parameters, form });
		expect(first.items).toHaveLength(1);
		expect(first.dataChanged).toBe(true);
		const again = await callTrigger({ parameters, form, staticData: first.staticData });
		expect(again.status).toBe(200);
		expect(again.body).toBe('OK (repeated delivery, ignored)');
		expect(again.items).toBeUndefined();
	});

	test('in one process, also when n8n did not save the static data (memory)', async () => {
		const workflowId = 'one-process';
		const first = await callTrigger({ parameters, form, workflowId });
		const again = await callTrigger({ parameters, form, workflowId });
		expect(first.items).toHaveLength(1);
		expect(again.items).toBeUndefined();
	});

	test('after a restart (static data saved to and read back from the database)', async () => {
		const first = await callTrigger({ parameters, form });
		const restored = JSON.parse(JSON.stringify(first.staticData));
		const again = await callTrigger({ parameters, form, staticData: restored });
		expect(again.items).toBeUndefined();
	});

	test('n8n 2.x re-wrapping the static data before its save check: marked changed again', async () => {
		// n8n 2.x creates the execution (a new Workflow on the same static data object, which
		// resets __dataChanged) before it answers and checks whether to save the static data.
		const raw = {};
		const first = await callTrigger({ parameters, form, staticData: raw });
		expect(first.items).toHaveLength(1);
		new Workflow({ id: 'x', nodes: [], connections: {}, nodeTypes, staticData: raw });
		expect(raw.__dataChanged).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(raw.__dataChanged).toBe(true);
		expect(Object.keys(raw['node:BeyondTrust Trigger'].deliveries)).toHaveLength(1);
	});

	test('another field, timestamp or session is a new delivery', async () => {
		const first = await callTrigger({ parameters, form });
		let seen = first.staticData;
		for (const change of [{ timestamp: '1733240468' }, { lsid: 'b'.repeat(32) }, { x: '1' }]) {
			const out = await callTrigger({ parameters, form: { ...form, ...change }, staticData: seen });
			expect(out.items).toHaveLength(1);
			seen = out.staticData;
		}
		expect(Object.keys(seen['node:BeyondTrust Trigger'].deliveries)).toHaveLength(4);
	});

	test('field order does not matter', async () => {
		const first = await callTrigger({ parameters, form });
		const reversed = Object.fromEntries(Object.entries(form).reverse());
		const again = await callTrigger({ parameters, form: reversed, staticData: first.staticData });
		expect(again.items).toBeUndefined();
	});

	test('outside the window the delivery counts again', async () => {
		const first = await callTrigger({ parameters, form });
		const deliveries = first.staticData['node:BeyondTrust Trigger'].deliveries;
		for (const key of Object.keys(deliveries)) deliveries[key] -= 61 * 60;
		const again = await callTrigger({ parameters, form, staticData: first.staticData });
		expect(again.items).toHaveLength(1);
	});

	test('a window above the maximum (1440 min) is held to it', async () => {
		const options = { repeatWindowMinutes: 1e12 };
		const first = await callTrigger({ parameters: { ...parameters, options }, form });
		const deliveries = first.staticData['node:BeyondTrust Trigger'].deliveries;
		for (const key of Object.keys(deliveries)) deliveries[key] -= 1441 * 60;
		const again = await callTrigger({
			parameters: { ...parameters, options },
			form,
			staticData: first.staticData,
		});
		expect(again.items).toHaveLength(1);
	});

	test('at most 1000 deliveries are remembered, the oldest dropped first', async () => {
		const now = Math.floor(Date.now() / 1000);
		const deliveries = Object.fromEntries(
			Array.from({ length: 1000 }, (_, i) => [`old${i}`, now - 1000 + i]),
		);
		const staticData = { 'node:BeyondTrust Trigger': { deliveries } };
		const out = await callTrigger({ parameters, form, staticData });
		const kept = Object.keys(out.staticData['node:BeyondTrust Trigger'].deliveries);
		expect(kept).toHaveLength(1000);
		expect(kept).not.toContain('old0');
		expect(kept).toContain('old1');
	});

	test('switched off: every delivery starts the workflow, static data untouched', async () => {
		const first = await callTrigger({ parameters: noRepeatCheck, form });
		const again = await callTrigger({ parameters: noRepeatCheck, form });
		expect([first.items, again.items].map((i) => i.length)).toEqual([1, 1]);
		expect(first.dataChanged).toBe(false);
	});
});

describe('fields the node adds cannot be forged', () => {
	test('sender fields named like node fields are moved under reserved_fields', async () => {
		const forged = {
			timestamp_unix: '1',
			timestamp_iso: '1999-01-01T00:00:00.000Z',
			session_details: 'fake',
			session_details_error: 'fake error',
			reserved_fields: 'x',
		};
		const out = await callTrigger({ parameters, form: eventForm(END, forged) });
		const [item] = out.items;
		expect(item.timestamp).toBe('2024-12-03T15:41:07.000Z');
		expect(item.timestamp_unix).toBe(1733240467);
		expect(item.timestamp_iso).toBeUndefined();
		expect(item.session_details).toBeUndefined();
		expect(item.session_details_error).toBeUndefined();
		expect(item.reserved_fields).toEqual(forged);
	});
});
