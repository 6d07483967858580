'use strict';
// Deterministic seed data (documented in ../README.md). Only session times depend on the clock,
// so that "active" sessions are active whenever the seed is (re)built.

const { formatDateTime, connectHost } = require('./format');

const COMPANY = { id: 5001, name: 'Acme Field Services' };
const TAGS = {
	office: { id: 11, name: 'Office', color: '#4287f5' },
	field: { id: 12, name: 'Field', color: '#2eb82e' },
	fiveG: { id: 13, name: '5G', color: '#ff8800' },
};

// Device status is an int: 1 online, 0 offline, 2 not activated (pending), null = offline.
const NAMED_DEVICES = [
	{
		id: 1001,
		name: 'RUTX11 Office',
		serial: '1111111111',
		model: 'RUTX11',
		status: 1,
		tags: ['office'],
	},
	{
		id: 1002,
		name: 'RUT955 Warehouse',
		serial: '2222222222',
		model: 'RUT955',
		status: 0,
		tags: ['field'],
	},
	{ id: 1003, name: 'RUT240 Spare', serial: '3333333333', model: 'RUT240', status: 2, tags: [] },
	{
		id: 1004,
		name: 'TRB140 Pump Station',
		serial: '4444444444',
		model: 'TRB140',
		status: 1,
		tags: ['field'],
	},
	{
		id: 1005,
		name: 'RUTX50 Branch Vilnius',
		serial: '5555555555',
		model: 'RUTX50',
		status: 1,
		tags: ['office', 'fiveG'],
	},
];
const FILLER_MODELS = ['RUT950', 'RUT360', 'RUTX10', 'TRB245', 'RUTM50'];

/** Devices 1006..1030: every 5th offline, 1030 has status null; tags by divisibility. */
function fillerDevices() {
	const devices = [];
	for (let n = 6; n <= 30; n++) {
		const tags = [];
		if (n % 3 === 0) tags.push('field');
		if (n % 4 === 0) tags.push('fiveG');
		const model = FILLER_MODELS[n % FILLER_MODELS.length];
		const status = n === 30 ? null : n % 5 === 0 ? 0 : 1;
		const name = `${model} Site ${String(n).padStart(2, '0')}`;
		devices.push({ id: 1000 + n, name, serial: String(6000000000 + n), model, status, tags });
	}
	return devices;
}

function macFor(id, last = 0) {
	const bytes = [0x00, 0x1e, 0x42, (id >> 16) & 0xff, (id >> 8) & 0xff, (id + last) & 0xff];
	return bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function buildDevice(d) {
	const online = d.status === 1;
	return {
		id: d.id,
		company_id: COMPANY.id,
		company_name: COMPANY.name,
		name: d.name,
		description: `${d.model} at ${d.name}`,
		model: d.model,
		original_model: `${d.model}00000`,
		serial: d.serial,
		mac: macFor(d.id),
		wlan_mac: macFor(d.id, 2),
		imei: String(860000000000000 + d.id),
		firmware: `${d.model.slice(0, 4)}_R_00.07.09`,
		status: d.status,
		mqtt: 1,
		last_connection_at: '2025-06-02 08:15:00',
		created_at: '2024-01-15 09:30:00',
		updated_at: '2025-06-02 08:15:00',
		router_uptime: online ? 86400 + d.id : 0,
		temperature: online ? 41 : null,
		signal: online ? -67 : null,
		connection_type: online ? 'LTE' : null,
		connection_state: online ? 'connected' : 'disconnected',
		wan_state: online ? 'mobile' : null,
		wan_ip: online ? `10.64.${d.id % 256}.2` : null,
		mobile_ip: online ? `10.64.${d.id % 256}.2` : null,
		operator: 'Telia LT',
		iccid: String(8937000000000000000n + BigInt(d.id)),
		latitude: 54.6872,
		longitude: 25.2797,
		tags: d.tags.map((key) => ({ ...TAGS[key], company_id: COMPANY.id })),
	};
}

// [id, device_id, name, destination_ip, destination_port, protocol, is_main, credentials_required]
// Ports are strings as real data has them, except 62009 (int): types vary
// (docs/vendor-behaviour.md, RMS: loose types).
// "Main" entries are the device's own WebUI and have an empty (or null) protocol
// (docs/vendor-behaviour.md, RMS: main WebUI entries without protocol).
const CONFIGS = [
	[62001, 1001, 'Main', '192.168.1.1', '80', '', 1, 0],
	[62002, 1001, 'Camera_HTTPS', '192.168.1.10', '443', 'https', 0, 0],
	[62003, 1001, 'NAS_SSH', '192.168.1.20', '22', 'ssh', 0, 1],
	[62004, 1002, 'Main', '192.168.1.1', '80', null, 1, 0],
	[62005, 1002, 'PLC_HTTP', '10.0.0.5', '8080', 'http', 0, 0],
	[62006, 1004, 'Main', '192.168.1.1', '443', '', 1, 0],
	[62007, 1004, 'SCADA_RDP', '192.168.2.50', '3389', 'rdp', 0, 1],
	[62008, 1005, 'Main', '192.168.1.1', '80', '', 1, 0],
	[62009, 1005, 'HMI_VNC', '192.168.5.30', 5900, 'vnc', 0, 0],
	[62010, 1006, 'Main', '192.168.1.1', '80', '', 1, 0],
	[62011, 1007, 'Main', '192.168.1.1', '80', '', 1, 0],
	[62012, 1008, 'Main', '192.168.1.1', '80', '', 1, 0],
];

// [id, access_id, start offset s, end offset s] relative to the seed time: 2 active, 2 expired.
const SESSIONS = [
	[9001, 62002, -600, 1200],
	[9002, 62002, -90000, -88200],
	[9003, 62007, -300, 3300],
	[9004, 62003, -7200, -5400],
];

function buildSeed(nowMs) {
	const nowS = Math.floor(nowMs / 1000);
	const devices = [...NAMED_DEVICES, ...fillerDevices()].map(buildDevice);
	const configs = CONFIGS.map(([id, deviceId, name, ip, port, protocol, isMain, creds]) => ({
		id,
		device_id: deviceId,
		name,
		destination_ip: ip,
		destination_port: port,
		protocol,
		is_main: isMain,
		credentials_required: creds,
		created_at: formatDateTime(Date.UTC(2024, 4, 12, 10, 0, 0) + (id - 62000) * 60000),
	}));
	const sessions = SESSIONS.map(([id, accessId, startOffset, endOffset]) => ({
		id,
		access_id: accessId,
		device_id: configs.find((c) => c.id === accessId).device_id,
		start_time: nowS + startOffset,
		end_time: nowS + endOffset,
		ttl: endOffset - startOffset,
		url: connectHost(id),
	}));
	return { devices, configs, sessions, nextConfigId: 62101, nextSessionId: 9101 };
}

const FIXTURES = {
	companyId: COMPANY.id,
	onlineDevice: { id: 1001, serial: '1111111111', name: 'RUTX11 Office' },
	offlineDeviceId: 1002,
	notActivatedDeviceId: 1003,
	nullStatusDeviceId: 1030,
	deviceCount: 30,
	tags: TAGS,
	mainConfigId: 62001,
	httpsConfigId: 62002,
	offlineDeviceConfigId: 62005,
	activeSessionIds: [9001, 9003],
	expiredSessionIds: [9002, 9004],
};

module.exports = { buildSeed, COMPANY, FIXTURES };
