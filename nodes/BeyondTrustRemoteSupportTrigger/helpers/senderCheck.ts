import { createHash, timingSafeEqual } from 'crypto';
import type { AllowList } from './ipAllowList';
import { isAllowed } from './ipAllowList';

export interface SenderRequest {
	query?: unknown;
	ip?: string;
	ips?: string[];
	socket?: { remoteAddress?: string };
}

export type SenderVerdict = { ok: true } | { ok: false; status: 401 | 403; body: string };

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares digests of equal length, so the time taken says nothing about the secret. */
export function secretMatches(sent: unknown, expected: string): boolean {
	if (typeof sent !== 'string') return false;
	return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * The addresses n8n reports for a request, as its own Webhook node reads them: `req.ip` and, when
 * n8n trusts a proxy (N8N_PROXY_HOPS), the `X-Forwarded-For` chain in `req.ips`
 * (docs/vendor-behaviour.md, n8n: webhook IP allow-list).
 */
export function senderAddresses(req: SenderRequest): string[] {
	const out = [req.ip, ...(Array.isArray(req.ips) ? req.ips : [])];
	if (!req.ip && req.socket?.remoteAddress) out.push(req.socket.remoteAddress);
	return out.filter((a): a is string => typeof a === 'string' && a !== '');
}

/** Allowed IPs first (403), then the shared secret in the query string (401). */
export function checkSender(
	req: SenderRequest,
	secret: string,
	allowList: AllowList | undefined,
): SenderVerdict {
	if (allowList && !isAllowed(allowList, senderAddresses(req)))
		return {
			ok: false,
			status: 403,
			body: 'Forbidden: this address may not send events to this trigger',
		};
	if (secret) {
		const query = (req.query ?? {}) as Record<string, unknown>;
		if (!secretMatches(query.secret, secret))
			return {
				ok: false,
				status: 401,
				body: 'Unauthorized: the secret in the URL is missing or wrong',
			};
	}
	return { ok: true };
}
