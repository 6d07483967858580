import type { IDataObject } from 'n8n-workflow';

/** RMS hands out bare host names; a link only works when clicked if it has a scheme. */
export function toHttpsLink(value: unknown): string | null {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return null;
	if (/^https:\/\//i.test(text)) return text;
	return `https://${text.replace(/^[a-z]+:\/\//i, '')}`;
}

function toNumber(value: unknown): number | null {
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

const DEVICE_STATUS: Record<number, string> = { 0: 'offline', 1: 'online', 2: 'pending' };

export function normalizeDevice(device: IDataObject): IDataObject {
	const status = toNumber(device.status);
	return {
		...device,
		id: toNumber(device.id),
		status,
		status_name: status === null ? 'offline' : (DEVICE_STATUS[status] ?? String(status)),
	};
}

export function normalizeRemoteAccess(config: IDataObject): IDataObject {
	return {
		...config,
		id: toNumber(config.id),
		access_id: toNumber(config.id),
		device_id: toNumber(config.device_id),
		destination_port: toNumber(config.destination_port),
		protocol: config.protocol ? String(config.protocol) : null,
		is_main: toBoolean(config.is_main),
		credentials_required: toBoolean(config.credentials_required),
	};
}

export function normalizeSession(
	session: IDataObject,
	nowSeconds = Date.now() / 1000,
): IDataObject {
	const start = toNumber(session.start_time);
	const end = toNumber(session.end_time);
	return {
		...session,
		id: toNumber(session.id),
		url: toHttpsLink(session.url),
		start_time: unixToIso(start),
		end_time: unixToIso(end),
		start_time_unix: start,
		end_time_unix: end,
		ttl: toNumber(session.ttl),
		active: end !== null && end > nowSeconds,
	};
}

/** "Simplify" keeps what a ticket reply or a report row needs. */
export function pick(record: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in record) picked[field] = record[field];
	return picked;
}
