import type { IExecuteFunctions } from 'n8n-workflow';
import { requireLocatorId } from './validation';

/** The Access ID field, read and checked before any call. */
export function readAccessId(ctx: IExecuteFunctions, i: number): number {
	return requireLocatorId(
		ctx.getNode(),
		i,
		'Access ID',
		ctx.getNodeParameter('accessId', i),
		'Pick the remote access configuration from the list, or enter its access ID (Remote Access → Get Access ID finds it by name).',
	);
}

/** The Session ID field, read and checked before any call. */
export function readSessionId(ctx: IExecuteFunctions, i: number): number {
	return requireLocatorId(
		ctx.getNode(),
		i,
		'Session ID',
		ctx.getNodeParameter('sessionId', i),
		'Pick the session from the list, or enter its ID (Connect Session → Get Many shows it).',
	);
}
