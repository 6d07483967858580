// The three queue-mode checks. Each fills `figures` (recorded under `scale` even when an assertion
// then fails) from the simulator's counters, PostgreSQL's executions and the worker logs.
'use strict';
const assert = require('assert');
const { rmsLink, btKey } = require('./workflows');
const {
	lastExecutionId,
	settledExecutions,
	executionFigures,
	peakPerSecond,
	fireTogether,
} = require('./observe');

const PAIRS = 10;
const COPIES = 5;
const BT_EXECUTIONS = 200;
const TICKETS_PER_EXECUTION = 4;
const BT_LIMIT = 20; // BeyondTrust's per-account limit in any 1 s

const btStats = (sim) => sim.stats().personalities.beyondtrust;
const isLink = (res) => res.status === 200 && Boolean(res.json && res.json.link);

function assertEveryWorkerRan(byWorker) {
	byWorker.forEach((n, i) =>
		assert.ok(
			n > 0,
			`worker ${i + 1} ran none of the executions (by worker: ${byWorker.join(', ')})`,
		),
	);
}

function firstFailure(answers) {
	const bad = answers.find((res) => !isLink(res));
	return bad ? ` (first failure: HTTP ${bad.status} ${String(bad.text).slice(0, 200)})` : '';
}

// (a) 10 (router, name) pairs × 5 ticket webhooks fired together: one configuration per pair.
async function rmsSameName({ cluster, sim, figures }) {
	sim.reset();
	const routers = sim.rms
		.state()
		.devices.filter((d) => d.status === 1)
		.slice(0, PAIRS);
	const pairs = routers.map((d, i) => ({
		serial: d.serial,
		deviceId: d.id,
		name: `Queue_Ticket_${i + 1}_HTTPS`,
	}));
	const bodies = [];
	for (let copy = 1; copy <= COPIES; copy++)
		for (const p of pairs)
			bodies.push({ serial: p.serial, name: p.name, ticket: `${p.name}-${copy}` });
	const since = await lastExecutionId(cluster.pg);
	const answers = await fireTogether(cluster.main, rmsLink.nodes[0].parameters.path, bodies);
	const rows = await settledExecutions(cluster.pg, rmsLink.id, since, bodies.length);
	const configs = sim.rms.state().configs;
	const perPair = pairs.map(
		(p) => configs.filter((c) => Number(c.device_id) === p.deviceId && c.name === p.name).length,
	);
	const accessIds = pairs.map(
		(p) =>
			new Set(
				answers
					.filter((res, i) => bodies[i].name === p.name && isLink(res))
					.map((res) => res.json.access_id),
			).size,
	);
	const rms = sim.stats().personalities.rms;
	Object.assign(figures, {
		pairs: PAIRS,
		webhooksPerPair: COPIES,
		links: answers.filter(isLink).length,
		configurations: perPair.reduce((a, b) => a + b, 0),
		configurationsPerPair: { min: Math.min(...perPair), max: Math.max(...perPair) },
		pairsAnsweredWithOneAccessId: accessIds.filter((n) => n === 1).length,
		...executionFigures(rows, cluster.workers),
		rmsRequests: sim.stats().requests,
		configsCreated: rms.configsCreated,
		configsDeleted: rms.configsDeleted,
	});
	assert.strictEqual(figures.links, bodies.length, `links returned${firstFailure(answers)}`);
	assert.deepStrictEqual(
		answers.map((res) => res.json.configuration_name),
		bodies.map((body) => body.name),
		'each answer names the configuration its ticket asked for',
	);
	assert.strictEqual(figures.executions, bodies.length, 'executions in the database');
	assert.strictEqual(figures.failedExecutions, 0, 'failed executions');
	assertEveryWorkerRan(figures.byWorker);
	assert.deepStrictEqual(
		perPair,
		pairs.map(() => 1),
		`configurations per (router, name) pair: ${perPair.join(', ')} (${figures.configurations} in all)`,
	);
	assert.strictEqual(
		figures.pairsAnsweredWithOneAccessId,
		PAIRS,
		'every webhook of a pair answered with the same access id',
	);
}

// One run for (b) and (c): BT_EXECUTIONS webhooks of TICKETS_PER_EXECUTION tickets each, fired
// together; every token of the account is revoked when half of them have answered.
async function btRun({ cluster, sim }) {
	sim.reset();
	const bodies = Array.from({ length: BT_EXECUTIONS }, (_, i) => ({
		tickets: Array.from({ length: TICKETS_PER_EXECUTION }, (__, j) => ({
			ticket: `INC-Q${String(i + 1).padStart(3, '0')}-${j + 1}`,
		})),
	}));
	const since = await lastExecutionId(cluster.pg);
	let mintedAtRevoke = null;
	const answers = await fireTogether(cluster.main, btKey.nodes[0].parameters.path, bodies, (n) => {
		if (n !== BT_EXECUTIONS / 2) return;
		mintedAtRevoke = btStats(sim).btTokensMinted;
		sim.beyondtrust.revokeAll();
	});
	const rows = await settledExecutions(cluster.pg, btKey.id, since, bodies.length);
	const stats = btStats(sim);
	const keys = answers
		.flatMap((res) => (res.status === 200 && Array.isArray(res.json) ? res.json : []))
		.filter((k) => k.link);
	const requests = sim.requests({ path: '/beyondtrust' });
	return {
		answers,
		figures: {
			executions: BT_EXECUTIONS,
			ticketsPerExecution: TICKETS_PER_EXECUTION,
			keys: keys.length,
			distinctKeys: new Set(keys.map((k) => k.link)).size,
			...executionFigures(rows, cluster.workers),
			btRequests: requests.length,
			peakRequestsPerSecond: peakPerSecond(requests),
			simulatorPeakPerSecond: stats.btPeakPerSecond,
			rateLimited: stats.btRateLimited,
			revokedAfterAnswers: BT_EXECUTIONS / 2,
			tokensMintedBeforeRevoke: mintedAtRevoke,
			tokensMintedAfterRevoke: stats.btTokensMinted - mintedAtRevoke,
		},
	};
}

function firstBadAnswer(answers) {
	const bad = answers.find((res) => res.status !== 200);
	return bad ? ` (first failure: HTTP ${bad.status} ${String(bad.text).slice(0, 200)})` : '';
}

function assertBtRun({ figures, answers }) {
	const tickets = BT_EXECUTIONS * TICKETS_PER_EXECUTION;
	assert.strictEqual(figures.keys, tickets, `session keys returned${firstBadAnswer(answers)}`);
	assert.strictEqual(figures.distinctKeys, tickets, 'distinct key URLs');
	assert.strictEqual(figures.executions, BT_EXECUTIONS, 'executions in the database');
	assert.strictEqual(figures.failedExecutions, 0, 'failed executions');
	assertEveryWorkerRan(figures.byWorker);
}

// (b) at the documented per-worker rate the account never sees more than 20 requests in any 1 s,
// and the two workers mint one token each at most.
async function btRate(ctx) {
	const run = await (ctx.state.bt ??= btRun(ctx));
	const figures = { ...run.figures };
	delete figures.tokensMintedAfterRevoke;
	delete figures.revokedAfterAnswers;
	Object.assign(ctx.figures, figures);
	assertBtRun(run);
	assert.ok(
		figures.peakRequestsPerSecond <= BT_LIMIT,
		`${figures.peakRequestsPerSecond} requests in one 1 s window (limit ${BT_LIMIT}; ${figures.rateLimited} answered 429)`,
	);
	assert.ok(
		figures.tokensMintedBeforeRevoke <= ctx.cluster.workers.length,
		`${figures.tokensMintedBeforeRevoke} tokens minted for ${ctx.cluster.workers.length} workers`,
	);
}

// (c) the revocation halfway costs at most one new token per worker and no failed execution.
async function btRevoked(ctx) {
	const run = await (ctx.state.bt ??= btRun(ctx));
	const { revokedAfterAnswers, tokensMintedAfterRevoke, failedExecutions, byWorker } = run.figures;
	Object.assign(ctx.figures, {
		revokedAfterAnswers,
		tokensMintedAfterRevoke,
		failedExecutions,
		byWorker,
	});
	assertBtRun(run);
	assert.ok(
		tokensMintedAfterRevoke <= ctx.cluster.workers.length,
		`${tokensMintedAfterRevoke} tokens minted after the revocation for ${ctx.cluster.workers.length} workers`,
	);
}

module.exports = [
	{
		key: 'rmsSameNameLinks',
		label: `RMS ${PAIRS} (router, name) pairs × ${COPIES} webhooks together`,
		run: rmsSameName,
	},
	{
		key: 'btRatePerWorker',
		label: `BeyondTrust ${BT_EXECUTIONS} executions × ${TICKETS_PER_EXECUTION} keys at the per-worker rate`,
		run: btRate,
	},
	{
		key: 'btTokenRevoked',
		label: 'BeyondTrust tokens revoked halfway through that run',
		run: btRevoked,
	},
];
