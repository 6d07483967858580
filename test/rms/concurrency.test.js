// "Generate connect link" stays idempotent when executions overlap: in one process they take
// turns per (account, device, name); across processes (n8n queue mode) every execution keeps the
// lowest id and deletes the other copies. Run against the loopback simulator.
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsWorkflow, rmsCredentials } = require('../helpers/remote-access-workflows');
const sharedNock = require('nock'); // the one workflow-runner above loaded

const NODE = 'Teltonika RMS';
const NAME = 'Ticket_Race_HTTPS';
const DEVICE = 1001;
const sim = simulatorPerFile({ channelCompleteMs: 300 });

function linkWorkflow() {
	return rmsWorkflow(NODE, {
		resource: 'connectSession',
		operation: 'generateLink',
		name: NAME,
		device: { __rl: true, mode: 'id', value: String(DEVICE) },
		destinationIp: '192.168.1.10',
		destinationPort: 443,
		protocol: 'https',
		duration: 600,
		options: { pollInterval: 0.25, pollTimeout: 20 },
	});
}

async function generateLink(runner = runWorkflow) {
	const result = await runner(linkWorkflow(), { credentials: rmsCredentials(sim), input: [{}] });
	if (result.error) throw result.error;
	return result.outputs[NODE][0];
}

const named = () => sim.rms.state().configs.filter((c) => c.name === NAME);
const deletes = () => sim.requests({ method: 'DELETE', path: '/api/devices/remote-access' });

/** Waits until the simulator has answered the create, then plays another worker's copy. */
async function injectCopyDuringCreate(id) {
	while (sim.requests({ method: 'POST', path: '/api/devices/remote-access' }).length === 0) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	sim.rms.addConfig({
		id,
		device_id: DEVICE,
		name: NAME,
		destination_ip: '192.168.1.10',
		destination_port: 443,
		protocol: 'https',
	});
}

test('6 concurrent executions in one process create exactly 1 configuration and share it', async () => {
	const outputs = await Promise.all(Array.from({ length: 6 }, () => generateLink()));
	expect(sim.stats().configsCreated).toBe(1);
	expect(named()).toHaveLength(1);
	const id = named()[0].id;
	expect(outputs.map((o) => o.access_id)).toEqual(Array(6).fill(id));
	expect(outputs.filter((o) => o.config_created)).toHaveLength(1);
	expect(outputs.every((o) => o.link.startsWith('https://'))).toBe(true);
	expect(sim.stats().sessionsStarted).toBe(6);
	expect(deletes()).toHaveLength(0);
});

test('a copy another process created with a lower id wins: ours is deleted, the session starts on theirs', async () => {
	// Seed ids stop below 62101, the id the simulator gives the next create: 62100 is "theirs".
	const [output] = await Promise.all([generateLink(), injectCopyDuringCreate(62100)]);
	expect(output.access_id).toBe(62100);
	expect(deletes().map((r) => r.body)).toEqual([{ id: [62101] }]);
	const starts = sim.requests({ method: 'POST', path: '/api/devices/connect/' });
	expect(starts.map((r) => r.path)).toEqual(['/api/devices/connect/62100']);
	sim.stats(); // lets the delete's channel complete
	await new Promise((resolve) => setTimeout(resolve, 350));
	expect(named().map((c) => c.id)).toEqual([62100]);
});

test('a delete that finds the copy already gone (404) is not an error', async () => {
	sim.setFaults({
		kind: 'status',
		status: 404,
		route: 'DELETE /api/devices/remote-access',
		count: 1,
	});
	const [output] = await Promise.all([generateLink(), injectCopyDuringCreate(62100)]);
	expect(output.access_id).toBe(62100);
	expect(deletes().map((r) => r.status)).toEqual([404]);
	expect(output.link).toMatch(/^https:\/\//);
});

test('two module instances (two workers) racing on one name leave exactly 1 configuration', async () => {
	let otherWorker;
	jest.isolateModules(() => {
		// One nock for both registries: a second copy would patch http again and outlive this file,
		// so the next test file in this jest worker would get two interceptors ("Unhandled error").
		jest.doMock('nock', () => sharedNock);
		otherWorker = require('../helpers/workflow-runner').runWorkflow;
	});
	const runs = [0, 1, 2].flatMap(() => [generateLink(), generateLink(otherWorker)]);
	const outputs = await Promise.all(runs);
	await new Promise((resolve) => setTimeout(resolve, 350)); // the deletes' channels complete
	expect(named()).toHaveLength(1);
	const id = named()[0].id;
	expect(outputs.map((o) => o.access_id)).toEqual(Array(6).fill(id));
	// Every session started on the surviving configuration.
	const starts = sim.requests({ method: 'POST', path: '/api/devices/connect/' });
	expect(new Set(starts.map((r) => r.path))).toEqual(new Set([`/api/devices/connect/${id}`]));
	// Each worker made at most one copy; every copy beyond the first was deleted.
	const created = sim.stats().configsCreated;
	expect(created).toBeLessThanOrEqual(2);
	expect(sim.stats().configsDeleted).toBe(created - 1);
});
