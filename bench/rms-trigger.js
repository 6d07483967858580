// trigger: requests one poll of the Teltonika RMS Trigger costs per event, from the simulator's
// counters (30 devices, 250 alerts, the seed's Connect sessions), and the month at every minute.
'use strict';
const { startSimulator } = require('../simulator');
const { createTrigger, simCredentials } = require('../test/rms-trigger/poll-harness');

const EVENTS = [
	'newAlert',
	'deviceWentOffline',
	'deviceCameOnline',
	'sessionStarted',
	'sessionEnded',
];
const POLLS_A_MONTH_EVERY_MINUTE = 43200;

async function measureTrigger() {
	const sim = await startSimulator({ port: 0 });
	try {
		sim.rms.addAlerts(Array.from({ length: 250 }, () => ({ device_id: 1004 })));
		const out = {};
		for (const event of EVENTS) {
			const trigger = await createTrigger({
				parameters: { event },
				credentials: simCredentials(sim),
			});
			await trigger.poll(); // baseline
			const before = sim.stats().requests;
			const { error } = await trigger.poll();
			if (error) throw error;
			const perPoll = sim.stats().requests - before;
			out[event] = {
				requestsPerPoll: perPoll,
				perMonthEveryMinute: perPoll * POLLS_A_MONTH_EVERY_MINUTE,
			};
		}
		return out;
	} finally {
		await sim.stop();
	}
}

module.exports = { measureTrigger };
