import type { IDataObject } from 'n8n-workflow';

/*
 * The one place that gives every RMS output item its field names and order (the package's output
 * vocabulary): identifying fields first (ids, device, configuration, destination, link, expiry,
 * status), the vendor's other fields after them, columns that are usually empty last.
 */

/** RMS hands out bare host names; a link only works when clicked if it has a scheme. */
export function toHttpsLink(value: unknown): string | null {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return null;
	if (/^https:\/\//i.test(text)) return text;
	return `https://${text.replace(/^[a-z]+:\/\//i, '')}`;
}

export function toNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

function toBoolean(value: unknown): boolean | null {
	if (value === null || value === undefined || value === '') return null;
	return value === true || value === 1 || value === '1' || value === 'true';
}

/** Unix seconds arrive as numbers or (since 2025) strings. */
export function unixToIso(value: unknown): string | null {
	const seconds = toNumber(value);
	return seconds === null || seconds <= 0 ? null : new Date(seconds * 1000).toISOString();
}

/** Any RMS time ("2026-12-01 19:42:37+00:00", ISO, or Unix seconds) as ISO 8601 UTC. */
export function toIso(value: unknown): string | null {
	if (typeof value === 'number') return unixToIso(value);
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return null;
	if (/^\d+$/.test(text)) return unixToIso(text);
	const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`;
	const ms = Date.parse(withZone.replace(' ', 'T'));
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const toUnix = (iso: string | null): number | null =>
	iso === null ? null : Math.floor(Date.parse(iso) / 1000);

/** Columns that are mostly empty in RMS's answers: after everything else. */
const LAST = ['input_data', 'output_data', 'username'];

/**
 * `leading` in its order, then the raw record's other fields (without `replaced`, the raw names
 * the leading fields stand for), then the usually empty columns.
 */
export function ordered(
	leading: IDataObject,
	raw: IDataObject = {},
	replaced: string[] = [],
): IDataObject {
	const out: IDataObject = { ...leading };
	const skip = new Set([...replaced, ...LAST]);
	for (const [key, value] of Object.entries(raw))
		if (!(key in out) && !skip.has(key)) out[key] = value;
	for (const key of LAST) if (key in raw && !(key in out)) out[key] = raw[key];
	return out;
}

const DEVICE_STATUS: Record<number, string> = { 0: 'offline', 1: 'online', 2: 'pending' };

export function deviceStatusName(status: number | null): string {
	return status === null ? 'offline' : (DEVICE_STATUS[status] ?? String(status));
}

/** A device record: id, name and serial first, then its status with a readable name. */
export function normalizeDevice(device: IDataObject): IDataObject {
	const status = toNumber(device.status);
	return ordered(
		{
			id: toNumber(device.id),
			name: device.name ?? null,
			serial: device.serial ?? null,
			status,
			status_name: deviceStatusName(status),
		},
		device,
	);
}

/** A remote-access configuration: it is the access ID, named by configuration_name. */
export function normalizeRemoteAccess(config: IDataObject): IDataObject {
	return ordered(
		{
			id: toNumber(config.id),
			access_id: toNumber(config.id),
			device_id: toNumber(config.device_id),
			device_name: config.device_name ?? null,
			configuration_name: config.name ?? null,
			destination_ip: config.destination_ip ?? null,
			destination_port: toNumber(config.destination_port),
			protocol: config.protocol ? String(config.protocol) : null,
			is_main: toBoolean(config.is_main),
			credentials_required: toBoolean(config.credentials_required),
		},
		config,
		['name'],
	);
}

/** What every session row says about its configuration; null where the source does not know. */
export interface SessionContext {
	access_id: number | null;
	device_id: number | null;
	device_name: string | null;
	configuration_name: string | null;
	destination_ip: string | null;
	destination_port: number | null;
	protocol: string | null;
}

export const UNKNOWN_CONTEXT: SessionContext = {
	access_id: null,
	device_id: null,
	device_name: null,
	configuration_name: null,
	destination_ip: null,
	destination_port: null,
	protocol: null,
};

/** The context of the sessions of one configuration (a normalised one). */
export function contextOf(config: IDataObject): SessionContext {
	return {
		access_id: toNumber(config.access_id ?? config.id),
		device_id: toNumber(config.device_id),
		device_name: (config.device_name as string | null | undefined) ?? null,
		configuration_name: (config.configuration_name as string | null | undefined) ?? null,
		destination_ip: (config.destination_ip as string | null | undefined) ?? null,
		destination_port: toNumber(config.destination_port),
		protocol: (config.protocol as string | null | undefined) ?? null,
	};
}

/** A session of GET /devices/connect/{id}/sessions (Unix times, a bare host name as url). */
export function normalizeSession(
	session: IDataObject,
	context: Partial<SessionContext> = {},
	nowSeconds = Date.now() / 1000,
): IDataObject {
	const start = toNumber(session.start_time);
	const end = toNumber(session.end_time);
	return ordered(
		{
			id: toNumber(session.id),
			...UNKNOWN_CONTEXT,
			...context,
			link: toHttpsLink(session.url),
			started_at: unixToIso(start),
			started_at_unix: start,
			expires_at: unixToIso(end),
			expires_at_unix: end,
			active: end !== null && end > nowSeconds,
			ttl: toNumber(session.ttl),
		},
		session,
		['url', 'start_time', 'end_time'],
	);
}

/**
 * An entry of the Connect logs ("2026-12-01 19:42:37+00:00" times), with the same time names as a
 * session. The logs name no device, configuration or link.
 */
export function normalizeLogEntry(log: IDataObject): IDataObject {
	const started = toIso(log.start_time);
	const until = toIso(log.end_time);
	return ordered(
		{
			id: toNumber(log.id) ?? log.id ?? null,
			type: log.type ?? null,
			started_at: started,
			started_at_unix: toUnix(started),
			expires_at: until,
			expires_at_unix: toUnix(until),
		},
		log,
		['start_time', 'end_time'],
	);
}

/**
 * A List sessions row from the Connect logs: the columns of a row from the configurations, with
 * null where the logs do not know (device, configuration, destination, link).
 */
export function sessionFromLog(log: IDataObject, active: boolean): IDataObject {
	const entry = normalizeLogEntry(log);
	return ordered(
		{
			id: entry.id,
			...UNKNOWN_CONTEXT,
			link: null,
			started_at: entry.started_at,
			started_at_unix: entry.started_at_unix,
			expires_at: entry.expires_at,
			expires_at_unix: entry.expires_at_unix,
			active,
			source: 'connectLogs',
			type: entry.type,
			company_name: log.company_name ?? null,
			input_data: log.input_data ?? null,
			output_data: log.output_data ?? null,
			username: log.username ?? null,
		},
		{},
	);
}

/** The link an operation opened, with what it leads to (fields unknown to the operation left out). */
export interface LinkOutput {
	access_id?: number;
	device_id?: number;
	/** null when the device was given by ID (its serial would cost a request). */
	device_serial?: string | null;
	configuration_name?: string;
	destination_ip?: string;
	destination_port?: number;
	protocol?: string;
	link_type?: string;
	link: string;
	expires_at: string;
	expires_at_unix: number;
	duration: number;
	config_created?: boolean;
}

/** The output of Start, Generate connect link and Generate device link, in the vocabulary's order. */
export function linkOutput(fields: LinkOutput): IDataObject {
	const order: Array<keyof LinkOutput> = [
		'access_id',
		'device_id',
		'device_serial',
		'configuration_name',
		'destination_ip',
		'destination_port',
		'protocol',
		'link_type',
		'link',
		'expires_at',
		'expires_at_unix',
		'duration',
		'config_created',
	];
	const out: IDataObject = {};
	for (const key of order) if (fields[key] !== undefined) out[key] = fields[key];
	return out;
}

/** "Simplify" keeps what a ticket reply or a report row needs. */
export function pick(record: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in record) picked[field] = record[field];
	return picked;
}
