// BeyondTrust node + credential on n8n-core's WorkflowExecute against the simulator: token economy
// (one mint for many items, one re-mint after revocation, the 30-token cap), errors without
// secrets, XML in both namespaces, and the rate limiter.
const { simulatorPerTest } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const {
	btWorkflow,
	btCredentials,
	peakPerSecond,
	BT_CRED,
} = require('../helpers/remote-access-workflows');
const { BT_ACTIVE_SESSIONS } = require('../helpers/operation-parameters');

const sim = simulatorPerTest();

const generate = (extra = {}) => ({
	resource: 'sessionKey',
	operation: 'generate',
	queueType: 'general',
	externalKey: '={{ $json.ticket }}',
	ttl: 1800,
	...extra,
});
const tickets = (n) => Array.from({ length: n }, (_, i) => ({ ticket: `INC-${10000 + i}` }));
const bt = () => sim.stats().personalities.beyondtrust;

/** Calls fn once, when the simulator has seen `after` BeyondTrust API requests. */
function whenRequests(after, fn) {
	const timer = setInterval(() => {
		if (sim.requests({ path: '/beyondtrust/api' }).length >= after) {
			clearInterval(timer);
			fn();
		}
	}, 5);
	return () => clearInterval(timer);
}

test('500 items in one execution: exactly one token minted, 500 keys, under 20 requests/s', async () => {
	const result = await runWorkflow(btWorkflow(generate()), {
		credentials: btCredentials(sim),
		input: tickets(500),
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node).toHaveLength(500);
	expect(result.outputs.Node[499]).toMatchObject({
		external_key: 'INC-10499',
		ttl: 1800,
		queue: 'general',
		mail_subject: 'Remote Support Invitation',
	});
	expect(result.outputs.Node[0].link).toMatch(
		/^https:\/\/support\.example\.com\/\?ak=[0-9a-f]{32}$/,
	);
	expect(result.outputs.Node[0].short_key).toMatch(/^\d{7}$/);
	expect(result.items.Node[7].pairedItem).toEqual({ item: 7 });
	expect(bt().btTokensMinted).toBe(1);
	expect(bt().btSessionKeysGenerated).toBe(500);
	expect(bt().btRateLimited).toBe(0);
	const peak = bt().btPeakPerSecond;
	expect(peak).toBeLessThanOrEqual(20);
	expect(peakPerSecond(sim.requests({ path: '/beyondtrust/' }))).toBeLessThanOrEqual(20);
	// Every call closes its connection, as BeyondTrust asks.
	expect(
		sim
			.requests({ path: '/beyondtrust/api', limit: 5 })
			.every((r) => r.headers.connection === 'close'),
	).toBe(true);
	console.log(
		`BeyondTrust 500 items: ${bt().btTokensMinted} token minted, peak ${peak} requests/s`,
	);
}, 180000); // at most 19/s by design (about 27 s); the generous limit is for a loaded machine

test('Max Requests per Second: the simulator never sees more than the chosen rate', async () => {
	const options = { options: { maxRequestsPerSecond: 5 } };
	const result = await runWorkflow(btWorkflow(generate(options)), {
		credentials: btCredentials(sim),
		input: tickets(24),
	});
	expect(result.error).toBeUndefined();
	expect(bt().btSessionKeysGenerated).toBe(24);
	const peak = peakPerSecond(sim.requests({ path: '/beyondtrust/api' }));
	expect(peak).toBeLessThanOrEqual(5);
	expect(peak).toBeGreaterThanOrEqual(4); // the rate was used, not just undercut
}, 60000);

test('hourly budget used up (X-RateLimit-Remaining 0): the items fail with the reset time, nothing is sent', async () => {
	sim.beyondtrust.setHourlyBudget(2); // the token request and one call
	const result = await runWorkflow(btWorkflow(generate(), { onError: 'continueRegularOutput' }), {
		credentials: btCredentials(sim),
		input: tickets(3),
	});
	expect(result.outputs.Node[0].link).toBeDefined();
	for (const failed of result.outputs.Node.slice(1)) {
		expect(failed.error).toMatch(
			/request budget of this API account is used up: it resets at \d\d:\d\d:\d\d UTC \(in 60 minutes\)/,
		);
	}
	expect(bt().btSessionKeysGenerated).toBe(1);
	expect(bt().btRateLimited).toBe(0); // the node stopped on the header, before a 429
});

test.each(['http401', 'xml200'])(
	'token revoked mid-run (%s): exactly one re-mint, no failed item',
	async (mode) => {
		sim.beyondtrust.setAuthFailure(mode);
		const stop = whenRequests(20, () => sim.beyondtrust.revokeAll());
		const result = await runWorkflow(btWorkflow(generate()), {
			credentials: btCredentials(sim),
			input: tickets(45),
		});
		stop();
		expect(result.error).toBeUndefined();
		expect(result.outputs.Node).toHaveLength(45);
		expect(result.outputs.Node.every((o) => o.link && !o.error)).toBe(true);
		expect(bt().btTokensRevoked).toBe(1);
		expect(bt().btTokensMinted).toBe(2);
		expect(bt().btSessionKeysGenerated).toBe(45);
		console.log(`BeyondTrust revoked token (${mode}): ${bt().btTokensMinted - 1} re-mint`);
	},
	30000,
);

test('a second execution reuses the stored token; the Test-button style preAuthentication does not mint again', async () => {
	const first = await runWorkflow(
		btWorkflow({ resource: 'team', operation: 'getAll', returnAll: true }),
		{ credentials: btCredentials(sim), input: [{}] },
	);
	expect(first.outputs.Node.map((t) => t.queue_id)).toEqual(['team:1', 'team:2']);
	const second = await runWorkflow(
		btWorkflow({ resource: 'team', operation: 'getAll', returnAll: true }),
		{ credentials: first.credentials, input: [{}] },
	);
	expect(second.error).toBeUndefined();
	// Another operation in a third execution uses the same token too.
	const third = await runWorkflow(
		btWorkflow({ resource: 'representative', operation: 'getAll', returnAll: true }),
		{ credentials: second.credentials, input: [{}] },
	);
	expect(third.outputs.Node.map((r) => r.display_name)).toEqual(['Alice Agent', 'Bob Builder']);
	expect(bt().btTokensMinted).toBe(1);
});

test('wrong secret: a clear error that names the fix and holds no secret', async () => {
	const secret = 'wrong-secret-value-123456';
	const result = await runWorkflow(btWorkflow(generate()), {
		credentials: btCredentials(sim, { clientSecret: secret }),
		input: tickets(3),
	});
	expect(result.error).toBeDefined();
	const text = `${result.error.message} ${result.error.description}`;
	expect(text).toMatch(/rejected the client ID or client secret/);
	expect(JSON.stringify(result.error)).not.toContain(secret);
	expect(text).not.toContain(sim.beyondtrust.clientSecret);
	expect(bt().btTokenRequestsRejected).toBe(1); // no retry storm on a refused secret
	expect(bt().btSessionKeysGenerated).toBe(0);
});

test('secret rotated between executions: the old token is rejected, one new mint with the new secret', async () => {
	const first = await runWorkflow(
		btWorkflow({ resource: 'team', operation: 'getAll', returnAll: true }),
		{ credentials: btCredentials(sim), input: [{}] },
	);
	const newSecret = sim.beyondtrust.rotateSecret('bt-sim-secret-rotated-0001');
	const second = await runWorkflow(
		btWorkflow({ resource: 'team', operation: 'getAll', returnAll: true }),
		{
			credentials: { [BT_CRED]: { ...first.credentials[BT_CRED], clientSecret: newSecret } },
			input: [{}],
		},
	);
	expect(second.error).toBeUndefined();
	expect(bt().btTokensMinted).toBe(2);
});

test('30-token cap: 31st token evicts ours; the next run re-mints exactly once and succeeds', async () => {
	const first = await runWorkflow(
		btWorkflow({ resource: 'team', operation: 'getAll', returnAll: true }),
		{ credentials: btCredentials(sim), input: [{}] },
	);
	const auth = `Basic ${Buffer.from(`${sim.beyondtrust.clientId}:${sim.beyondtrust.clientSecret}`).toString('base64')}`;
	for (let i = 0; i < 30; i++) {
		const res = await fetch(`${sim.beyondtrust.siteUrl}/oauth2/token`, {
			method: 'POST',
			headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials',
		});
		expect(res.status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 60)); // stay under the simulator's 20/s
	}
	expect(sim.beyondtrust.validTokens(sim.beyondtrust.clientId)).toBe(30);
	expect(bt().btTokensEvicted).toBe(1);
	const second = await runWorkflow(btWorkflow(generate()), {
		credentials: first.credentials,
		input: tickets(5),
	});
	expect(second.error).toBeUndefined();
	expect(second.outputs.Node).toHaveLength(5);
	expect(bt().btTokensMinted).toBe(32);
	// The node renews the token it sent through the shared token cache, not through n8n's
	// preAuthentication (which could not tell which token a request carried).
	expect(second.preAuthCalls).toEqual([]);
});

test.each(['bomgar', 'beyondtrust'])(
	'session report in the %s namespace: active only, by ticket, empty window',
	async (ns) => {
		sim.beyondtrust.setNamespace(ns);
		const active = await runWorkflow(btWorkflow(BT_ACTIVE_SESSIONS), {
			credentials: btCredentials(sim),
			input: [{}],
		});
		expect(active.error).toBeUndefined();
		expect(active.outputs.Node.map((s) => s.lsid)).toEqual([
			sim.beyondtrust.fixtures.lsids.activeTicket,
			sim.beyondtrust.fixtures.lsids.activeNoTicket,
		]);
		expect(active.outputs.Node[0]).toMatchObject({
			active: true,
			ended_at: null,
			ended_at_unix: null,
			external_key: 'INC-1001',
			primary_rep: 'Alice Agent',
			customers: [{ name: 'Dana Customer', company: 'Contoso' }],
		});
		const byTicket = await runWorkflow(
			btWorkflow({
				resource: 'session',
				operation: 'getAll',
				hours: 24,
				activeOnly: false,
				returnAll: true,
				filters: { externalKey: 'INC-1002' },
			}),
			{ credentials: btCredentials(sim), input: [{}] },
		);
		expect(byTicket.outputs.Node).toHaveLength(1);
		expect(byTicket.outputs.Node[0]).toMatchObject({ active: false, external_key: 'INC-1002' });
		const none = await runWorkflow(
			btWorkflow({
				resource: 'session',
				operation: 'getAll',
				activeOnly: false,
				returnAll: true,
				filters: { startTime: new Date(Date.now() - 60000).toISOString() },
			}),
			{ credentials: btCredentials(sim), input: [{}] },
		);
		expect(none.error).toBeUndefined();
		expect(none.outputs.Node).toEqual([]);
	},
);

test('get and terminate a session; terminating it again is a clear API error', async () => {
	const lsid = sim.beyondtrust.fixtures.lsids.activeTicket;
	const got = await runWorkflow(
		btWorkflow({ resource: 'session', operation: 'get', lsid, includeEvents: true }),
		{ credentials: btCredentials(sim), input: [{}] },
	);
	expect(got.outputs.Node[0]).toMatchObject({ lsid, active: true });
	expect(got.outputs.Node[0].events).toHaveLength(2);
	const done = await runWorkflow(
		btWorkflow({ resource: 'session', operation: 'terminate', lsid }),
		{ credentials: btCredentials(sim), input: [{}] },
	);
	expect(done.outputs.Node).toEqual([
		{ lsid, terminated: true, message: 'Successfully terminated' },
	]);
	const again = await runWorkflow(
		btWorkflow({ resource: 'session', operation: 'terminate', lsid }),
		{ credentials: btCredentials(sim), input: [{}] },
	);
	expect(again.error.message).toMatch(
		/BeyondTrust could not terminate the session\. BeyondTrust said: No active session found/,
	);
	expect(bt().btSessionsTerminated).toBe(1);
});

test('queues: team, rep and issue ids reach queue_id; bad input fails before any call, naming field and item', async () => {
	const runs = [
		[{ queueType: 'team', team: { __rl: true, mode: 'id', value: '2' } }, 'team'],
		[{ queueType: 'rep', representative: { __rl: true, mode: 'list', value: '1' } }, 'rep'],
		[{ queueType: 'repUsername', repUsername: 'bob' }, 'rep'],
		[{ queueType: 'issue', issueCodeName: 'printer_problem' }, 'issue'],
	];
	for (const [params, queue] of runs) {
		const result = await runWorkflow(btWorkflow(generate(params)), {
			credentials: btCredentials(sim),
			input: tickets(1),
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs.Node[0].queue).toBe(queue);
	}
	expect(sim.requests({ path: '/beyondtrust/api/command' }).map((r) => r.body.queue_id)).toEqual([
		'team:2',
		'rep:1',
		'rep_username:bob',
		'issue:printer_problem',
	]);
	const bad = await runWorkflow(
		btWorkflow(
			generate({ queueType: 'team', team: { __rl: true, mode: 'id', value: '={{ $json.team }}' } }),
			{ onError: 'continueRegularOutput' },
		),
		{
			credentials: btCredentials(sim),
			input: [
				{ team: '1', ticket: 'A' },
				{ team: 'x', ticket: 'B' },
			],
		},
	);
	expect(bad.outputs.Node[0].link).toBeDefined();
	expect(bad.outputs.Node[1].error).toBe('Team must be a positive whole number, got "x" [item 1]');
	const dup = await runWorkflow(
		btWorkflow(generate({ queueType: 'repUsername', repUsername: 'dup' })),
		{ credentials: btCredentials(sim), input: tickets(1) },
	);
	expect(dup.error.message).toMatch(/Unable to find a unique representative/);
	expect(bt().btSessionKeysGenerated).toBe(5);
});

test('429 with Retry-After is honoured for a session key (it did not execute), a 500 is not retried', async () => {
	sim.setFaults({
		kind: 'status',
		status: 429,
		retryAfter: 1,
		route: 'POST /beyondtrust/api/command',
		count: 1,
	});
	const ok = await runWorkflow(btWorkflow(generate()), {
		credentials: btCredentials(sim),
		input: tickets(1),
	});
	expect(ok.error).toBeUndefined();
	expect(bt().btSessionKeysGenerated).toBe(1);
	sim.setFaults({ kind: 'status', status: 500, route: 'POST /beyondtrust/api/command', count: 1 });
	const failed = await runWorkflow(btWorkflow(generate()), {
		credentials: btCredentials(sim),
		input: tickets(1),
	});
	expect(failed.error.message).toMatch(/HTTP 500/);
	expect(sim.requests({ route: 'POST /beyondtrust/api/command' })).toHaveLength(3);
});

test('malformed XML on a read is retried; a dropped session-key call is not repeated', async () => {
	sim.setFaults({ kind: 'malformed', route: 'POST /beyondtrust/api/reporting', count: 1 });
	const report = await runWorkflow(btWorkflow(BT_ACTIVE_SESSIONS), {
		credentials: btCredentials(sim),
		input: [{}],
	});
	expect(report.error).toBeUndefined();
	expect(report.outputs.Node).toHaveLength(2);
	sim.setFaults({ kind: 'drop', after: true, route: 'POST /beyondtrust/api/command', count: 1 });
	const dropped = await runWorkflow(btWorkflow(generate()), {
		credentials: btCredentials(sim),
		input: tickets(1),
	});
	expect(dropped.error.message).toMatch(/closed the connection/);
	expect(bt().btSessionKeysGenerated).toBe(1); // the site made one key; the node did not ask twice
});
