// examples/rms-router-offline-ticket.json: its two triggers (as shipped, on n8n-core's PollContext)
// report a router going offline exactly once and its coming back exactly once; the ticket bodies
// its expressions build are right; its Generate device link node makes one WebUI link.
'use strict';
const fs = require('fs');
const path = require('path');
const { startSimulator } = require('../../simulator');
const { expressionEvaluator } = require('../helpers/expressions');
const { runWorkflow } = require('../helpers/workflow-runner');
const { manualWorkflow } = require('../helpers/remote-access-workflows');
const { createTrigger, simCredentials, TRIGGER_TYPE } = require('./poll-harness');

const example = JSON.parse(
	fs.readFileSync(path.resolve(__dirname, '../../examples/rms-router-offline-ticket.json'), 'utf8'),
);
const byName = Object.fromEntries(example.nodes.map((n) => [n.name, n]));
const next = (name) => (example.connections[name]?.main[0] || []).map((c) => c.node);

let sim;
let evaluate;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, channelCompleteMs: 100 });
	evaluate = await expressionEvaluator();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

test('two triggers polling every minute: offline → Open ticket, online → link → ticket', () => {
	for (const [name, event] of [
		['Router went offline', 'deviceWentOffline'],
		['Router came online', 'deviceCameOnline'],
	]) {
		expect(byName[name].type).toBe(TRIGGER_TYPE);
		expect(byName[name].parameters).toMatchObject({
			event,
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		});
	}
	expect(next('Router went offline')).toEqual(['Open ticket']);
	expect(next('Router came online')).toEqual(['Generate device link']);
	expect(next('Generate device link')).toEqual(['Add link to ticket']);
	const notes = example.nodes
		.filter((n) => n.type === 'n8n-nodes-base.stickyNote')
		.map((n) => n.parameters.content)
		.join('\n');
	expect(notes).toMatch(/For your RMS account and ticket system/);
	expect(notes).toMatch(
		/Open ticket\* and \*Add link to ticket\* post to https:\/\/tickets\.example\.com/,
	);
});

test('one offline router gives exactly one ticket, its return exactly one device link', async () => {
	const offline = await createTrigger({
		parameters: byName['Router went offline'].parameters,
		credentials: simCredentials(sim),
	});
	const online = await createTrigger({
		parameters: byName['Router came online'].parameters,
		credentials: simCredentials(sim),
	});
	expect((await offline.poll()).items).toEqual([]); // activation: baseline
	expect((await online.poll()).items).toEqual([]);

	sim.rms.setDeviceStatus({ deviceId: 1004, status: 0 });
	const down = (await offline.poll()).items;
	expect(down.map((d) => d.id)).toEqual([1004]);
	expect((await online.poll()).items).toEqual([]);
	expect((await offline.poll()).items).toEqual([]); // the next minute: no second ticket

	const ticket = JSON.parse(evaluate(byName['Open ticket'].parameters.jsonBody, down[0]));
	expect(ticket).toMatchObject({
		external_key: 'rms-device-1004',
		device_id: 1004,
		serial: '4444444444',
		title: 'Router TRB140 Pump Station (4444444444) is offline',
	});

	sim.rms.setDeviceStatus({ deviceId: 1004, status: 1 });
	const up = (await online.poll()).items;
	expect(up.map((d) => d.id)).toEqual([1004]);
	expect((await offline.poll()).items).toEqual([]);

	const linkNode = byName['Generate device link'];
	const result = await runWorkflow(manualWorkflow(linkNode), {
		credentials: simCredentials(sim),
		input: up,
	});
	expect(result.error).toBeUndefined();
	const [link] = result.outputs[linkNode.name];
	expect(link).toMatchObject({ device_id: 1004, link_type: 'webui', duration: 3600 });
	expect(sim.stats().webuiLinks).toBe(1);

	const note = byName['Add link to ticket'].parameters;
	expect(evaluate(note.url, link)).toBe(
		'https://tickets.example.com/api/tickets/rms-device-1004/work-notes',
	);
	expect(JSON.parse(evaluate(note.jsonBody, link))).toMatchObject({
		link: link.link,
		expires_at: link.expires_at,
	});
});
