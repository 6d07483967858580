import { createHmac, timingSafeEqual } from 'crypto';

/**
 * A stored token is bound to the token URL (so the site), client ID and client secret that
 * minted it. n8n reuses the token of the hidden expirable field as long as it is not empty and
 * calls `preAuthentication` otherwise only after a 401, also for the credential Test button; so a
 * changed secret, client or site would be tested, and used, with the old token. The credentials'
 * `authenticate` refuses a token whose binding does not match the fields as they are now, which
 * makes n8n mint.
 */
interface Minted {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
}

/** Keyed by the token: whoever reads the value without the token learns nothing about the secret. */
export function tokenBinding(req: Minted, token: string): string {
	return createHmac('sha256', token)
		.update(`${req.tokenUrl}\n${req.clientId}\n${req.clientSecret}`)
		.digest('hex');
}

export function isBoundTo(req: Minted, token: unknown, binding: unknown): boolean {
	if (typeof token !== 'string' || !token || typeof binding !== 'string') return false;
	const expected = Buffer.from(tokenBinding(req, token));
	const given = Buffer.from(binding);
	return given.length === expected.length && timingSafeEqual(given, expected);
}
