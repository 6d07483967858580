'use strict';
// The `hold` fault (hold.js): nothing held is answered before `count` requests have arrived; then
// all are answered, in arrival order, and the fault is used up.

const { startSimulator } = require('.');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.stop());

const get = (id) =>
	fetch(`${sim.rms.baseUrl}/devices/${id}`, {
		headers: { Authorization: `Bearer ${sim.rms.tokens.full}` },
	});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition) {
	while (!condition()) await sleep(5);
}

test('holds until count requests arrived, then answers them in arrival order', async () => {
	sim.setFaults({ kind: 'hold', count: 3, staggerMs: 20, route: 'GET /api/devices/{id}' });
	const first = get(1001);
	await until(() => sim.faults()[0].remaining === 2);
	const second = get(1002);
	await until(() => sim.faults()[0].remaining === 1);
	expect(sim.requests()).toEqual([]); // both still held: nothing answered, nothing logged

	const third = get(1004);
	const statuses = (await Promise.all([first, second, third])).map((res) => res.status);
	expect(statuses).toEqual([200, 200, 200]);
	expect(sim.requests().map((r) => r.path)).toEqual([
		'/api/devices/1001',
		'/api/devices/1002',
		'/api/devices/1004',
	]);
	expect(sim.faults()).toEqual([]);
});

test('a hold without a count is refused', () => {
	expect(() => sim.setFaults({ kind: 'hold', staggerMs: 10 })).toThrow(/hold needs a count/);
});
