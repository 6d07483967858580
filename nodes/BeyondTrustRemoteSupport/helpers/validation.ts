import type { IExecuteFunctions } from 'n8n-workflow';
import { invalidInput } from '../../shared/validation';

/** Reads a resource locator's value (or a plain string) as a positive integer id. */
export function readId(ctx: IExecuteFunctions, name: string, label: string, i: number): number {
	const raw = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0)
		throw invalidInput(ctx.getNode(), i, label, `must be a positive whole number, got "${text}"`);
	return Number(text);
}

export const LSID = /^[0-9a-f]{32}$/i;
export const CUSTOM_FIELD_NAME = /^[A-Za-z0-9_]{1,64}$/;
export const HOSTNAME =
	/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** The session ID (LSID) of the current item: 32 hex characters. */
export function readLsid(ctx: IExecuteFunctions, i: number): string {
	const lsid = String(ctx.getNodeParameter('lsid', i, '') ?? '').trim();
	if (!LSID.test(lsid))
		throw invalidInput(
			ctx.getNode(),
			i,
			'Session ID (LSID)',
			`"${lsid}" is not a 32-character session ID`,
		);
	return lsid;
}
