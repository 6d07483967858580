// The queue-mode stage of `npm run test:e2e` (n8n 2.40.7 only): Redis and PostgreSQL from the
// Debian packages in temporary folders, n8n main + 2 workers sharing one user folder with the packed
// package installed, the simulator as the vendors. Runs the checks in checks.js and returns their
// figures as `scale` (run.js writes them into bench/results.json).
'use strict';
const fs = require('fs');
const path = require('path');
const rt = require('../../../scripts/n8n-runtime');
const { createQueueCluster, WORKER_CONCURRENCY } = require('./cluster');
const { onShutdown } = require('../../../scripts/lib/procs');
const rms = require('../suites/rms');
const bt = require('../suites/beyondtrust');
const { rmsLink, btKey, BT_RATE_PER_WORKER } = require('./workflows');
const CHECKS = require('./checks');

const WORKERS = 2;

// `record(result, { label }, via, fn)` is run.js's PASS/FAIL bookkeeping.
async function runQueueStage({ tgz, sim, out, say, record, keep }) {
	const t0 = Date.now();
	const result = { target: { n8n: `${rt.N8N_VERSION} queue mode` }, results: [], notes: [] };
	const scale = {
		n8n: rt.N8N_VERSION,
		workers: WORKERS,
		workerConcurrency: WORKER_CONCURRENCY,
		btMaxRequestsPerSecondPerWorker: BT_RATE_PER_WORKER,
	};
	result.scale = scale;
	say(`=== n8n ${rt.N8N_VERSION} in queue mode (main + ${WORKERS} workers) ===`);
	let cluster = null;
	try {
		const runtime = await rt.ensureRuntime(rt.N8N_VERSION);
		result.node = runtime.node.version;
		cluster = await createQueueCluster({
			node: runtime.node,
			n8n: runtime.n8n,
			root: path.join(out, 'n8n-queue'),
			workers: WORKERS,
		});
		onShutdown(() => cluster.stop());
		const { main, redis, pg } = cluster;
		say(
			`redis-server on 127.0.0.1:${redis.port}, postgres on 127.0.0.1:${pg.port} (${((Date.now() - t0) / 1000).toFixed(1)}s)`,
		);
		await main.installPackage(tgz);
		await main.importCredentials([...rms.credentials(sim), ...bt.credentials(sim)]);
		await main.importWorkflows([rmsLink, btKey]);
		await Promise.all([rmsLink, btKey].map((wf) => main.publish(wf.id)));
		const startSeconds = await cluster.start();
		scale.startupSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
		say(
			`main at ${main.url} + ${WORKERS} workers up in ${startSeconds.toFixed(1)}s (stage ${scale.startupSeconds}s so far)`,
		);
		await waitForWebhooks(main);
		// Checks that share one run (the BeyondTrust rate and revocation checks) keep it here.
		const state = {};
		for (const check of CHECKS) {
			const figures = (scale[check.key] = {});
			await record(result, { label: `queue ${check.label}` }, 'queue', () =>
				check.run({ cluster, sim, figures, state }),
			);
			result.notes.push(`${check.key}: ${JSON.stringify(figures)}`);
		}
	} catch (e) {
		result.fatal = e.message;
		say(`FATAL in queue mode: ${e.message}`);
	} finally {
		if (cluster) await cluster.stop();
		const ok = !result.fatal && result.results.every((r) => r.ok);
		if (cluster && !keep && ok) fs.rmSync(cluster.main.root, { recursive: true, force: true });
		else if (cluster)
			say(
				`queue-mode user folder kept for inspection: ${cluster.main.root} (main log n8n.log, worker-N.log)`,
			);
	}
	result.seconds = (Date.now() - t0) / 1000;
	scale.stageSeconds = Number(result.seconds.toFixed(1));
	return result;
}

// The main process activates workflows a moment after it reports ready. A POST without a serial
// fails in the node before any request, so it proves the webhook is registered without side effects.
async function waitForWebhooks(main) {
	const res = await main.callWebhook(
		'POST',
		rmsLink.nodes[0].parameters.path,
		{ ticket: 'warm-up' },
		{ waitMs: 60000 },
	);
	if (res.status === 404)
		throw new Error(
			`webhook ${rmsLink.nodes[0].parameters.path} never registered: ${res.text.slice(0, 200)}`,
		);
}

// Merges `scale` into bench/results.json, keeping every other section.
function writeScale(file, scale) {
	let results = {};
	try {
		results = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		/* new file */
	}
	results.scale = { measuredAt: new Date().toISOString(), ...scale };
	fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

module.exports = { runQueueStage, writeScale };
