'use strict';
// GET /devices and GET /devices/{id} (docs/vendor-behaviour.md, RMS: default page size).

const { ok, list, fail, notFoundError } = require('./envelope');
const { SCOPES } = require('./tokens');
const { pageList, parseIdList, pickFields, isFieldsOnly, invalid } = require('./query');

// The status filter takes strings; the device field is an int (null counts as offline).
const STATUS_FILTERS = {
	online: (s) => s === 1,
	offline: (s) => s === 0 || s === null,
	not_activated: (s) => s === 2,
};

function statusTest(value, source) {
	if (value === undefined) return () => true;
	const test = STATUS_FILTERS[value];
	if (!test)
		invalid(
			source,
			`The selected ${source} is invalid. Allowed: ${Object.keys(STATUS_FILTERS).join(', ')}.`,
		);
	return test;
}

function filterDevices(devices, query) {
	const ids = parseIdList(query.id, 'id');
	const tagIds = parseIdList(query.tag_id, 'tag_id');
	const isStatus = statusTest(query.status, 'status');
	const notStatus =
		query['ne:status'] === undefined ? () => false : statusTest(query['ne:status'], 'ne:status');
	const q = query.q ? String(query.q).toLowerCase() : '';
	return devices.filter(
		(d) =>
			(!ids || ids.includes(d.id)) &&
			(!tagIds || d.tags.some((t) => tagIds.includes(t.id))) &&
			isStatus(d.status) &&
			!notStatus(d.status) &&
			(!query.model || d.model === query.model) &&
			(!query.mac || d.mac.toLowerCase() === String(query.mac).toLowerCase()) &&
			(!q || [d.name, d.serial, d.mac].some((v) => String(v).toLowerCase().includes(q))),
	);
}

function deviceRoutes(store) {
	return [
		{
			method: 'GET',
			path: '/api/devices',
			scope: SCOPES.devicesRead,
			handler: ({ query }) => {
				if (isFieldsOnly(query)) return ok(Object.keys(store.state.devices[0]));
				const matches = filterDevices(store.state.devices, query);
				const filters = {
					id: query.id,
					status: query.status,
					tag_id: query.tag_id,
					model: query.model,
					mac: query.mac,
				};
				const { data, meta } = pageList(matches, query, { defaultLimit: 10, filters });
				return list(data, meta);
			},
		},
		{
			method: 'GET',
			path: '/api/devices/{id}',
			scope: SCOPES.devicesRead,
			handler: ({ params, query }) => {
				const device = store.findDevice(params.id);
				if (!device) fail(notFoundError());
				if (isFieldsOnly(query)) return ok(Object.keys(device));
				return ok(pickFields(device, query.fields));
			},
		},
	];
}

module.exports = { deviceRoutes };
