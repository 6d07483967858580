'use strict';
// Personal access tokens and their scopes (docs/vendor-behaviour.md, RMS: personal access tokens
// and scopes). Every call, the status channel included, needs a known Bearer token (else 401); a
// missing scope gives 403.

const { statusError } = require('./envelope');

const SCOPES = {
	devicesRead: 'devices:read',
	remoteAccessRead: 'device_remote_access:read',
	remoteAccessWrite: 'device_remote_access:write',
};

// The user id shows up in channel names: private-status.<userId>.<64 alnum>.
const USER_ID = 4217;

const TOKENS = {
	full: { token: 'rms-sim-pat-full-8c1f5e2a9d7b4036', scopes: Object.values(SCOPES) },
	readOnly: {
		token: 'rms-sim-pat-readonly-3b6d0a4f1e9c2785',
		scopes: [SCOPES.devicesRead, SCOPES.remoteAccessRead],
	},
	devicesOnly: { token: 'rms-sim-pat-devices-5e2c7a9b0d4f1368', scopes: [SCOPES.devicesRead] },
};

/**
 * Returns null when allowed (and sets ctx.principal), else the 401/403 response. `oauthPrincipal`
 * (token -> { name, scopes } | null) accepts the access tokens of the OAuth2 server too.
 */
function authorize(ctx, route, oauthPrincipal) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.headers.authorization || '');
	const found = match && Object.entries(TOKENS).find(([, t]) => t.token === match[1]);
	const oauth = match && !found && oauthPrincipal ? oauthPrincipal(match[1]) : null;
	if (!found && !oauth) return statusError(401);
	const [name, { scopes }] = found || [oauth.name, oauth];
	ctx.principal = { name, userId: USER_ID, scopes };
	if (route.scope && !scopes.includes(route.scope)) return statusError(403);
	return null;
}

const tokenStrings = () =>
	Object.fromEntries(Object.entries(TOKENS).map(([name, t]) => [name, t.token]));

module.exports = { SCOPES, TOKENS, USER_ID, authorize, tokenStrings };
