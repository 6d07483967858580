'use strict';
// Remote-access configurations. Writes answer with a status channel and take effect only when it
// completes: the new config (whose id is never returned) appears then (docs/vendor-behaviour.md,
// RMS: new configuration id not returned).

const { list, channel, fail, notFoundError, validationError } = require('./envelope');
const { SCOPES } = require('./tokens');
const { pageList, parseIdList, isFieldsOnly, invalid } = require('./query');
const { remoteAccessProblems } = require('./validate');
const { formatDateTime } = require('./format');

const OFFLINE_MESSAGE = 'Device is offline. Remote access configuration could not be applied.';

function listConfigs(store, { query }) {
	const deviceIds = parseIdList(query.device_id, 'device_id');
	const configs = store.state.configs.filter((c) => !deviceIds || deviceIds.includes(c.device_id));
	const rows = configs.map((c) => store.serializeConfig(c));
	if (isFieldsOnly(query))
		return { status: 200, body: { success: true, data: Object.keys(rows[0] || {}) } };
	// The spec has no limit/offset here; they are honoured only when sent.
	const { data, meta } = pageList(rows, query, {
		defaultLimit: Infinity,
		filters: { device_id: query.device_id },
	});
	return list(data, meta);
}

/** One channel part per device: completes on an online device, fails with `error` otherwise. */
function devicePart(store, deviceId, value, apply) {
	const online = store.findDevice(deviceId).status === 1;
	return online
		? { key: deviceId, outcome: 'completed', value, apply }
		: { key: deviceId, outcome: 'error', value: OFFLINE_MESSAGE, errorKey: 'errorcode' };
}

function createConfigs(store, ctx) {
	const items = ctx.body && ctx.body.data;
	if (!Array.isArray(items) || items.length === 0)
		invalid('data', 'The data field must be a non-empty array.');
	const deviceExists = (id) => Boolean(store.findDevice(id));
	const problems = items.flatMap((item) => remoteAccessProblems(item, { deviceExists }));
	if (problems.length) fail(validationError(problems));

	const byDevice = new Map();
	for (const item of items) {
		const deviceId = Number(item.device_id);
		const config = newConfig(store, item, deviceId);
		byDevice.set(deviceId, [...(byDevice.get(deviceId) || []), config]);
	}
	const parts = [...byDevice].map(([deviceId, configs]) =>
		devicePart(store, deviceId, 'Remote access configuration created.', () => {
			const createdAt = formatDateTime(store.clock()); // it exists from completion on
			store.state.configs.push(...configs.map((c) => ({ ...c, created_at: createdAt })));
			store.counters.configsCreated += configs.length;
		}),
	);
	return channel(store.createChannel(ctx, parts), 201);
}

function newConfig(store, item, deviceId) {
	return {
		id: store.state.nextConfigId++,
		device_id: deviceId,
		name: item.name,
		destination_ip: item.destination_ip,
		destination_port: String(item.destination_port),
		protocol: item.protocol || '',
		is_main: 0,
		credentials_required: [true, 1, '1'].includes(item.credentials_required) ? 1 : 0,
	};
}

function updateConfig(store, ctx) {
	const config = store.findConfig(ctx.params.access_id);
	if (!config) fail(notFoundError());
	const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
	const deviceExists = (id) => Boolean(store.findDevice(id));
	const problems = remoteAccessProblems(body, { deviceExists, partial: true });
	if (problems.length) fail(validationError(problems));
	const changes = {};
	for (const field of ['device_id', 'name', 'destination_ip', 'protocol']) {
		if (body[field] !== undefined)
			changes[field] = field === 'device_id' ? Number(body[field]) : body[field];
	}
	if (body.destination_port !== undefined) changes.destination_port = String(body.destination_port);
	if (body.credentials_required !== undefined) {
		changes.credentials_required = [true, 1, '1'].includes(body.credentials_required) ? 1 : 0;
	}
	const part = devicePart(store, config.device_id, 'Remote access configuration updated.', () => {
		Object.assign(config, changes);
		store.counters.configsUpdated += 1;
	});
	return channel(store.createChannel(ctx, [part]));
}

/** Only the FIRST id of the array is processed (docs/vendor-behaviour.md, RMS: bulk delete handles one id). */
function deleteConfigs(store, ctx) {
	const ids = ctx.body && ctx.body.id;
	if (!Array.isArray(ids) || ids.length === 0)
		invalid('id', 'The id field must be a non-empty array of integers.');
	const config = store.findConfig(ids[0]);
	if (!config) fail(notFoundError());
	// Deleting is done on the RMS side, so it completes even when the device is offline.
	const part = {
		key: config.device_id,
		outcome: 'completed',
		value: 'Remote access configuration deleted.',
		apply: () => {
			// Two deletes of one config can both be accepted; only the first removes it.
			if (!store.state.configs.includes(config)) return;
			store.state.configs = store.state.configs.filter((c) => c !== config);
			store.counters.configsDeleted += 1;
		},
	};
	return channel(store.createChannel(ctx, [part]));
}

function remoteAccessRoutes(store) {
	const read = SCOPES.remoteAccessRead;
	const write = SCOPES.remoteAccessWrite;
	return [
		{
			method: 'GET',
			path: '/api/devices/remote-access',
			scope: read,
			handler: (ctx) => listConfigs(store, ctx),
		},
		{
			method: 'POST',
			path: '/api/devices/remote-access',
			scope: write,
			handler: (ctx) => createConfigs(store, ctx),
		},
		{
			method: 'DELETE',
			path: '/api/devices/remote-access',
			scope: write,
			handler: (ctx) => deleteConfigs(store, ctx),
		},
		{
			method: 'PUT',
			path: '/api/devices/remote-access/{access_id}',
			scope: write,
			handler: (ctx) => updateConfig(store, ctx),
		},
	];
}

module.exports = { remoteAccessRoutes };
