import type { INode } from 'n8n-workflow';
import { invalidInput } from './validation';

// "2026-11-21", "2026-11-21T09:00", "2026-11-21 09:00:00.123", each optionally with Z or ±hh:mm.
const ISO_LIKE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

interface DateLike {
	toMillis: () => number;
	isValid?: boolean;
}

const isDateLike = (value: unknown): value is DateLike =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as { toMillis?: unknown }).toMillis === 'function';

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `utcMs`, in ms. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The instant at which the wall clock of `timeZone` shows `wallMs` (a UTC-encoded wall time). */
function fromWallTime(wallMs: number, timeZone: string): number {
	try {
		const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
		return wallMs - zoneOffsetMs(guess, timeZone);
	} catch {
		return wallMs; // an unknown zone name: read the value as UTC
	}
}

function parseText(text: string, timeZone: string): number {
	const m = ISO_LIKE.exec(text.trim());
	if (!m) return NaN;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
	const fields = [y, mo, d, h, mi, s].map(Number);
	const ms = Number(frac.padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
	const back = new Date(wall);
	// Date.UTC rolls 2026-02-30 over to March: such a date does not exist.
	if (
		back.getUTCMonth() !== fields[1] - 1 ||
		back.getUTCDate() !== fields[2] ||
		fields[3] > 23 ||
		fields[4] > 59 ||
		fields[5] > 59
	)
		return NaN;
	if (!zone) return fromWallTime(wall, timeZone);
	if (zone.toUpperCase() === 'Z') return wall;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
	return wall - sign * offset;
}

/**
 * The instant an n8n date and time field means, in ms: a value without a time zone (what the
 * date picker stores) is wall time in `timeZone`, the workflow's; one with an offset, a Luxon
 * DateTime (what `{{ $now }}` gives) or a JS Date is already an instant. NaN when it is not a date.
 * (docs/vendor-behaviour.md, n8n: date and time fields)
 */
export function toInstantMs(value: unknown, timeZone: string): number {
	if (isDateLike(value)) return value.isValid === false ? NaN : value.toMillis();
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'string') return parseText(value, timeZone);
	return NaN;
}

/** "Y-m-d H:i:s" in UTC, the format RMS date filters take. */
export function toRmsUtc(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Reads a required date and time field; a clear error naming the field and the item otherwise. */
export function requireDateTime(
	node: INode,
	i: number,
	field: string,
	value: unknown,
	timeZone: string,
): number {
	if (value === undefined || value === null || value === '')
		throw invalidInput(
			node,
			i,
			field,
			'must not be empty',
			`Pick a date and time for "${field}", or map one (e.g. {{ $now.minus({ days: 7 }) }}).`,
		);
	const ms = toInstantMs(value, timeZone);
	if (!Number.isFinite(ms)) {
		const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
		throw invalidInput(
			node,
			i,
			field,
			`must be a date and time such as 2026-11-21T09:00:00 (got "${shown}")`,
		);
	}
	return ms;
}
