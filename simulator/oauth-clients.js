'use strict';
// Client-credentials token issuer shared by the BeyondTrust and Rimo3 personalities:
// Basic client_id:secret, grant_type=client_credentials, 1-hour tokens, an optional cap on valid
// tokens per account (BeyondTrust: 30; the 31st invalidates the oldest), secret rotation (kills
// every token) and revocation.

const crypto = require('crypto');

class OAuthClients {
	/** accounts: [{ clientId, clientSecret }]; cap: max valid tokens per account (Infinity = none). */
	constructor({
		accounts,
		cap = Infinity,
		lifetimeSeconds = 3600,
		clock = Date.now,
		prefix = 'tok',
	}) {
		this.seedAccounts = accounts;
		this.cap = cap;
		this.lifetimeSeconds = lifetimeSeconds;
		this.clock = clock;
		this.prefix = prefix;
		this.reset();
	}

	reset() {
		this.accounts = new Map(this.seedAccounts.map((a) => [a.clientId, { ...a }]));
		this.tokens = new Map(); // token -> { clientId, expiresAt, mintedAt }
		this.counters = { minted: 0, evicted: 0, revoked: 0, rejectedMints: 0 };
	}

	/** Handles a token request: { status, body }. */
	mint(headers, form) {
		const match = /^Basic\s+(\S+)$/i.exec(headers.authorization || '');
		const [clientId, ...secretParts] = match
			? Buffer.from(match[1], 'base64').toString('utf8').split(':')
			: [];
		const account = clientId !== undefined ? this.accounts.get(clientId) : undefined;
		if (!account || account.clientSecret !== secretParts.join(':')) {
			this.counters.rejectedMints += 1;
			return {
				status: 401,
				body: { error: 'invalid_client', message: 'Client authentication failed.' },
			};
		}
		if (!form || form.grant_type !== 'client_credentials') {
			this.counters.rejectedMints += 1;
			return {
				status: 400,
				body: {
					error: 'unsupported_grant_type',
					message: 'grant_type must be client_credentials.',
				},
			};
		}
		const now = this.clock();
		this.expire(now);
		const token = `${this.prefix}-${crypto.randomBytes(20).toString('hex')}`;
		this.tokens.set(token, {
			clientId,
			mintedAt: now,
			expiresAt: now + this.lifetimeSeconds * 1000,
		});
		this.counters.minted += 1;
		const own = [...this.tokens.entries()].filter(([, t]) => t.clientId === clientId);
		for (const [oldest] of own.slice(0, Math.max(0, own.length - this.cap))) {
			this.tokens.delete(oldest);
			this.counters.evicted += 1;
		}
		return {
			status: 200,
			body: { access_token: token, token_type: 'Bearer', expires_in: this.lifetimeSeconds },
		};
	}

	expire(now = this.clock()) {
		for (const [token, t] of this.tokens) if (t.expiresAt <= now) this.tokens.delete(token);
	}

	/** The account behind a valid `Authorization: Bearer` header, or null. */
	principal(headers) {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization || '');
		if (!match) return null;
		const t = this.tokens.get(match[1]);
		if (!t || t.expiresAt <= this.clock()) return null;
		return { name: t.clientId, clientId: t.clientId };
	}

	/** Invalidates every token (all accounts, or one). Returns how many were dropped. */
	revokeAll(clientId) {
		let n = 0;
		for (const [token, t] of this.tokens) {
			if (!clientId || t.clientId === clientId) {
				this.tokens.delete(token);
				n += 1;
			}
		}
		this.counters.revoked += n;
		return n;
	}

	/** Sets a new secret (as "Regenerate" does in the vendor UI): every token of the account dies. */
	rotateSecret(clientId, newSecret) {
		const account = this.accounts.get(clientId);
		if (!account) throw new Error(`unknown client ${clientId}`);
		account.clientSecret = newSecret || `${account.clientSecret}-rotated`;
		this.revokeAll(clientId);
		return account.clientSecret;
	}

	validTokens(clientId) {
		this.expire();
		return [...this.tokens.values()].filter((t) => !clientId || t.clientId === clientId).length;
	}
}

/** Per-account sliding-window rate limiter that also remembers the peak it saw. */
class RateWindow {
	constructor({ perSecond, perHour, clock = Date.now }) {
		this.perSecond = perSecond;
		this.perHour = perHour;
		this.clock = clock;
		this.reset();
	}

	reset() {
		this.recent = new Map(); // key -> arrival times in the last second
		this.hourly = new Map(); // key -> arrival times in the last hour
		this.peakPerSecond = 0;
		this.limited = 0;
	}

	/** Records one request; returns null, or { retryAfter } when over a limit (not counted as served). */
	hit(key) {
		const now = this.clock();
		const second = (this.recent.get(key) || []).filter((t) => t > now - 1000);
		const hour = (this.hourly.get(key) || []).filter((t) => t > now - 3_600_000);
		second.push(now);
		hour.push(now);
		this.recent.set(key, second);
		this.hourly.set(key, hour);
		this.peakPerSecond = Math.max(this.peakPerSecond, second.length);
		if (second.length > this.perSecond) {
			this.limited += 1;
			return { retryAfter: 1, remaining: 0 };
		}
		if (hour.length > this.perHour) {
			this.limited += 1;
			return { retryAfter: Math.ceil((hour[0] + 3_600_000 - now) / 1000), remaining: 0 };
		}
		return { remaining: this.perHour - hour.length };
	}
}

module.exports = { OAuthClients, RateWindow };
