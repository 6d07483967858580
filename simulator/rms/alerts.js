'use strict';
// RMS alerts (docs/vendor-behaviour.md, RMS: alerts): GET /alerts lists the account's alerts,
// `limit` (default 10) / `offset` paged, filtered by `id`, `company_id`, `device_id`,
// `alerts_configs_id` and `type` (the alert type's name). Entries have the spec's fields, with
// `created_at` as "Y-m-d H:i:s" without a zone. A device status change (setDeviceStatus) creates a
// "Status change" alert, as an RMS alert configuration on that device would; addAlerts() adds any.
// Ordering (id ascending) and the scope (devices:read) are this simulator's reading.

const { list } = require('./envelope');
const { SCOPES } = require('./tokens');
const { COMPANY } = require('./seed');
const { pageList, parseIdList, invalid } = require('./query');
const { formatDateTime } = require('./format');

const FIRST_ALERT_ID = 70001;
const STATUS_CHANGE = { alert_type: 'Status change', alert_type_id: 3, alerts_configs_id: 301 };
const STATUS_TEXT = { 0: 'Offline', 1: 'Online', 2: 'Not activated', null: 'Offline' };

function nextAlertId(store) {
	const alerts = (store.state.alerts = store.state.alerts || []);
	return FIRST_ALERT_ID + alerts.length;
}

/** Adds alerts ({ device_id, alert_type?, alert_subtype?, message?, created_at? }); returns ids. */
function addAlerts(store, entries) {
	return [].concat(entries || []).map((entry) => {
		const device = store.findDevice(entry.device_id);
		if (!device) throw new Error(`addAlerts: unknown device_id ${entry.device_id}`);
		const alert = {
			id: nextAlertId(store),
			company_id: COMPANY.id,
			device_id: device.id,
			alerts_configs_id: entry.alerts_configs_id ?? 302,
			message:
				entry.message ??
				`Router name - ${device.name}; Event type - ${entry.alert_type ?? 'Custom'};`,
			alert_type: entry.alert_type ?? 'Custom',
			alert_subtype: entry.alert_subtype ?? null,
			alert_type_id: entry.alert_type_id ?? 9,
			alert_subtype_id: entry.alert_subtype_id ?? null,
			created_at: entry.created_at ?? formatDateTime(store.clock()),
		};
		store.state.alerts.push(alert);
		return alert.id;
	});
}

/**
 * Sets a device online (1), offline (0), not activated (2) or null, as the router's own
 * connection would; a real change adds a "Status change" alert. Returns the alert id or null.
 */
function setDeviceStatus(store, deviceId, status) {
	const device = store.findDevice(deviceId);
	if (!device) throw new Error(`setDeviceStatus: unknown device ${deviceId}`);
	if (![0, 1, 2, null].includes(status))
		throw new Error('setDeviceStatus: status must be 0, 1, 2 or null');
	const before = device.status;
	device.status = status;
	if ((before === 1) === (status === 1)) return null;
	const when = formatDateTime(store.clock());
	const [id] = addAlerts(store, {
		device_id: device.id,
		...STATUS_CHANGE,
		alert_subtype: status === 1 ? 'Device came online' : 'Device went offline',
		alert_subtype_id: status === 1 ? 10 : 11,
		message: `Router name - ${device.name}; Event type - Status change; Event text - ${STATUS_TEXT[before]} to ${STATUS_TEXT[status]}; Time stamp - ${when.replace(/:/g, '-')};`,
		created_at: when,
	});
	return id;
}

function listAlerts(store, query) {
	const ids = parseIdList(query.id, 'id');
	for (const name of ['company_id', 'device_id', 'alerts_configs_id']) {
		if (query[name] !== undefined && !/^[1-9]\d*$/.test(String(query[name])))
			invalid(name, `The ${name.replace(/_/g, ' ')} must be an integer of at least 1.`);
	}
	const same = (name, value) => query[name] === undefined || String(value) === String(query[name]);
	const alerts = (store.state.alerts || []).filter(
		(a) =>
			(!ids || ids.includes(a.id)) &&
			same('company_id', a.company_id) &&
			same('device_id', a.device_id) &&
			same('alerts_configs_id', a.alerts_configs_id) &&
			(query.type === undefined || a.alert_type === query.type),
	);
	const filters = { device_id: query.device_id, company_id: query.company_id, type: query.type };
	const { data, meta } = pageList(alerts, query, { defaultLimit: 10, filters });
	return list(data, meta);
}

function alertRoutes(store) {
	return [
		{
			method: 'GET',
			path: '/api/alerts',
			scope: SCOPES.devicesRead,
			handler: ({ query }) => listAlerts(store, query),
		},
	];
}

module.exports = { alertRoutes, addAlerts, setDeviceStatus };
