'use strict';
// The Teltonika RMS personality: REST under /api, status channels under /status
// (docs/vendor-behaviour.md, RMS: hosts and base URLs).
// Options: channelCompleteMs (1500), channelNotFoundPolls (1), channelTtlMs (10 min), clock,
// oauthPrincipal (token -> principal | null: the OAuth2 server's access tokens, oauth.js).

const { buildSeed, COMPANY, FIXTURES } = require('./seed');
const { ChannelStore } = require('./channels');
const { formatDateTime } = require('./format');
const { authorize, tokenStrings, USER_ID } = require('./tokens');
const { statusError } = require('./envelope');
const { deviceRoutes } = require('./devices');
const { remoteAccessRoutes } = require('./remote-access');
const { connectRoutes } = require('./connect');
const { connectLogRoutes, addConnectLogs } = require('./connect-logs');
const { deviceLinkRoutes } = require('./device-links');
const { alertRoutes, addAlerts, setDeviceStatus } = require('./alerts');

const emptyCounters = () => ({
	polls: 0,
	channelsCreated: 0,
	configsCreated: 0,
	configsUpdated: 0,
	configsDeleted: 0,
	sessionsStarted: 0,
	sessionsClosed: 0,
	webuiLinks: 0,
	cliLinks: 0,
});

function createRmsPersonality(options = {}) {
	const clock = options.clock || Date.now;
	const channels = new ChannelStore({
		clock,
		userId: USER_ID,
		completeMs: options.channelCompleteMs ?? 1500,
		notFoundPolls: options.channelNotFoundPolls ?? 1,
		ttlMs: options.channelTtlMs ?? 10 * 60 * 1000,
	});
	const store = createStore(clock, channels);

	const statusRoute = {
		method: 'GET',
		path: '/status/channel/{channel}',
		handler: ({ params }) => {
			store.counters.polls += 1;
			return channels.poll(params.channel);
		},
	};

	return {
		name: 'rms',
		prefixes: ['/api', '/status'],
		routes: [
			...connectLogRoutes(store),
			...remoteAccessRoutes(store),
			...connectRoutes(store),
			...deviceLinkRoutes(store),
			...alertRoutes(store),
			...deviceRoutes(store),
			statusRoute,
		],
		authorize: (ctx, route) => authorize(ctx, route, options.oauthPrincipal),
		errorResponse: (status, { message } = {}) => statusError(status, message),
		tick: () => channels.tick(),
		reset: () => store.reset(),
		stats: () => ({ ...store.counters }),
		info: (url) => ({
			baseUrl: `${url}/api`,
			statusUrl: `${url}/status`,
			tokens: tokenStrings(),
			fixtures: FIXTURES,
			/** Channels created from now on complete after `ms` (survives reset(); in-process only). */
			setChannelCompleteMs: (ms) => {
				channels.completeMs = ms;
			},
			/**
			 * Adds a configuration as if another client had created it (in-process only), e.g. a
			 * copy made by another n8n worker between this client's list and its create.
			 */
			addConfig: (fields) => {
				const createdAt = formatDateTime(clock());
				const config = {
					id: store.state.nextConfigId++,
					is_main: 0,
					credentials_required: 0,
					created_at: createdAt,
					...fields,
				};
				config.destination_port = String(config.destination_port);
				store.state.configs.push(config);
				return config.id;
			},
			/** Adds Connect log entries of earlier sessions (connect-logs.js); returns their ids. */
			addConnectLogs: (entries) => addConnectLogs(store, entries),
			/** Adds alerts (alerts.js); returns their ids (from 70001). */
			addAlerts: (entries) => addAlerts(store, entries),
			/** `{ deviceId, status }`: the device goes online (1) / offline (0); adds its alert. */
			setDeviceStatus: ({ deviceId, status } = {}) => setDeviceStatus(store, deviceId, status),
			/** Deep copy of the current devices, configs and sessions (in-process only). */
			state: () => {
				channels.tick();
				return JSON.parse(JSON.stringify(store.state));
			},
		}),
	};
}

/** Mutable state plus the lookups and serialisers the route modules share. */
function createStore(clock, channels) {
	const store = {
		clock,
		state: buildSeed(clock()),
		counters: emptyCounters(),
		reset() {
			store.state = buildSeed(clock());
			store.counters = emptyCounters();
			channels.reset();
		},
		findDevice: (id) => store.state.devices.find((d) => String(d.id) === String(id)),
		findConfig: (id) => store.state.configs.find((c) => String(c.id) === String(id)),
		/** Creates a channel; a pending `channel` fault for this route decides its outcome. */
		createChannel(ctx, parts) {
			const fault = ctx.takeFault('channel');
			store.counters.channelsCreated += 1;
			return channels.create(parts, fault ? fault.outcome : undefined);
		},
		serializeConfig(c) {
			const device = store.findDevice(c.device_id) || {};
			return {
				...c,
				mqtt: 1,
				company_id: COMPANY.id,
				company_name: COMPANY.name,
				device_name: device.name,
				device_description: device.description,
				device_model: device.model,
				is_esim_bootstrap: null,
				tags: [],
			};
		},
		// start_time stays an int while end_time is a string; url has no scheme
		// (docs/vendor-behaviour.md, RMS: loose types; RMS: links without a scheme).
		serializeSession: (s) => ({
			id: s.id,
			start_time: s.start_time,
			end_time: String(s.end_time),
			ttl: s.ttl,
			url: s.url,
			input_data: null,
			output_data: null,
			username: null,
			email: 'integrations@acme.example',
			company_id: COMPANY.id,
			company_name: COMPANY.name,
		}),
	};
	return store;
}

module.exports = { createRmsPersonality };
