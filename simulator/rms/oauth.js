'use strict';
// RMS as an OAuth2 authorization server ("application authentication"): authorization code with
// PKCE S256 for a registered confidential application, under /account as on the real host
// (docs/vendor-behaviour.md, RMS: OAuth2 application authentication; RMS: OAuth2 token requests). The consent page, the error
// bodies and the token lifetime are not published: they are invented here (standard OAuth2,
// RFC 6749 / RFC 7636). Refresh tokens are not rotated unless switched on (setRefreshRotation):
// no public source says RMS rotates them, and a client must work either way.
// Its access tokens are accepted by the RMS personality with the scopes that were granted.

const crypto = require('crypto');
const { parseForm, parseJson } = require('../http-utils');
const { SCOPES } = require('./tokens');

const CLIENT = {
	clientId: 'rms-sim-oauth-app-7d41c9',
	clientSecret: 'rms-sim-oauth-secret-2f7d9c41e8a0b356',
	name: 'n8n (simulator application)',
};
const ALL_SCOPES = Object.values(SCOPES);
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const PENDING_LIFETIME_MS = 30 * 60 * 1000;

const random = (prefix) => `${prefix}-${crypto.randomBytes(20).toString('hex')}`;
const s256 = (verifier) => crypto.createHash('sha256').update(verifier).digest('base64url');
const escapeHtml = (s) =>
	String(s).replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
	);

const emptyCounters = () => ({
	rmsOAuthConsentPages: 0,
	rmsOAuthCodesIssued: 0,
	rmsOAuthTokensIssued: 0,
	rmsOAuthRefreshes: 0,
	rmsOAuthRejected: 0,
});

/** An OAuth2 error answer (RFC 6749 §5.2), never cached. */
function oauthError(status, error, description) {
	return {
		status,
		body: { error, error_description: description },
		headers: { 'Cache-Control': 'no-store' },
	};
}

function htmlPage(status, title, bodyHtml) {
	const text = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${bodyHtml}</body></html>`;
	return { status, text, contentType: 'text/html; charset=UTF-8' };
}

function redirectTo(redirectUri, params) {
	const url = new URL(redirectUri);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
	return { status: 302, text: '', contentType: 'text/plain', headers: { Location: url.href } };
}

/** Client authentication: HTTP Basic or client_id/client_secret in the form (both seen in clients). */
function clientCredentials(headers, form) {
	const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization || '');
	if (basic) {
		const [id, ...secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		return { clientId: decodeURIComponent(id), clientSecret: decodeURIComponent(secret.join(':')) };
	}
	return { clientId: form.client_id, clientSecret: form.client_secret };
}

function createRmsOAuthPersonality(options = {}) {
	const clock = options.clock || Date.now;
	const defaultLifetime = options.rmsOAuthAccessLifetime ?? 3600;
	let s;

	function reset() {
		s = {
			pending: new Map(), // consent request id -> authorize parameters
			codes: new Map(), // code -> { clientId, redirectUri, challenge, scopes, expiresAt, used, tokens }
			access: new Map(), // access token -> { clientId, scopes, expiresAt }
			refresh: new Map(), // refresh token -> { clientId, scopes, revoked }
			lifetime: defaultLifetime,
			rotate: false,
			tamperNextChallenge: false,
			counters: emptyCounters(),
		};
	}
	reset();

	const reject = (status, error, description) => {
		s.counters.rmsOAuthRejected += 1;
		return oauthError(status, error, description);
	};

	function issueTokens(clientId, scopes, refreshToken) {
		const accessToken = random('rms-oat');
		s.access.set(accessToken, { clientId, scopes, expiresAt: clock() + s.lifetime * 1000 });
		return {
			status: 200,
			headers: { 'Cache-Control': 'no-store' },
			body: {
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: s.lifetime,
				refresh_token: refreshToken,
				scope: scopes.join(' '),
			},
		};
	}

	function newRefreshToken(clientId, scopes) {
		const token = random('rms-ort');
		s.refresh.set(token, { clientId, scopes, revoked: false });
		return token;
	}

	/** GET /account/authorize: checks the request, then shows the consent page. */
	function authorizePage({ query }) {
		if (query.client_id !== CLIENT.clientId)
			return htmlPage(400, 'Unknown application', '<h1>Unknown application</h1>');
		let redirect;
		try {
			redirect = new URL(query.redirect_uri);
		} catch {
			return htmlPage(400, 'Invalid redirect URI', '<h1>Invalid redirect URI</h1>');
		}
		if (!/^https?:$/.test(redirect.protocol))
			return htmlPage(400, 'Invalid redirect URI', '<h1>Invalid redirect URI</h1>');
		const back = (error, description) =>
			redirectTo(redirect.href, { error, error_description: description, state: query.state });
		if (query.response_type !== 'code')
			return back('unsupported_response_type', 'response_type must be code.');
		if (!query.code_challenge || query.code_challenge_method !== 'S256')
			return back('invalid_request', 'PKCE with code_challenge_method=S256 is required.');
		const scopes = query.scope ? query.scope.split(/[\s,]+/).filter(Boolean) : ALL_SCOPES;
		const unknown = scopes.filter((x) => !ALL_SCOPES.includes(x));
		if (unknown.length) return back('invalid_scope', `Unknown scope: ${unknown.join(' ')}`);

		const id = random('req');
		s.pending.set(id, {
			redirectUri: redirect.href,
			state: query.state,
			challenge: query.code_challenge,
			scopes,
			expiresAt: clock() + PENDING_LIFETIME_MS,
		});
		s.counters.rmsOAuthConsentPages += 1;
		const items = scopes.map((x) => `<li>${escapeHtml(x)}</li>`).join('');
		return htmlPage(
			200,
			'Authorize application',
			`<h1>Authorize ${escapeHtml(CLIENT.name)}</h1>
<p id="client">Client: ${escapeHtml(CLIENT.clientId)}</p>
<p>The application asks for:</p><ul id="scopes">${items}</ul>
<form method="post" action="/account/authorize">
<input type="hidden" name="request" value="${escapeHtml(id)}">
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form>`,
		);
	}

	/** POST /account/authorize: the consent form; redirects back with a code (or access_denied). */
	function consent({ body }) {
		const form = body || {};
		const request = s.pending.get(form.request);
		s.pending.delete(form.request);
		if (!request || request.expiresAt <= clock())
			return htmlPage(400, 'Request expired', '<h1>This authorization request has expired</h1>');
		if (form.decision !== 'approve')
			return redirectTo(request.redirectUri, {
				error: 'access_denied',
				error_description: 'The user denied the request.',
				state: request.state,
			});
		const code = random('rms-code');
		const challenge = s.tamperNextChallenge ? s256('not-the-verifier') : request.challenge;
		s.tamperNextChallenge = false;
		s.codes.set(code, {
			clientId: CLIENT.clientId,
			redirectUri: request.redirectUri,
			challenge,
			scopes: request.scopes,
			expiresAt: clock() + CODE_LIFETIME_MS,
			used: false,
			issued: [],
		});
		s.counters.rmsOAuthCodesIssued += 1;
		return redirectTo(request.redirectUri, { code, state: request.state });
	}

	function exchangeCode(form) {
		const entry = s.codes.get(form.code);
		if (!entry || entry.expiresAt <= clock())
			return reject(400, 'invalid_grant', 'The authorization code is invalid or expired.');
		if (entry.used) {
			// A code presented twice: refuse, and revoke what the first exchange issued (RFC 6749 §4.1.2).
			for (const t of entry.issued) {
				s.access.delete(t.access);
				const r = s.refresh.get(t.refresh);
				if (r) r.revoked = true;
			}
			return reject(400, 'invalid_grant', 'The authorization code has already been used.');
		}
		if (form.redirect_uri !== entry.redirectUri)
			return reject(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
		if (!form.code_verifier) return reject(400, 'invalid_request', 'code_verifier is required.');
		if (s256(form.code_verifier) !== entry.challenge)
			return reject(
				400,
				'invalid_grant',
				'PKCE verification failed: code_verifier does not match.',
			);
		entry.used = true;
		const refreshToken = newRefreshToken(entry.clientId, entry.scopes);
		const answer = issueTokens(entry.clientId, entry.scopes, refreshToken);
		entry.issued.push({ access: answer.body.access_token, refresh: refreshToken });
		s.counters.rmsOAuthTokensIssued += 1;
		return answer;
	}

	function refresh(form) {
		const entry = s.refresh.get(form.refresh_token);
		if (!entry || entry.revoked || entry.clientId !== CLIENT.clientId)
			return reject(400, 'invalid_grant', 'The refresh token is invalid or has been revoked.');
		let refreshToken = form.refresh_token;
		if (s.rotate) {
			entry.revoked = true;
			refreshToken = newRefreshToken(entry.clientId, entry.scopes);
		}
		s.counters.rmsOAuthRefreshes += 1;
		return issueTokens(entry.clientId, entry.scopes, refreshToken);
	}

	/** POST /account/token: authorization_code and refresh_token grants for the registered app. */
	function token({ body, headers }) {
		const form = body || {};
		const client = clientCredentials(headers, form);
		if (client.clientId !== CLIENT.clientId || client.clientSecret !== CLIENT.clientSecret)
			return reject(401, 'invalid_client', 'Client authentication failed.');
		if (form.grant_type === 'authorization_code') return exchangeCode(form);
		if (form.grant_type === 'refresh_token') return refresh(form);
		return reject(400, 'unsupported_grant_type', 'grant_type is not supported.');
	}

	/** The RMS principal behind a Bearer access token of this server, or null (unknown, expired). */
	function principal(token) {
		const t = s.access.get(token);
		if (!t || t.expiresAt <= clock()) return null;
		return { name: `oauth:${t.clientId}`, scopes: t.scopes };
	}

	const controls = {
		/** Every access token issued so far expires now (refresh tokens stay valid). */
		expireAccessTokens: () => {
			const n = s.access.size;
			s.access.clear();
			return n;
		},
		/** Lifetime (seconds) of access tokens issued from now on (reset by reset()). */
		setAccessLifetime: (seconds) => {
			s.lifetime = Number(seconds);
			return s.lifetime;
		},
		/** Revokes every refresh token (as removing the app's access in RMS would). */
		revokeRefreshTokens: () => {
			let n = 0;
			for (const r of s.refresh.values()) if (!r.revoked) ((r.revoked = true), (n += 1));
			return n;
		},
		/** Whether a refresh answers with a new refresh token and retires the old one. */
		setRefreshRotation: (on) => {
			s.rotate = on === true || on === 'true';
			return s.rotate;
		},
		/** The next approved code is bound to another challenge: the client's verifier will fail. */
		tamperNextChallenge: () => {
			s.tamperNextChallenge = true;
			return true;
		},
		validAccessTokens: () => [...s.access.values()].filter((t) => t.expiresAt > clock()).length,
		stats: () => ({ ...s.counters }),
	};

	return {
		name: 'rmsOAuth',
		prefixes: ['/account'],
		routes: [
			{ method: 'GET', path: '/account/authorize', handler: authorizePage },
			{ method: 'POST', path: '/account/authorize', handler: consent },
			{ method: 'POST', path: '/account/token', handler: token },
		],
		// Forms (browsers, OAuth clients); JSON bodies are read too.
		parseBody: (text, headers) =>
			/json/i.test(headers['content-type'] || '') ? parseJson(text) : { value: parseForm(text) },
		authorize: () => null, // the client authenticates inside the token request
		errorResponse: (status, { message } = {}) =>
			oauthError(status, status >= 500 ? 'server_error' : 'invalid_request', message || 'Error.'),
		reset,
		stats: () => ({ ...s.counters }),
		principal,
		info: (url) => ({
			authUrl: `${url}/account/authorize`,
			accessTokenUrl: `${url}/account/token`,
			clientId: CLIENT.clientId,
			clientSecret: CLIENT.clientSecret,
			scopes: ALL_SCOPES,
			...controls,
		}),
	};
}

module.exports = { createRmsOAuthPersonality, RMS_OAUTH_CLIENT: CLIENT };
