'use strict';
// The BeyondTrust Remote Support personality: OAuth token endpoint, Command API and Reporting API
// (XML, HTTP 200 with <error> for API errors) under /beyondtrust, as docs/vendor-behaviour.md
// describes the real service. Options: btNamespace ('bomgar' | 'beyondtrust'),
// btAuthFailure ('http401' | 'xml200'), clock.

const crypto = require('crypto');
const { OAuthClients, RateWindow } = require('../oauth-clients');
const { parseForm } = require('../http-utils');
const { el, doc } = require('./xml');
const { buildSeed, FIXTURES } = require('./seed');
const { attributeCommands, customAttributeElements } = require('./attributes');
const { selectSessions, listingXml } = require('./listing');
const { queueAvailable } = require('./queues');
const { createEventSender } = require('./events');

const PREFIX = '/beyondtrust';
const CLIENT = { clientId: 'bt-sim-client-5f1c2a', clientSecret: 'bt-sim-secret-9d4e7b1a6c3f' };
const OTHER_CLIENT = {
	clientId: 'bt-sim-readonly-77aa10',
	clientSecret: 'bt-sim-secret-readonly-2b8e',
};
/** BeyondTrust's documented limits per API account (requests per second, per hour). */
const PER_SECOND = 20;
const HOURLY_BUDGET = 15000;
const DENIED_TEXT = 'The resource owner or authorization server denied the request.';

const emptyCounters = () => ({
	btSessionKeysGenerated: 0,
	btSessionsTerminated: 0,
	btReports: 0,
	btCommands: 0,
	btAttributesSet: 0,
});

function createBeyondTrustPersonality(options = {}) {
	const clock = options.clock || Date.now;
	const oauth = new OAuthClients({
		accounts: [CLIENT, OTHER_CLIENT],
		cap: 30,
		clock,
		prefix: 'bt',
	});
	const rate = new RateWindow({ perSecond: PER_SECOND, perHour: HOURLY_BUDGET, clock });
	const settings = {
		namespace: options.btNamespace || 'bomgar',
		authFailure: options.btAuthFailure || 'http401',
	};
	let state = buildSeed(clock());
	let counters = emptyCounters();
	const events = createEventSender({ getState: () => state, clock });

	const xml = (api, root) => doc(settings.namespace, api, root);
	const apiError = (api, message) => xml(api, el('error', {}, message));
	const params = (ctx) => ({
		...ctx.query,
		...(ctx.body && typeof ctx.body === 'object' ? ctx.body : {}),
	});

	function deniedResponse(api) {
		if (settings.authFailure === 'xml200') return apiError(api, `access_denied: ${DENIED_TEXT}`);
		return { status: 401, body: { error: 'access_denied', message: DENIED_TEXT } };
	}

	// ---- Command API ------------------------------------------------------------------------
	const repXml = (r) =>
		el(
			'rep',
			{ id: r.id },
			el('display_name', {}, r.display),
			el('public_display_name', {}, r.display),
			el('private_display_name', {}, r.private),
			el('type', {}, r.type),
			el('direct_link', {}, `<a href="https://support.example.com/?id=${r.id}">${r.display}</a>`),
			el(
				'logged_in_since',
				{ timestamp: r.since },
				new Date(r.since * 1000).toISOString().replace('.000Z', '+00:00'),
			),
			el('presentation_count', {}, 0),
			el(
				'support_session_count',
				{},
				state.sessions.filter((s) => s.rep === r.id && s.end === null).length,
			),
			el('showing_on_rep_list', {}, 1),
		);

	function generateSessionKey(p, now) {
		if (p.type !== 'support')
			return apiError('command', 'Invalid session type. Only "support" is supported.');
		const queue = String(p.queue_id || '');
		let queueKind;
		let queueId;
		const [kind, ...restParts] = queue.split(':');
		const rest = restParts.join(':');
		if (queue === 'general') queueKind = 'general';
		else if (kind === 'team' && state.teams.some((t) => String(t.id) === rest))
			[queueKind, queueId] = ['team', rest];
		else if (kind === 'rep' && state.reps.some((r) => String(r.id) === rest && r.loggedIn))
			[queueKind, queueId] = ['rep', rest];
		else if (kind === 'rep_username') {
			const found = state.reps.filter((r) => r.username === rest);
			if (found.length !== 1)
				return apiError(
					'command',
					`Unable to find a unique representative with the username "${rest}".`,
				);
			[queueKind, queueId] = ['rep', found[0].id];
		} else if (kind === 'issue' && state.teams.some((t) => t.issues.some((i) => i.code === rest)))
			queueKind = 'issue';
		else return apiError('command', `Invalid queue_id "${queue}".`);
		const ttl = p.ttl === undefined ? 86400 : Number(p.ttl);
		if (!Number.isInteger(ttl) || ttl <= 0) return apiError('command', 'Invalid ttl.');
		const externalKey = p['session.custom.external_key'] ?? p.external_key;
		const host = p.url_hostname || 'support.example.com';
		const ak = crypto.randomBytes(16).toString('hex');
		const shortKey = String(crypto.randomInt(1000000, 9999999));
		const expires = Math.floor(now / 1000) + ttl;
		const custom = Object.fromEntries(
			Object.entries(p)
				.filter(([k]) => k.startsWith('session.custom.'))
				.map(([k, v]) => [k.slice(15), v]),
		);
		state.keys.push({ ak, shortKey, queue, expires, externalKey: externalKey ?? null, custom });
		counters.btSessionKeysGenerated += 1;
		const keyUrl = `https://${host}/?ak=${ak}`;
		return xml(
			'command',
			el(
				'session_key',
				{},
				el('type', {}, 'support'),
				p.ttl === undefined ? null : el('ttl', {}, ttl),
				el('expires', {}, expires),
				el(
					'queue',
					{ available: queueAvailable(state, queueKind, queueId, rest) ? 1 : 0 },
					queueKind,
				),
				queueId === undefined ? null : el('queue_id', {}, queueId),
				externalKey === undefined ? null : el('external_key', {}, externalKey),
				el('short_key', {}, shortKey),
				el('key_url', {}, keyUrl),
				el('mail_subject', {}, 'Remote Support Invitation'),
				el(
					'mail_body',
					{},
					`Please click the link below to start a support session:\n\n${keyUrl}\n\nOr enter the session key ${shortKey} at https://${host}/`,
				),
			),
		);
	}

	const extraCommands = attributeCommands({
		state: () => state,
		counters: () => counters,
		xml: (root) => xml('command', root),
		apiError: (message) => apiError('command', message),
		readOnly: (ctx) => ctx.principal.clientId === OTHER_CLIENT.clientId,
	});

	function command(ctx) {
		const p = params(ctx);
		const now = clock();
		counters.btCommands += 1;
		switch (p.action) {
			case 'get_api_info':
				return xml(
					'command',
					el(
						'api_information',
						{},
						el('api_version', {}, settings.namespace === 'bomgar' ? '1.19.0' : '1.25.0'),
						el('company_name', {}, state.company),
						el('timestamp', {}, Math.floor(now / 1000)),
						el(
							'permissions',
							{},
							el(
								'permission',
								{ name: 'perm_command' },
								ctx.principal.clientId === OTHER_CLIENT.clientId ? 'read_only' : 'full_access',
							),
							el('permission', { name: 'perm_reporting_support' }, 1),
							el('permission', { name: 'perm_backup' }, 0),
						),
					),
				);
			case 'get_logged_in_reps':
				return xml(
					'command',
					el('logged_in_reps', {}, state.reps.filter((r) => r.loggedIn).map(repXml)),
				);
			case 'get_support_teams':
				return xml(
					'command',
					el(
						'support_teams',
						{},
						state.teams.map((t) =>
							el(
								'support_team',
								{ id: t.id },
								el('name', {}, t.name),
								el('code_name', {}, t.code),
								p.showmembers === '1'
									? el(
											'members',
											{},
											t.members.map((id) =>
												el(
													'representative',
													{ id },
													el('display_name', {}, state.reps.find((r) => r.id === id).display),
												),
											),
										)
									: null,
								el(
									'issues',
									{},
									t.issues.map((i) =>
										el(
											'issue',
											{ id: i.id },
											el('code_name', {}, i.code),
											el('description', {}, i.description),
										),
									),
								),
							),
						),
					),
				);
			case 'generate_session_key':
				if (ctx.principal.clientId === OTHER_CLIENT.clientId)
					return apiError('command', 'You do not have permission to perform this action.');
				return generateSessionKey(p, now);
			case 'terminate_session': {
				const session = state.sessions.find((s) => s.lsid === p.lsid && s.end === null);
				if (!session) return apiError('command', `No active session found with lsid "${p.lsid}".`);
				events.endSession(session.lsid); // sets end_time, emits member_departed and end
				counters.btSessionsTerminated += 1;
				return xml('command', el('success', {}, 'Successfully terminated'));
			}
			default:
				if (extraCommands[p.action]) return extraCommands[p.action](p, ctx, now);
				return apiError('command', 'Invalid action');
		}
	}

	// ---- Reporting API ----------------------------------------------------------------------
	const iso = (unix) => new Date(unix * 1000).toISOString().replace('.000Z', '+00:00');
	const hms = (seconds) =>
		[3600, 60, 1]
			.map((d, i) => String(Math.floor(seconds / d) % (i ? 60 : 1000)).padStart(2, '0'))
			.join(':');

	function sessionXml(s, now) {
		const rep = state.reps.find((r) => r.id === s.rep);
		const end = s.end;
		return el(
			'session',
			{ lsid: s.lsid },
			el('session_type', {}, 'support'),
			el('lseq', {}, 3),
			el('start_time', { timestamp: s.start }, iso(s.start)),
			end === null ? null : el('end_time', { timestamp: end }, iso(end)),
			el('duration', {}, hms((end ?? Math.floor(now / 1000)) - s.start)),
			el('external_key', {}, s.externalKey ?? ''),
			el('custom_attributes', {}, customAttributeElements(s)),
			end === null
				? null
				: el(
						'session_chat_view_url',
						{},
						`https://support.example.com/session_download?lsid=${s.lsid}&dl_action=chat&view=1`,
					),
			el('public_site', { id: 1 }, 'Default'),
			el('file_transfer_count', {}, 0),
			el('primary_customer', { gsnumber: 7 }, s.customer),
			el('primary_rep', { gsnumber: 3, id: rep.id }, rep.display),
			el(
				'customer_list',
				{},
				el(
					'customer',
					{ gsnumber: 7 },
					el('username', {}, s.customer),
					el('public_ip', {}, '203.0.113.7'),
					el('private_ip', {}, '10.0.0.7'),
					el('hostname', {}, 'CUST-PC-07'),
					el('os', {}, 'Windows 11 Pro'),
					el(
						'info',
						{},
						el('name', {}, s.customer),
						el('company', {}, s.company ?? ''),
						el('issue', {}, s.issue ?? ''),
					),
				),
			),
			el(
				'rep_list',
				{},
				(s.reps || [s.rep]).map((id, n) => {
					const r = state.reps.find((x) => x.id === id);
					return el(
						'representative',
						{ gsnumber: 3 + n, id: r.id },
						el('username', {}, r.username),
						el('display_name', {}, r.display),
						el('seconds_involved', {}, (end ?? Math.floor(now / 1000)) - s.start),
						el('session_owner', {}, r.id === s.rep ? 1 : 0),
					);
				}),
			),
			el(
				'session_details',
				{},
				Array.from({ length: s.events }, (_, n) =>
					el(
						'event',
						{ timestamp: s.start + n * 60, event_type: n === 0 ? 'Session Start' : 'Chat Message' },
						el('performed_by', { type: 'system' }, n === 0 ? 'System' : rep.display),
						n === 0 ? null : el('body', {}, 'Hello, I can see your screen now.'),
					),
				),
			),
		);
	}

	function reporting(ctx) {
		const p = params(ctx);
		const now = clock();
		counters.btReports += 1;
		const listing = p.generate_report === 'SupportSessionListing';
		if (!listing && p.generate_report !== 'SupportSession')
			return apiError('reporting', `Invalid report type "${p.generate_report || ''}".`);
		const { sessions, error } = selectSessions(state.sessions, p, { byId: !listing });
		if (error) return apiError('reporting', error);
		if (listing) return xml('reporting', listingXml(sessions));
		if (!sessions.length)
			return apiError('reporting', 'No sessions found for the given search criteria.');
		return xml(
			'reporting',
			el(
				'session_list',
				{},
				sessions.map((s) => sessionXml(s, now)),
			),
		);
	}

	// ---- wiring -----------------------------------------------------------------------------
	function tokenRoute(ctx) {
		return oauth.mint(ctx.headers, ctx.body);
	}

	const apiRoutes = [
		{ method: 'POST', path: `${PREFIX}/oauth2/token`, public: true, handler: tokenRoute },
		{ method: 'GET', path: `${PREFIX}/api/command`, handler: command },
		{ method: 'POST', path: `${PREFIX}/api/command`, handler: command },
		{ method: 'GET', path: `${PREFIX}/api/reporting`, handler: reporting },
		{ method: 'POST', path: `${PREFIX}/api/reporting`, handler: reporting },
	];

	function rateKey(ctx) {
		const bearer = oauth.principal(ctx.headers);
		if (bearer) return bearer.clientId;
		const basic = /^Basic\s+(\S+)$/i.exec(ctx.headers.authorization || '');
		return basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] : 'anonymous';
	}

	const withRateHeaders = (route) => ({
		...route,
		handler: async (ctx) => {
			const response = await route.handler(ctx);
			return { ...response, headers: { ...response.headers, ...ctx.rateHeaders } };
		},
	});

	return {
		name: 'beyondtrust',
		prefixes: [PREFIX],
		routes: apiRoutes.map(withRateHeaders),
		parseBody: (raw) => ({ value: raw ? parseForm(raw) : undefined }),
		/** The appliance's front server is Apache: a request line over 8,190 bytes gets a 414. */
		maxRequestLine: 8190,
		/** 20 requests/s and 15,000/h per API account, every endpoint; X-RateLimit-* on every answer. */
		beforeRequest(ctx) {
			const verdict = rate.hit(rateKey(ctx));
			ctx.rateHeaders = {
				'X-RateLimit-Limit': String(PER_SECOND),
				'X-RateLimit-Remaining': String(Math.max(0, verdict.remaining)),
			};
			if (verdict.retryAfter) {
				return {
					status: 429,
					body: { error: 'rate_limited', message: 'Too many requests.' },
					headers: { ...ctx.rateHeaders, 'Retry-After': String(verdict.retryAfter) },
				};
			}
			return null;
		},
		authorize(ctx, route) {
			if (route.public) return null;
			const principal = oauth.principal(ctx.headers);
			if (!principal)
				return deniedResponse(route.path.endsWith('/reporting') ? 'reporting' : 'command');
			ctx.principal = principal;
			return null;
		},
		errorResponse(status, { message } = {}) {
			if (status === 401) return { status, body: { error: 'access_denied', message: DENIED_TEXT } };
			if (status === 429)
				return { status, body: { error: 'rate_limited', message: 'Too many requests.' } };
			return {
				status,
				text: message || `HTTP ${status}`,
				contentType: 'text/plain; charset=UTF-8',
			};
		},
		tick: () => oauth.expire(),
		reset() {
			state = buildSeed(clock());
			counters = emptyCounters();
			events.reset();
			oauth.reset();
			rate.reset();
			rate.perHour = HOURLY_BUDGET;
			settings.namespace = options.btNamespace || 'bomgar';
			settings.authFailure = options.btAuthFailure || 'http401';
		},
		stop: () => events.stop(),
		stats: () => ({
			...counters,
			...events.stats(),
			btTokensMinted: oauth.counters.minted,
			btTokensEvicted: oauth.counters.evicted,
			btTokensRevoked: oauth.counters.revoked,
			btTokenRequestsRejected: oauth.counters.rejectedMints,
			btValidTokens: oauth.validTokens(),
			btPeakPerSecond: rate.peakPerSecond,
			btRateLimited: rate.limited,
		}),
		info: (url) => ({
			siteUrl: `${url}${PREFIX}`,
			clientId: CLIENT.clientId,
			clientSecret: CLIENT.clientSecret,
			readOnlyClient: { ...OTHER_CLIENT },
			fixtures: FIXTURES,
			/** Outbound events: recipients, the session lifecycle, queue faults (events.js). */
			events,
			namespace: () => settings.namespace,
			/** 'bomgar' (RS 19.1 URIs) or 'beyondtrust' (current URIs). */
			setNamespace(ns) {
				if (!['bomgar', 'beyondtrust'].includes(ns))
					throw new Error('namespace must be bomgar or beyondtrust');
				settings.namespace = ns;
			},
			/** How a bad token is answered: 'http401' (JSON access_denied) or 'xml200' (<error> in HTTP 200). */
			setAuthFailure(mode) {
				if (!['http401', 'xml200'].includes(mode))
					throw new Error('auth failure mode must be http401 or xml200');
				settings.authFailure = mode;
			},
			/** A smaller hourly budget per account (until reset), to test running low without 15,000 calls. */
			setHourlyBudget(perHour) {
				if (!Number.isInteger(perHour) || perHour < 1)
					throw new Error('hourly budget must be a positive integer');
				rate.perHour = perHour;
			},
			/** A logged-in representative who is (not) available for new sessions (until reset). */
			setRepAvailable(id, available) {
				const rep = state.reps.find((r) => r.id === id);
				if (!rep) throw new Error(`no representative ${id}`);
				rep.available = Boolean(available);
			},
			revokeAll: (clientId) => oauth.revokeAll(clientId),
			rotateSecret: (newSecret, clientId = CLIENT.clientId) =>
				oauth.rotateSecret(clientId, newSecret),
			validTokens: (clientId) => oauth.validTokens(clientId),
			stats: () => ({
				...counters,
				tokensMinted: oauth.counters.minted,
				tokensEvicted: oauth.counters.evicted,
				peakPerSecond: rate.peakPerSecond,
				rateLimited: rate.limited,
			}),
			state: () => JSON.parse(JSON.stringify(state)),
		}),
	};
}

module.exports = { createBeyondTrustPersonality, CLIENT, FIXTURES };
