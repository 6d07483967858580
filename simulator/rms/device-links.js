'use strict';
// Links to a router's own WebUI or CLI (docs/vendor-behaviour.md, RMS: device links):
// POST /devices/{id}/connect/webui|cli with { duration } answers 201 with a channel whose final
// event carries `link` as a bare host name, like a Connect session; no configuration is needed.

const { channel, fail, notFoundError } = require('./envelope');
const { SCOPES } = require('./tokens');
const { invalid } = require('./query');
const { connectHost } = require('./format');
const { addConnectLogs } = require('./connect-logs');

const LABELS = { webui: 'WebUI', cli: 'CLI' };

function generateDeviceLink(store, ctx, type) {
	// Ids are integers of at least 1 (the spec's path schema); anything else is not a device.
	const device = /^[1-9]\d*$/.test(ctx.params.id) ? store.findDevice(ctx.params.id) : undefined;
	if (!device) fail(notFoundError());
	const duration = ctx.body && ctx.body.duration;
	if (!Number.isInteger(duration) || duration < 10) {
		invalid('duration', 'The duration must be an integer of at least 10.');
	}
	const key = device.id;
	if (device.status !== 1) {
		const part = {
			key,
			outcome: 'error',
			value: `Device is offline. Could not generate a ${LABELS[type]} link.`,
			errorKey: 'errorCode',
		};
		return channel(store.createChannel(ctx, [part]), 201);
	}
	store.state.nextDeviceLinkId = (store.state.nextDeviceLinkId || 0) + 1;
	const link = connectHost(`device-${type}-${key}-${store.state.nextDeviceLinkId}`);
	const counter = type === 'webui' ? 'webuiLinks' : 'cliLinks';
	const part = {
		key,
		outcome: 'completed',
		value: `${LABELS[type]} link generated.`,
		extra: { link },
		apply: () => {
			store.counters[counter] += 1;
			// RMS logs WebUI and CLI links among the Connect sessions (log types webui and cli).
			const now = store.clock();
			addConnectLogs(store, [{ type, start_time: now, end_time: now + duration * 1000 }]);
		},
	};
	return channel(store.createChannel(ctx, [part]), 201);
}

function deviceLinkRoutes(store) {
	return Object.keys(LABELS).map((type) => ({
		method: 'POST',
		path: `/api/devices/{id}/connect/${type}`,
		scope: SCOPES.remoteAccessWrite,
		handler: (ctx) => generateDeviceLink(store, ctx, type),
	}));
}

module.exports = { deviceLinkRoutes };
