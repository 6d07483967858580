// Jest hooks that run the loopback simulator for a test file. Both return a stand-in for the
// simulator of the running test, so tests write `sim.stats()` as with the simulator itself.
'use strict';
const { startSimulator } = require('../../simulator');

function stand(current) {
	return new Proxy(
		{},
		{
			get(_target, key) {
				const sim = current();
				if (!sim) return undefined; // outside a test (e.g. awaited before the hooks ran)
				const value = sim[key];
				return typeof value === 'function' ? value.bind(sim) : value;
			},
		},
	);
}

/** A new simulator per test: a new port is a new token URL, so no cached token carries over. */
function simulatorPerTest(options = {}) {
	let sim;
	beforeEach(async () => {
		sim = await startSimulator({ port: 0, ...options });
		sim.reset();
	});
	afterEach(() => sim.stop());
	return stand(() => sim);
}

/** One simulator for the file, reset before each test. */
function simulatorPerFile(options = {}) {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, ...options });
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());
	return stand(() => sim);
}

module.exports = { simulatorPerTest, simulatorPerFile };
