// The two ticket flows the queue-mode checks fire: webhook → vendor node → Respond to Webhook.
// Own copies (not examples/), so the checks read exactly the fields they assert on.
'use strict';
const rms = require('../suites/rms');
const bt = require('../suites/beyondtrust');

// BeyondTrust allows 20 requests/s per API account; each of the 2 workers takes floor(19 / 2).
const BT_RATE_PER_WORKER = 9;

// Webhook → (optional `split`: one item per element of a body field) → vendor node → Respond.
function ticketFlow({ id, name, path, node, split, respond }) {
	const main = (to) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	const splitNode = split && {
		id: `${id}-split`,
		name: 'Split',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [130, 0],
		parameters: { fieldToSplitOut: split, options: {} },
	};
	return {
		id,
		name,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Ticket webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
			},
			...(splitNode ? [splitNode] : []),
			{ id: `${id}-node`, name: 'Vendor', position: [260, 0], typeVersion: 1, ...node },
			{
				id: `${id}-respond`,
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [520, 0],
				parameters: respond,
			},
		],
		connections: splitNode
			? { 'Ticket webhook': main('Split'), Split: main('Vendor'), Vendor: main('Respond') }
			: { 'Ticket webhook': main('Vendor'), Vendor: main('Respond') },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

// POST { serial, name, ticket } → { ticket, link, access_id, configuration_name }.
const rmsLink = ticketFlow({
	id: 'queueRmsLink1',
	name: 'Queue mode: RMS ticket → connect link',
	path: 'queue-rms-link',
	node: {
		type: rms.nodeType,
		credentials: rms.credentialRef,
		parameters: {
			resource: 'connectSession',
			operation: 'generateLink',
			device: { __rl: true, mode: 'serial', value: '={{ $json.body.serial }}' },
			destinationIp: '192.168.1.10',
			destinationPort: 443,
			protocol: 'https',
			duration: 600,
			name: '={{ $json.body.name }}',
			options: {},
		},
	},
	respond: {
		respondWith: 'json',
		responseBody:
			"={{ { ticket: $('Ticket webhook').item.json.body.ticket, link: $json.link, access_id: $json.access_id, configuration_name: $json.configuration_name } }}",
		options: {},
	},
});

// POST { tickets: [{ ticket }, ...] } → one session key per ticket, all generated side by side
// (several requests per execution, so two workers unpaced would exceed 20/s): [{ short_key, external_key, link, ... }].
const btKey = ticketFlow({
	id: 'queueBtKey1',
	name: 'Queue mode: ticket → BeyondTrust session key',
	path: 'queue-bt-key',
	node: {
		type: bt.nodeType,
		credentials: bt.credentialRef,
		parameters: {
			resource: 'sessionKey',
			operation: 'generate',
			queueType: 'general',
			externalKey: '={{ $json.ticket }}',
			ttl: 3600,
			additionalFields: {},
			options: { maxRequestsPerSecond: BT_RATE_PER_WORKER },
		},
	},
	split: 'body.tickets',
	respond: { respondWith: 'allIncomingItems', options: {} },
});

module.exports = { rmsLink, btKey, BT_RATE_PER_WORKER };
