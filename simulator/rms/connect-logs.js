'use strict';
// RMS Connect logs (docs/vendor-behaviour.md, RMS: Connect logs): GET /devices/connect/logs lists
// every Connect session of the account that started within start_date..end_date ("Y-m-d H:i:s",
// UTC, both required). Each session started through the connect endpoint is a log entry; tests
// add older ones with addConnectLogs(). Which sessions the range selects (by start time) and the
// `type` of a session on a remote-access configuration are this simulator's reading, not documented.

const { list } = require('./envelope');
const { SCOPES, USER_ID } = require('./tokens');
const { COMPANY } = require('./seed');
const { pageList, invalid } = require('./query');
const { formatDateTime } = require('./format');

const TYPES = ['webui', 'lan-webui', 'cli'];
const SORT_FIELDS = ['start_date', 'end_date', 'company_name', 'input_data', 'output_data'];
const USERNAMES = { [USER_ID]: 'integrations@acme.example' };
const FIRST_HISTORIC_ID = 8001;
const RMS_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** "Y-m-d H:i:s" (UTC) -> unix seconds, or undefined when the text is not such a date. */
function parseRmsDate(text) {
	const m = RMS_DATE.exec(String(text));
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const back = new Date(ms);
	if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
		return undefined;
	return ms / 1000;
}

/** The spec's example shape: "2000-01-23 04:56:07+00:00". */
const logTime = (unixS) => `${formatDateTime(unixS * 1000)}+00:00`;

/** Unix seconds from ms, a Date, an ISO string or "Y-m-d H:i:s" (UTC). */
function toUnixS(value, field) {
	if (value instanceof Date) return Math.floor(value.getTime() / 1000);
	if (typeof value === 'number') return Math.floor(value / 1000);
	const rms = parseRmsDate(value);
	if (rms !== undefined) return rms;
	const ms = Date.parse(String(value));
	if (!Number.isFinite(ms)) throw new Error(`addConnectLogs: ${field} is not a time: ${value}`);
	return Math.floor(ms / 1000);
}

// The main WebUI entry is the router's own interface; any other configuration is a LAN service.
function sessionType(store, session) {
	const config = store.findConfig(session.access_id);
	return config && config.is_main ? 'webui' : 'lan-webui';
}

/** Every log entry in its internal form (unix seconds), sessions first, then the added ones. */
function allLogs(store) {
	const fromSessions = store.state.sessions.map((s) => ({
		id: s.id,
		type: sessionType(store, s),
		start_date: s.start_time,
		end_date: s.end_time,
		user_id: USER_ID,
		username: USERNAMES[USER_ID],
		company_name: COMPANY.name,
		input_data: (s.id % 97) * 1024,
		output_data: (s.id % 89) * 4096,
	}));
	return [...fromSessions, ...(store.state.connectLogs || [])];
}

const serialize = (log) => ({
	id: log.id,
	type: log.type,
	start_time: logTime(log.start_date),
	end_time: logTime(log.end_date),
	input_data: log.input_data,
	output_data: log.output_data,
	username: log.username,
	company_name: log.company_name,
});

/** Checks the query as the spec declares it; 422 with `source` = the parameter. */
function readQuery(query) {
	const range = {};
	for (const name of ['start_date', 'end_date']) {
		const label = name.replace('_', ' ');
		if (query[name] === undefined || query[name] === '')
			invalid(name, `The ${label} field is required.`);
		range[name] = parseRmsDate(query[name]);
		if (range[name] === undefined)
			invalid(name, `The ${label} does not match the format Y-m-d H:i:s.`);
	}
	if (range.end_date < range.start_date)
		invalid('end_date', 'The end date must be a date after or equal to start date.');
	if (query.active !== undefined && !['true', 'false'].includes(query.active))
		invalid('active', 'The selected active is invalid.');
	if (query.user_id !== undefined && !/^[1-9]\d*$/.test(String(query.user_id)))
		invalid('user_id', 'The user id must be an integer of at least 1.');
	if (query.type !== undefined && !TYPES.includes(query.type))
		invalid('type', 'The selected type is invalid.');
	if (query.sort !== undefined) {
		const keys = String(query.sort).split(',');
		if (!keys.every((k) => SORT_FIELDS.includes(k.replace(/^-/, ''))))
			invalid('sort', 'The selected sort is invalid.');
	}
	return range;
}

function listLogs(store, ctx) {
	const { query } = ctx;
	const range = readQuery(query);
	const nowS = Math.floor(store.clock() / 1000);
	const logs = allLogs(store).filter(
		(log) =>
			log.start_date >= range.start_date &&
			log.start_date <= range.end_date &&
			(query.active === undefined || log.end_date > nowS === (query.active === 'true')) &&
			(query.user_id === undefined || String(log.user_id) === String(query.user_id)) &&
			(query.type === undefined || log.type === query.type),
	);
	const filters = { active: query.active, user_id: query.user_id, type: query.type };
	const { data, meta } = pageList(
		logs,
		{ ...query, fields: undefined },
		{ defaultLimit: 10, filters },
	);
	return list(data.map(serialize), meta);
}

/**
 * Adds finished (or running) sessions from before the test, e.g. last week's. Each entry:
 * { start_time, end_time } (ms, Date, ISO or "Y-m-d H:i:s" UTC) and optionally type, user_id,
 * username, company_name, input_data, output_data. Returns the new ids (from 8001).
 */
function addConnectLogs(store, entries) {
	const added = [].concat(entries || []).map((entry) => {
		const logs = (store.state.connectLogs = store.state.connectLogs || []);
		const type = entry.type || 'lan-webui';
		if (!TYPES.includes(type)) throw new Error(`addConnectLogs: type must be one of ${TYPES}`);
		const userId = entry.user_id || USER_ID;
		const log = {
			id: FIRST_HISTORIC_ID + logs.length,
			type,
			start_date: toUnixS(entry.start_time, 'start_time'),
			end_date: toUnixS(entry.end_time, 'end_time'),
			user_id: userId,
			username: entry.username || USERNAMES[userId] || `user-${userId}@acme.example`,
			company_name: entry.company_name || COMPANY.name,
			input_data: entry.input_data ?? 0,
			output_data: entry.output_data ?? 0,
		};
		logs.push(log);
		return log.id;
	});
	return added;
}

function connectLogRoutes(store) {
	return [
		{
			method: 'GET',
			path: '/api/devices/connect/logs',
			scope: SCOPES.remoteAccessRead,
			handler: (ctx) => listLogs(store, ctx),
		},
	];
}

module.exports = { connectLogRoutes, addConnectLogs, parseRmsDate };
