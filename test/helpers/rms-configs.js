// Extra remote-access configurations on the simulator's RMS, for tests of paging and limits.
'use strict';

/** Adds configs `Cfg_<n>` (http to 192.168.1.20, port 9000 + n) to device 1001, n = from … to - 1. */
function addDeviceConfigs(rms, from, to) {
	for (let n = from; n < to; n++)
		rms.addConfig({
			device_id: 1001,
			name: `Cfg_${n}`,
			destination_ip: '192.168.1.20',
			destination_port: 9000 + n,
			protocol: 'http',
		});
}

module.exports = { addDeviceConfigs };
