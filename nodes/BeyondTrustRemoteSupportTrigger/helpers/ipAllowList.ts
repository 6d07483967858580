/**
 * The "Allowed IPs" check: single addresses and CIDR ranges, IPv4 and IPv6. Every address is
 * compared as 16 bytes, IPv4 as its IPv4-mapped IPv6 form (`::ffff:a.b.c.d`), so a dual-stack
 * socket that reports `::ffff:10.0.0.5` matches the rule `10.0.0.0/8` and the other way round.
 * (`node:net`'s BlockList would do this, but community nodes may not import it.)
 */

interface Range {
	bytes: number[];
	prefix: number;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
	return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): number[] | undefined {
	let head = text;
	let tail: number[] = [];
	// An embedded IPv4 tail (::ffff:10.0.0.5) counts as the last two groups.
	const lastColon = head.lastIndexOf(':');
	if (head.includes('.', lastColon)) {
		const v4 = parseIpv4(head.slice(lastColon + 1));
		if (!v4) return undefined;
		tail = v4;
		head = `${head.slice(0, lastColon + 1)}0:0`;
	}
	const halves = head.split('::');
	if (halves.length > 2) return undefined;
	const groups = (s: string) => (s === '' ? [] : s.split(':'));
	const left = groups(halves[0]);
	const right = halves.length === 2 ? groups(halves[1]) : [];
	const missing = 8 - left.length - right.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
	const all = [...left, ...Array<string>(missing).fill('0'), ...right];
	if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
	const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
	if (tail.length) bytes.splice(12, 4, ...tail);
	return bytes;
}

/** 16 bytes for an IPv4 or IPv6 address (zone id and brackets dropped), or undefined. */
export function ipBytes(address: string): number[] | undefined {
	const text = address
		.trim()
		.replace(/^\[|\]$/g, '')
		.replace(/%.*$/, '');
	const v4 = parseIpv4(text);
	if (v4) return [...MAPPED_PREFIX, ...v4];
	return text.includes(':') ? parseIpv6(text) : undefined;
}

/** One allow-list entry as a range, or undefined when it is not an address or CIDR range. */
function parseEntry(entry: string): Range | undefined {
	const [address, prefixText, extra] = entry.split('/');
	if (extra !== undefined) return undefined;
	const bytes = ipBytes(address);
	if (!bytes) return undefined;
	const isV4 = parseIpv4(address.trim()) !== undefined;
	if (prefixText === undefined) return { bytes, prefix: 128 };
	if (!/^\d{1,3}$/.test(prefixText.trim())) return undefined;
	const prefix = Number(prefixText);
	if (prefix > (isV4 ? 32 : 128)) return undefined;
	return { bytes, prefix: isV4 ? prefix + 96 : prefix };
}

function inRange(bytes: number[], range: Range): boolean {
	for (let bit = 0; bit < range.prefix; bit += 8) {
		const take = Math.min(8, range.prefix - bit);
		const mask = (0xff << (8 - take)) & 0xff;
		if ((bytes[bit / 8] & mask) !== (range.bytes[bit / 8] & mask)) return false;
	}
	return true;
}

export interface AllowList {
	ranges: Range[];
}

/** Entries that are neither an address nor a range are skipped, as n8n's Webhook node does. */
export function parseAllowList(text: string): AllowList {
	const ranges = text
		.split(',')
		.map((entry) => parseEntry(entry.trim()))
		.filter((range): range is Range => range !== undefined);
	return { ranges };
}

/** Whether any of the addresses n8n reports for the request lies in one of the ranges. */
export function isAllowed(list: AllowList, addresses: string[]): boolean {
	return addresses.some((address) => {
		const bytes = ipBytes(address);
		return bytes !== undefined && list.ranges.some((range) => inRange(bytes, range));
	});
}
