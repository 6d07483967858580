// The BeyondTrust Remote Support side of the fault matrix: one workflow per operation
// against the simulator's seed (simulator/README.md), and the faults each case injects.
// Shared by the jest matrix (faults.test.js) and the table in docs/testing.md (matrix-table.js).
'use strict';
const { FIXTURES } = require('../../simulator/beyondtrust/seed');
const { BT_TYPE, BT_CRED, btCredentials } = require('../helpers/remote-access-workflows');
const { COMMON_FAULTS, singleNodeWorkflow } = require('../shared/client-credentials-faults');
const { BT_ACTIVE_SESSIONS, BT_SESSION_LISTING } = require('../helpers/operation-parameters');

const COMMAND = 'POST /beyondtrust/api/command';
const REPORTING = 'POST /beyondtrust/api/reporting';
const UNKNOWN_LSID = '0'.repeat(32);

/**
 * kind read: repeating changes nothing. kind write: changes state at BeyondTrust.
 * `creates`: the simulator counter a duplicate would show up in (at most 1 per item).
 * `apiError`: parameters that make the API answer an `<error>` inside HTTP 200.
 * `fullAccess`: needs full Command API access (the read-only account is refused).
 */
const OPERATIONS = {
	'sessionKey.generate': {
		kind: 'write',
		route: COMMAND,
		parameters: {
			resource: 'sessionKey',
			operation: 'generate',
			queueType: 'general',
			externalKey: 'INC-FAULT-1',
			ttl: 1800,
		},
		creates: 'btSessionKeysGenerated',
		fullAccess: true,
		// rep 3 (Carol) exists but is logged out: `<error>Invalid queue_id "rep:3".</error>`
		apiError: { queueType: 'rep', representative: { __rl: true, mode: 'id', value: '3' } },
	},
	'session.get': {
		kind: 'read',
		route: REPORTING,
		parameters: { resource: 'session', operation: 'get', lsid: FIXTURES.lsids.activeTicket },
		// `<error>No sessions found ...</error>`: the node says the session does not exist
		apiError: { lsid: UNKNOWN_LSID },
	},
	'session.getAll': {
		kind: 'read',
		route: REPORTING,
		parameters: BT_ACTIVE_SESSIONS,
	},
	'session.terminate': {
		kind: 'write',
		route: COMMAND,
		parameters: {
			resource: 'session',
			operation: 'terminate',
			lsid: FIXTURES.lsids.activeNoTicket,
		},
		creates: 'btSessionsTerminated',
		// the session already ended: `<error>No active session found with lsid "...".</error>`
		apiError: { lsid: FIXTURES.lsids.ended },
	},
	// Setting the same values again leaves the session as it is: retried like a read.
	'session.setAttributes': {
		kind: 'read',
		route: COMMAND,
		parameters: {
			resource: 'session',
			operation: 'setAttributes',
			lsid: FIXTURES.lsids.activeTicket,
			externalKey: 'INC-FAULT-2',
			customAttributes: { attribute: [{ name: 'priority', value: 'P1' }] },
		},
		fullAccess: true,
		// the session already ended: `<error>No active session found with lsid "...".</error>`
		apiError: { lsid: FIXTURES.lsids.ended },
	},
	'session.getAttributes': {
		kind: 'read',
		route: COMMAND,
		parameters: {
			resource: 'session',
			operation: 'getAttributes',
			lsid: FIXTURES.lsids.activeTicket,
		},
		apiError: { lsid: FIXTURES.lsids.ended },
	},
	'session.getAll (listing only)': {
		kind: 'read',
		route: REPORTING,
		parameters: BT_SESSION_LISTING,
	},
	'session.get (several)': {
		kind: 'read',
		route: REPORTING,
		parameters: {
			resource: 'session',
			operation: 'get',
			lsid: `${FIXTURES.lsids.activeTicket},${FIXTURES.lsids.ended}`,
		},
		// one of them unknown: the node names it
		apiError: { lsid: `${FIXTURES.lsids.activeTicket},${UNKNOWN_LSID}` },
	},
	'representative.getAll': {
		kind: 'read',
		route: COMMAND,
		parameters: { resource: 'representative', operation: 'getAll', returnAll: true },
	},
	'team.getAll': {
		kind: 'read',
		route: COMMAND,
		parameters: { resource: 'team', operation: 'getAll', returnAll: true },
	},
};

/** Faults only BeyondTrust has, on top of the ones it shares with Rimo3 (test/shared/client-credentials-faults.js). */
const FAULTS = {
	...COMMON_FAULTS,
	'malformed body': {
		...COMMON_FAULTS['malformed body'],
		label: 'malformed XML',
		message: /XML that could not be read/,
	},
	'token revoked mid-run': {
		...COMMON_FAULTS['token revoked mid-run'],
		label: 'token revoked mid-run (HTTP 401 access_denied)',
	},
	'token revoked, access_denied in HTTP 200': {
		...COMMON_FAULTS['token revoked mid-run'],
		row: 'token revoked mid-run',
		setup: (sim) => sim.beyondtrust.setAuthFailure('xml200'),
		tableNote: 'exactly one re-mint',
	},
	'<error> in HTTP 200': {
		applies: (op) => op.apiError !== undefined,
		skipNote:
			'the list operations have no input that makes BeyondTrust answer <error> (an empty report is an empty list)',
		parameters: (op) => op.apiError,
		outcome: () => 'error',
		message: /BeyondTrust (could not|has no support session)/,
		mintedInRun: 1,
		tableNote: 'clear error with the API text, not retried',
	},
	'missing permission (read-only API account)': {
		row: 'missing permission',
		applies: (op) => op.fullAccess === true,
		skipNote:
			'the simulator models the read-only account only for generate_session_key and set_session_attributes',
		credentials: (sim) => ({
			clientId: sim.beyondtrust.readOnlyClient.clientId,
			clientSecret: sim.beyondtrust.readOnlyClient.clientSecret,
		}),
		secrets: (sim) => [sim.beyondtrust.readOnlyClient.clientSecret],
		outcome: () => 'error',
		message: /API account may not (generate a session key|set the session attributes).*permission/,
		mintedInRun: 1,
	},
};

const SERVICE = {
	name: 'BeyondTrust',
	credentialType: BT_CRED,
	personality: 'beyondtrust',
	tokenRoute: 'POST /beyondtrust/oauth2/token',
	counters: {
		minted: 'btTokensMinted',
		revoked: 'btTokensRevoked',
		rejectedMints: 'btTokenRequestsRejected',
	},
	/** A read that caches a token before a fault that needs one (expiry, rotation). */
	primeOperation: 'team.getAll',
	credentials: (sim, overrides) => btCredentials(sim, overrides),
	account: (sim) => sim.beyondtrust,
	secrets: (sim) => [sim.beyondtrust.clientSecret],
	workflowFor: (op, { options = {}, parameters = {} } = {}) =>
		singleNodeWorkflow(BT_TYPE, BT_CRED, { ...op.parameters, ...parameters, options }),
	/** Anything shaped like a simulator token (bt-<40 hex>). */
	tokenPattern: /\bbt-[0-9a-f]{40}\b/,
};

module.exports = { SERVICE, OPERATIONS, FAULTS };
