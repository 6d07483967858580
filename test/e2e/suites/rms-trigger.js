// Teltonika RMS Trigger in a real n8n: examples/rms-router-offline-ticket.json is imported with
// its ticket URLs pointed at an HTTP endpoint this suite runs on 127.0.0.1, and activated (Poll
// Times every minute). The activation poll is the baseline; then a router goes offline in the
// simulator → exactly one ticket, across further polls; it comes back → exactly one device link
// on that ticket.
'use strict';
const assert = require('assert');
const rms = require('./rms');
const { startTicketSystem } = require('../../../simulator/ticket-system');
const { sleep, waitFor: waitUntil } = require('../wait');
const { pointAtTicketSystem } = require('../../../scripts/lib/examples');

const FILE = 'examples/rms-router-offline-ticket.json';
const DEVICE = 1004;
const POLL_WAIT_MS = 150000; // Poll Times every minute, plus n8n's own delays

const endpoint = { system: null, received: [] };

async function startTicketEndpoint() {
	endpoint.system = await startTicketSystem();
	endpoint.received = endpoint.system.received;
}

async function stopTicketEndpoint() {
	if (endpoint.system) await endpoint.system.stop();
}

function pointAtTicketEndpoint(workflow) {
	const pointed = pointAtTicketSystem(workflow, endpoint.system.url);
	for (const node of pointed.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest'))
		assert.ok(
			node.parameters.url.includes(endpoint.system.url),
			`ticket URL is ${node.parameters.url}`,
		);
	return pointed;
}

const waitFor = (what, fn, timeoutMs = POLL_WAIT_MS) => waitUntil(what, fn, timeoutMs, 500);

// Both triggers read GET /api/devices once a poll: a count that grew by 2 is one more poll round.
const devicePolls = (sim) => sim.stats().routes['GET /api/devices'] || 0;

async function run({ sim }) {
	endpoint.received.length = 0;
	const notes = [];
	// The run resets the simulator before this suite: wait for a poll round on the seed's
	// statuses (the activation baseline was taken on the same seed).
	let polls = devicePolls(sim);
	await waitFor('a poll round of both triggers', () => devicePolls(sim) >= polls + 2);

	sim.rms.setDeviceStatus({ deviceId: DEVICE, status: 0 });
	const [ticket] = await waitFor('the ticket', () =>
		endpoint.received.length ? endpoint.received : null,
	);
	assert.strictEqual(ticket.path, '/api/tickets');
	assert.ok(ticket.json, 'the ticket is JSON');
	assert.strictEqual(ticket.json.external_key, `rms-device-${DEVICE}`);
	assert.strictEqual(ticket.json.device_id, DEVICE);
	polls = devicePolls(sim);
	await waitFor('the next poll round', () => devicePolls(sim) >= polls + 2);
	await sleep(2000);
	assert.strictEqual(endpoint.received.length, 1, 'still one ticket after the next poll');
	notes.push('RMS Trigger: router offline → 1 ticket (one more poll round: still 1)');

	sim.rms.setDeviceStatus({ deviceId: DEVICE, status: 1 });
	await waitFor('the device link on the ticket', () => endpoint.received.length >= 2);
	const note = endpoint.received[1];
	assert.strictEqual(note.path, `/api/tickets/rms-device-${DEVICE}/work-notes`);
	assert.match(String(note.json && note.json.link), /^https:\/\/[0-9a-f]{32}\.proxy1-connect/);
	polls = devicePolls(sim);
	await waitFor('the next poll round', () => devicePolls(sim) >= polls + 2);
	await sleep(2000);
	assert.strictEqual(endpoint.received.length, 2, 'one ticket and one link note');
	assert.strictEqual(sim.stats().webuiLinks, 1, 'one device link');
	notes.push('RMS Trigger: back online → 1 device link on the ticket (1 WebUI link in RMS)');
	return notes;
}

module.exports = {
	name: 'Teltonika RMS Trigger',
	key: 'rmstrigger',
	nodeType: `${rms.nodeType}Trigger`,
	credentialType: rms.credentialType,
	credentials: rms.credentials,
	credentialRef: rms.credentialRef,
	operations: [],
	prepare: startTicketEndpoint,
	cleanup: stopTicketEndpoint,
	examples: [{ file: FILE, via: 'server', transform: pointAtTicketEndpoint, run }],
	editor: null, // the RMS suite covers the editor
};
