// The weekly RMS Connect audit example: its wiring (weekly schedule and a manual start → Get Logs →
// columns → HTML table and CSV file), and its Teltonika RMS node run as shipped on n8n-core against
// the simulator: the last 7 days, every page. The other nodes are n8n's own; the e2e run
// (test/e2e/suites/rms.js) runs the whole workflow in real n8n.
const fs = require('fs');
const path = require('path');
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { jsonFieldsRead } = require('../helpers/ticket-examples');

const example = JSON.parse(
	fs.readFileSync(path.resolve(__dirname, '../../examples/rms-weekly-connect-audit.json'), 'utf8'),
);
const NODE = 'Get logs of the last 7 days';
const byName = Object.fromEntries(example.nodes.map((n) => [n.name, n]));
const next = (name) => example.connections[name].main[0].map((c) => c.node);
const DAY = 86400e3;

const sim = simulatorPerFile();

test('a weekly schedule and a manual start feed Get Logs → columns → HTML table and CSV file', () => {
	const [rule] = byName['Every Monday'].parameters.rule.interval;
	expect(rule).toMatchObject({ field: 'weeks', triggerAtDay: [1] });
	expect(next('Every Monday')).toEqual([NODE]);
	expect(next('Run now')).toEqual([NODE]);
	expect(byName[NODE].parameters).toMatchObject({
		resource: 'connectSession',
		operation: 'getLogs',
		returnAll: true,
	});
	expect(next(NODE)).toEqual(['Audit columns']);
	expect(next('Audit columns').sort()).toEqual(['CSV file', 'HTML table']);
	expect(byName['HTML table'].parameters.operation).toBe('convertToHtmlTable');
	expect(byName['CSV file'].parameters.operation).toBe('csv');
	// the credential is the one the e2e run imports, as in the other examples
	expect(byName[NODE].credentials.teltonikaRmsApi.id).toBe('rmsSimulatorCred');
});

test('its RMS node lists every session of the last 7 days, and none older', async () => {
	const now = Date.now();
	const history = Array.from({ length: 120 }, (_, k) => ({
		start_time: now - 6 * DAY + k * 60e3,
		end_time: now - 6 * DAY + k * 60e3 + 30e3,
		type: 'cli',
	}));
	const recent = sim.rms.addConnectLogs(history);
	const [tooOld] = sim.rms.addConnectLogs([
		{ start_time: now - 8 * DAY, end_time: now - 8 * DAY + 600e3 },
	]);
	const workflow = {
		nodes: [
			{ ...byName['Run now'], id: 's' },
			{ ...byName[NODE], credentials: { teltonikaRmsApi: { id: '1', name: 'RMS' } } },
		],
		connections: { 'Run now': { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
	const result = await runWorkflow(workflow, {
		credentials: {
			teltonikaRmsApi: {
				accessToken: sim.rms.tokens.full,
				baseUrl: sim.rms.baseUrl,
				statusUrl: sim.rms.statusUrl,
			},
		},
	});
	expect(result.error).toBeUndefined();
	const ids = result.outputs[NODE].map((l) => l.id);
	// 120 seeded ones and the seed's 4 sessions of the last two days, oldest first
	expect(ids).toHaveLength(124);
	expect(ids.slice(0, 120)).toEqual(recent);
	expect(ids).not.toContain(tooOld);
	const starts = result.outputs[NODE].map((l) => l.started_at);
	expect([...starts].sort()).toEqual(starts);
	// every field the audit columns read is in each entry
	const read = jsonFieldsRead(byName['Audit columns']);
	expect(read).toHaveLength(8);
	for (const entry of result.outputs[NODE])
		expect(Object.keys(entry)).toEqual(expect.arrayContaining(read));
	// 124 entries = 2 requests of up to 100
	expect(sim.stats().routes['GET /api/devices/connect/logs']).toBe(2);
});
