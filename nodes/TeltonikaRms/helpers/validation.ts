import type { INode } from 'n8n-workflow';
import { invalidInput, MAX_SECONDS } from '../../shared/validation';

export { invalidInput };

export const PROTOCOLS = ['https', 'http', 'sftp', 'rdp', 'ssh', 'telnet', 'vnc'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

function shown(value: unknown): string {
	return value === undefined || value === null || value === '' ? 'nothing' : `"${String(value)}"`;
}

export function requireText(
	node: INode,
	i: number,
	field: string,
	value: unknown,
	maxLength = 50,
): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text)
		throw invalidInput(
			node,
			i,
			field,
			'must not be empty',
			`Fill in "${field}", or map it from the previous node.`,
		);
	if (text.length > maxLength)
		throw invalidInput(
			node,
			i,
			field,
			`must be at most ${maxLength} characters (got ${text.length})`,
		);
	return text;
}

export function requireIPv4(node: INode, i: number, field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	const parts = text.split('.');
	const valid =
		parts.length === 4 &&
		parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && String(Number(p)) === p);
	if (!valid)
		throw invalidInput(
			node,
			i,
			field,
			`must be an IPv4 address such as 192.168.1.10 (got ${shown(value)})`,
			"Use the address of the service on the router's LAN.",
		);
	return text;
}

export function requireInteger(
	node: INode,
	i: number,
	field: string,
	value: unknown,
	min: number,
	max: number,
	unit = '',
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range =
			max === Number.MAX_SAFE_INTEGER ? `at least ${min}${unit}` : `from ${min} to ${max}${unit}`;
		throw invalidInput(node, i, field, `must be a whole number ${range} (got ${shown(value)})`);
	}
	return number;
}

export function requirePort(node: INode, i: number, field: string, value: unknown): number {
	return requireInteger(node, i, field, value, 1, 65535);
}

/** RMS rejects sessions shorter than 10 seconds; longer than 8 hours is not ours to open. */
export function requireDuration(node: INode, i: number, field: string, value: unknown): number {
	return requireInteger(node, i, field, value, 10, MAX_SECONDS.linkDuration, ' seconds');
}

export function requireProtocol(node: INode, i: number, field: string, value: unknown): Protocol {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	if (!(PROTOCOLS as readonly string[]).includes(text)) {
		throw invalidInput(
			node,
			i,
			field,
			`must be one of ${PROTOCOLS.join(', ')} (got ${shown(value)})`,
		);
	}
	return text as Protocol;
}

export function requireId(node: INode, i: number, field: string, value: unknown): number {
	return requireInteger(node, i, field, value, 1, Number.MAX_SAFE_INTEGER);
}

/**
 * An ID field: a resource locator ({ mode, value }) or, in workflows saved with a plain number
 * field, the number or text itself. Empty is refused with the field and item named.
 */
export function requireLocatorId(
	node: INode,
	i: number,
	field: string,
	parameter: unknown,
	hint: string,
): number {
	const value =
		typeof parameter === 'object' && parameter !== null && 'value' in parameter
			? (parameter as { value: unknown }).value
			: parameter;
	if (value === undefined || value === null || String(value).trim() === '')
		throw invalidInput(node, i, field, 'must not be empty', hint);
	return requireId(node, i, field, value);
}
