// The BeyondTrust Remote Support Trigger as the editor shows it, read from the built node
// description: the URL to paste into BeyondTrust (with and without a secret, test and production),
// how to send a test event, the canvas subtitle by event display name, option names like n8n's
// Webhook node, tooltips without engineering notes, and the item's field names and order.
'use strict';
require('../helpers/n8n-env');
const path = require('path');
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { callTrigger, eventForm } = require('./trigger-context');

const DIST = path.resolve(__dirname, '../../dist/nodes/BeyondTrustRemoteSupportTrigger');
const { BeyondTrustRemoteSupportTrigger } = require(
	`${DIST}/BeyondTrustRemoteSupportTrigger.node.js`,
);

const nodeType = new BeyondTrustRemoteSupportTrigger();
const { description } = nodeType;
const notices = description.properties.filter((p) => p.type === 'notice');
const options = description.properties.find((p) => p.name === 'options').options;
const option = (name) => options.find((o) => o.name === name);

const node = (parameters) => ({
	id: 'a1',
	name: 'BeyondTrust Trigger',
	type: 'n8n-nodes-remote-access.beyondTrustRemoteSupportTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters,
});

/** The notices the editor shows for these parameters (n8n's own display check). */
const shownNotices = (parameters) =>
	notices
		.filter((p) => NodeHelpers.displayParameter(parameters, p, node(parameters), description))
		.map((p) => p.displayName);

/** The subtitle as n8n's expression engine resolves it on the canvas. */
function subtitleFor(parameters) {
	const types = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const n = node(parameters);
	const workflow = new Workflow({ nodes: [n], connections: {}, active: false, nodeTypes: types });
	return workflow.expression.getSimpleParameterValue(n, description.subtitle, 'internal', {});
}

describe('the URL to paste into BeyondTrust', () => {
	test('without a secret: one notice, the Production URL and the Test URL, no ?secret=', () => {
		const [text, ...rest] = shownNotices({ events: ['support_conference_end'], options: {} });
		expect(rest).toEqual([]);
		expect(text).toMatch(/^URL to paste into BeyondTrust: this trigger's Production URL/);
		expect(text).toMatch(/https:\/\/n8n\.example\.com\/webhook\/[^ ]+\/webhook\b/);
		expect(text).toContain('/webhook-test/');
		expect(text).not.toContain('secret=');
		expect(text).toContain('Outbound Events → Add HTTP Recipient');
	});

	test('with a secret: the notice shows the full URL ending in ?secret=, for test and production', () => {
		for (const secret of ['s3cr3t-value', '={{ $env.BT_SECRET }}']) {
			const shown = shownNotices({ events: ['support_conference_end'], options: { secret } });
			expect(shown).toHaveLength(1);
			const [text] = shown;
			expect(text).toMatch(
				/https:\/\/n8n\.example\.com\/webhook\/[^ ]+\/webhook\?secret=your-secret/,
			);
			expect(text).toMatch(/\/webhook-test\/[^ ]+\/webhook\?secret=your-secret/);
			// The secret itself is never part of the description.
			expect(text).not.toContain('s3cr3t-value');
		}
	});

	test('an empty secret counts as none', () => {
		expect(shownNotices({ options: { secret: '' } })).toEqual(shownNotices({ options: {} }));
	});

	test('says how to send a test event: Listen for Test Event, the Test URL, a session event', () => {
		const [text] = shownNotices({ options: {} });
		expect(text).toMatch(/Listen for Test Event, paste the Test URL/);
		expect(text).toMatch(/start or end a support session/);
		expect(description.triggerPanel.header).toBe('Send a test event from BeyondTrust');
		const help = description.triggerPanel.executionsHelp;
		for (const state of ['inactive', 'active']) {
			expect(help[state]).toContain('Test URL');
			expect(help[state]).toContain('?secret=');
			expect(help[state]).toContain('Outbound Events');
		}
		expect(help.inactive).toContain('Production URL');
	});

	test('n8n can build the workflow with the notices: parameters resolve with and without a secret', () => {
		for (const opts of [{}, { secret: 'x' }]) {
			const types = { getByNameAndVersion: () => nodeType, getByName: () => nodeType };
			const n = node({ events: ['support_conference_end'], options: opts });
			expect(
				() => new Workflow({ nodes: [n], connections: {}, active: false, nodeTypes: types }),
			).not.toThrow();
		}
	});
});

describe('canvas subtitle', () => {
	test('event display names, in the order chosen', () => {
		expect(subtitleFor({ events: ['support_conference_end'] })).toBe('On Session Ended');
		expect(
			subtitleFor({ events: ['support_conference_begin', 'support_conference_member_added'] }),
		).toBe('On Session Started, Member Added');
	});

	test('every offered event has its display name in the subtitle', () => {
		const events = description.properties.find((p) => p.name === 'events');
		for (const { name, value } of events.options)
			expect(subtitleFor({ events: [value] })).toBe(`On ${name}`);
	});

	test('an event the list does not know shows as sent', () => {
		expect(subtitleFor({ events: ['support_conference_other'] })).toBe(
			'On support_conference_other',
		);
	});
});

describe('options', () => {
	test('named like the Webhook node; saved parameter names unchanged', () => {
		expect(options.map((o) => [o.name, o.displayName])).toEqual([
			['allowedIps', 'IP(s) Allowlist'],
			['secret', 'Secret'],
			['ignoreRepeats', 'Ignore Repeated Deliveries'],
			['repeatWindowMinutes', 'Repeat Window (Minutes)'],
		]);
		expect(option('allowedIps').description).toMatch(
			/^Comma-separated list of allowed IP addresses or CIDR ranges/,
		);
		expect(option('allowedIps').description).toContain('Leave empty to allow all IPs');
	});

	test('tooltips in user words: no environment variables or header names', () => {
		const texts = [
			...description.properties.map((p) => `${p.displayName} ${p.description ?? ''}`),
			...options.map((o) => `${o.displayName} ${o.description ?? ''}`),
		];
		for (const text of texts) {
			expect(text).not.toMatch(/N8N_[A-Z_]+|X-Forwarded-For|&lt;|fingerprint/);
		}
		expect(option('allowedIps').description).toMatch(/behind a reverse proxy/);
	});
});

describe('the item: identifying fields first, ISO time with its Unix twin', () => {
	test('event, lsid, external_key, timestamp (ISO), timestamp_unix, then the rest as sent', async () => {
		const out = await callTrigger({
			parameters: { events: ['support_conference_end'] },
			form: eventForm('support_conference_end'),
		});
		const [item] = out.items;
		expect(Object.keys(item)).toEqual([
			'event',
			'lsid',
			'external_key',
			'timestamp',
			'timestamp_unix',
			'version',
			'appliance_id',
		]);
		expect(item.timestamp).toBe('2024-12-03T15:41:07.000Z');
		expect(item.timestamp_unix).toBe(1733240467);
	});
});
