// Faults shared by the two client-credentials services (BeyondTrust, Rimo3) of the fault matrix,
// and the enumeration of (fault, operation) pairs that the matrix runs and the table counts.
// A fault:
//   inject(route)         simulator fault(s) for the operation's route (simulator/README.md)
//   options               node options for the run (e.g. a short request timeout)
//   parameters(op)        parameter overrides for the run
//   credentials(sim)      credential overrides (wrong secret, other account)
//   secrets(sim)          extra strings that must appear nowhere a user sees
//   prime                 run the service's prime operation first, so a token is cached
//   setup(sim, ctx)       before the run (after priming): switch modes, rotate, move the clock
//   revokeDuringCall      revoke every token while the operation's first call is in flight
//   retryAfterMs          the repeat on the route must come at least this late
//   settleMs              from the start of the run, when requests the node gave up on have finished
//   outcome(op)           'success' (after bounded retries) or 'error'
//   message               what the error (message + description) must say
//   mintedInRun           tokens the run itself must mint (undefined = not checked)
//   applies(op)/skipNote  where the fault does not apply, and why
//   row/label/tableNote   for the README table
'use strict';
const { singleNodeWorkflow } = require('../helpers/remote-access-workflows');

const readsRetried = (op) => (op.kind === 'read' ? 'success' : 'error');

const COMMON_FAULTS = {
	'429 + Retry-After': {
		inject: (route) => ({ kind: 'status', status: 429, retryAfter: 1, route, count: 1 }),
		outcome: () => 'success', // a 429 was never acted on, so even a write is safe to repeat
		retryAfterMs: 1000, // the repeat waits what the service asked for
		mintedInRun: 1,
		tableNote: 'waits Retry-After, repeats once (writes too: a 429 was not acted on)',
	},
	'429 beyond the wait budget': {
		inject: (route) => ({ kind: 'status', status: 429, retryAfter: 3600, route }),
		outcome: () => 'error',
		message: /rate limit reached.*429/i,
		tableNote: 'not waited for',
	},
	500: {
		inject: (route) => ({ kind: 'status', status: 500, route, count: 1 }),
		outcome: readsRetried,
		message: /HTTP 500/,
	},
	503: {
		inject: (route) => ({ kind: 'status', status: 503, route, count: 1 }),
		outcome: readsRetried,
		message: /HTTP 503/,
	},
	'dropped connection': {
		inject: (route) => ({ kind: 'drop', route, count: 1 }),
		outcome: readsRetried,
		message: /closed the connection/i,
	},
	'request timeout': {
		inject: (route) => ({ kind: 'latency', ms: 1200, route, count: 1 }),
		options: { requestTimeout: 0.4 },
		settleMs: 1400, // the simulator still handles the late request; let it land in this test
		outcome: readsRetried,
		message: /did not answer in time/i,
	},
	'malformed body': {
		inject: (route) => ({ kind: 'malformed', route, count: 1 }),
		outcome: readsRetried,
		label: 'malformed JSON',
	},
	'token revoked mid-run': {
		revokeDuringCall: true,
		outcome: () => 'success', // the call was refused with 401, so repeating it is safe
		mintedInRun: 2, // the first token, then exactly one re-mint
		tableNote: 'exactly one re-mint',
	},
	'expired token': {
		prime: true,
		setup: (sim, ctx) => ctx.advanceClock(3601), // the service's clock passes the 1-hour lifetime
		outcome: () => 'success',
		mintedInRun: 1,
		tableNote: 'exactly one re-mint',
	},
	'wrong secret': {
		row: 'wrong token / wrong secret',
		credentials: () => ({ clientSecret: 'fault-matrix-wrong-secret-5150' }),
		secrets: () => ['fault-matrix-wrong-secret-5150'],
		outcome: () => 'error',
		message: /rejected the client ID or client secret/,
		mintedInRun: 0,
	},
	'secret rotated mid-run': {
		row: 'wrong token / wrong secret',
		prime: true,
		setup: (sim, ctx) => {
			ctx.newSecret = ctx.account.rotateSecret('fault-matrix-rotated-secret-0042');
		},
		secrets: () => ['fault-matrix-rotated-secret-0042'],
		outcome: () => 'error',
		message: /rejected the client ID or client secret/,
		mintedInRun: 0,
	},
	'missing permission (HTTP 403)': {
		row: 'missing permission',
		inject: (route) => ({ kind: 'status', status: 403, route }),
		outcome: () => 'error',
		message: /may not/,
		tableNote: 'clear error naming the permission, not retried',
	},
};

/** Every (fault, operation) pair the matrix runs, and the skipped ones with their reason. */
function casesOf(operations, faults) {
	const run = [];
	const skipped = [];
	for (const [faultName, fault] of Object.entries(faults)) {
		for (const [opName, op] of Object.entries(operations)) {
			if (fault.applies && !fault.applies(op, opName))
				skipped.push({ faultName, opName, note: fault.skipNote });
			else run.push([faultName, opName, fault, op]);
		}
	}
	return { run, skipped };
}

module.exports = { COMMON_FAULTS, casesOf, singleNodeWorkflow };
