#!/usr/bin/env node
// End-to-end run in real n8n installs (no jest): `npm run test:e2e [-- options]`.
//
// For each target (default: n8n 2.40.7 on Node 24, then the newest 1.x on Node 20):
//   fresh user folder → the packed package installed as a community package → credentials and
//   workflows imported with the n8n CLI → every CLI workflow run with `n8n execute --id` and its
//   output asserted → the server started, webhook examples called over HTTP → (2.x) the editor
//   driven in headless Chromium. The simulator plays the vendor APIs on 127.0.0.1.
//
// Options: --only=2.40.7,1.123.81  which n8n versions   --no-editor   skip Chromium
//          --no-build  reuse dist/                       --keep        keep user folders
//          --docs-shot rewrite docs/editor-node-panel.png  --editor-all  editor checks on 1.x too
//          --editor-only  only the editor checks (no CLI runs, no webhooks): a quick way to repeat them
//          --suites=rms,bt,rimo3,mcp  only those suites (by key)
//          --no-queue  skip the queue-mode stage (also E2E_SKIP_QUEUE=1); --only=queue runs only it
// Env: E2E_OUT (output folder, default test-output/e2e), E2E_PACKAGE_TGZ (test that tarball instead),
//      E2E_UPDATE_SCREENSHOTS=1 (the editor checks on n8n 2.40.7 rewrite docs/screenshots/*.png)
// Editor screenshots: test-output/screenshots/<n8n version>/<suite>-<check>.png (kept by CI).
//
// Then the queue-mode stage (queue/index.js): n8n 2.40.7 main + 2 workers on Redis and PostgreSQL;
// its figures go to bench/results.json under `scale`.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const rt = require('../../scripts/n8n-runtime');
const { killStale, onShutdown } = require('../../scripts/lib/procs');
const { startSimulator } = require('../../simulator');
const { manualStart } = require('../helpers/remote-access-workflows');
const ALL_SUITES = require('./suites');
const { viewWorkflows } = require('./editor-views');
const { runQueueStage, writeScale } = require('./queue');

const ROOT = rt.ROOT;
const OUT = process.env.E2E_OUT
	? path.resolve(process.env.E2E_OUT)
	: path.join(ROOT, 'test-output', 'e2e');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const DOCS_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name) => (args.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1];

// --suites=rms,bt  only those suites (by key): a quick way to work on one vendor.
const SUITES = ALL_SUITES.filter((s) => !opt('suites') || opt('suites').split(',').includes(s.key));
const TARGETS = [
	{ n8n: rt.N8N_VERSION, editor: true },
	{ n8n: rt.N8N_V1_VERSION, editor: true },
].filter((t) => !opt('only') || opt('only').split(',').includes(t.n8n));
const QUEUE_STAGE =
	!flag('no-queue') &&
	!flag('editor-only') &&
	!process.env.E2E_SKIP_QUEUE &&
	(!opt('only') || opt('only').split(',').includes('queue'));

const say = (msg) => process.stdout.write(`[e2e] ${msg}\n`);
const secs = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

// Manual Trigger → (op.inputNode, e.g. a Code node making a file) → the vendor node with the given parameters.
function operationWorkflow(suite, op, index) {
	const id = `e2e${suite.key}Op${String(index + 1).padStart(2, '0')}`.slice(0, 21);
	const input = op.inputNode && { id: `${id}-input`, position: [260, 0], ...op.inputNode };
	const link = (to) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name: `E2E ${suite.name}: ${op.key}`,
		nodes: [
			{ ...manualStart(), id: `${id}-trigger` },
			...(input ? [input] : []),
			{
				id: `${id}-node`,
				name: op.key,
				type: suite.nodeType,
				typeVersion: 1,
				position: [input ? 520 : 260, 0],
				parameters: op.parameters,
				credentials: suite.credentialRef,
			},
		],
		connections: input
			? { Start: link(input.name), [input.name]: link(op.key) }
			: { Start: link(op.key) },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

// Every test of every suite: { label, workflow, via, check, ... }.
function plan() {
	const tests = [];
	for (const suite of SUITES) {
		suite.operations.forEach((op, i) => {
			const workflow = operationWorkflow(suite, op, i);
			tests.push({
				suite,
				label: `${suite.key} ${op.key}`,
				key: op.key,
				workflow,
				via: 'cli',
				node: op.key,
				check: op.check,
			});
		});
		for (const ex of suite.examples) {
			const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, ex.file), 'utf8'));
			const workflow = ex.transform ? ex.transform(shipped) : shipped; // e.g. a local URL
			const label = `${suite.key} ${path.basename(ex.file)}${ex.label ? `: ${ex.label}` : ''}`;
			tests.push({
				suite,
				label,
				workflow,
				via: ex.via,
				webhook: ex.webhook,
				setup: ex.setup,
				check: ex.check,
				run: ex.run, // via 'server': run({ inst, sim, workflow }) → summary lines
				example: true,
			});
		}
	}
	return tests;
}

async function runCli(inst, test, sim) {
	const res = await inst.execute(test.workflow.id);
	if (res.error || res.code !== 0) {
		const msg = res.error
			? `${res.error.message}${res.error.description ? ` — ${res.error.description}` : ''}`
			: `exit ${res.code}`;
		throw new Error(`execution failed: ${msg}`);
	}
	const out = test.node ? res.outputs[test.node] : res.outputs;
	if (test.node && !out)
		throw new Error(
			`node "${test.node}" produced no output; ran: ${Object.keys(res.outputs).join(', ')}`,
		);
	await test.check(out, { sim, run: res.run });
}

async function runWebhook(inst, test, sim) {
	const w = test.webhook;
	if (test.setup) test.setup(sim); // e.g. simulator faults, cleared again below
	let res;
	try {
		res = await inst.callWebhook(w.method || 'POST', w.path, w.body);
	} finally {
		if (test.setup) sim.clearFaults();
	}
	await test.check(res, { sim });
}

// Suites may share a credential (the MCP suite uses the RMS one): import each id once.
const uniqueById = (records) => [...new Map(records.map((c) => [c.id, c])).values()];

async function runTarget(target, tgz, sim, tests) {
	const t0 = Date.now();
	const result = { target, results: [], notes: [] };
	say(`=== n8n ${target.n8n} ===`);
	const runtime = await rt.ensureRuntime(target.n8n);
	result.node = runtime.node.version;
	say(
		`runtime: n8n ${target.n8n} on Node ${runtime.node.version} (${runtime.n8n.cached ? 'cached' : `installed in ${runtime.seconds.toFixed(0)}s`})`,
	);
	const inst = await rt.createInstance({
		node: runtime.node,
		n8n: runtime.n8n,
		base: OUT,
		name: `n8n-${target.n8n}`,
		port: Number(process.env.E2E_N8N_PORT) || 5678, // another port when 5678 is taken
	});
	onShutdown(() => inst.stop());
	try {
		await inst.installPackage(tgz);
		say(`package installed into ${path.relative(ROOT, inst.nodesDir)}/node_modules`);
		let t = Date.now();
		await inst.importCredentials(uniqueById(SUITES.flatMap((s) => s.credentials(sim))));
		say(`import:credentials ${SUITES.length} suite(s) (${secs(t)}s)`);
		t = Date.now();
		// An example checked several times (its answers to different inputs) is imported and published once.
		const once = (list) => [...new Map(list.map((x) => [x.workflow.id, x.workflow])).values()];
		// And what the editor checks open (a test's own version of the same workflow wins).
		const editorOnly = SUITES.filter((s) => s.editor)
			.flatMap((s) => viewWorkflows(s.editor))
			.map((workflow) => ({ workflow }));
		const imported = once([...editorOnly, ...tests]);
		await inst.importWorkflows(imported);
		say(`import:workflow ${imported.length} workflows (${secs(t)}s)`);
		// --editor-only: the server and the editor checks, nothing else.
		const serverTests = flag('editor-only') ? [] : tests;
		const published = (x) => x.via === 'webhook' || x.via === 'server';
		for (const workflow of once(serverTests.filter(published))) await inst.publish(workflow.id);

		for (const test of serverTests.filter((x) => x.via === 'cli')) {
			await record(result, test, 'cli', () => {
				sim.reset();
				if (test.setup) test.setup(sim); // e.g. seeded history for an example
				return runCli(inst, test, sim);
			});
		}

		t = Date.now();
		const startSeconds = await inst.start();
		say(`n8n server up at ${inst.url} in ${startSeconds.toFixed(1)}s`);
		for (const test of serverTests.filter((x) => x.via === 'webhook')) {
			await record(result, test, 'http', () => {
				sim.reset();
				return runWebhook(inst, test, sim);
			});
		}
		// Examples a suite drives itself on the running server (events pushed to a trigger, an MCP client).
		for (const test of serverTests.filter((x) => x.via === 'server')) {
			await record(result, test, 'http', async () => {
				sim.reset();
				result.notes.push(...((await test.run({ inst, sim, workflow: test.workflow })) || []));
			});
		}
		// Optional suite hook on the running server (no reset: it sees the state the webhooks left);
		// the lines it returns go into the summary.
		for (const suite of SUITES.filter((s) => s.afterWebhooks && serverTests.length)) {
			await record(result, { label: `${suite.key} after webhooks` }, 'http', async () =>
				result.notes.push(...((await suite.afterWebhooks(inst, sim)) || [])),
			);
		}
		if ((target.editor || flag('editor-all')) && !flag('no-editor')) {
			const { runEditorChecks } = require('./editor');
			const shotsDir = path.join(SHOTS, target.n8n);
			fs.rmSync(shotsDir, { recursive: true, force: true }); // only this run's pictures
			const updateDocs =
				process.env.E2E_UPDATE_SCREENSHOTS === '1' && target.n8n === rt.N8N_VERSION;
			for (const suite of SUITES.filter((s) => s.editor)) {
				sim.reset();
				const checks = await runEditorChecks({
					inst,
					suite,
					sim,
					shotsDir,
					docsShot: docsShotPath(),
					docsDir: updateDocs ? DOCS_SHOTS : null,
				});
				// RMS: the OAuth2 credential end to end (rms-oauth.js), reported with the editor checks.
				if (suite.key === 'rms')
					checks.push(
						...(await require('./rms-oauth').runOAuthChecks({
							inst,
							sim,
							shotsDir,
						})),
					);
				for (const c of checks) {
					result.results.push({
						label: `${suite.key} editor: ${c.name}`,
						via: 'editor',
						ok: c.ok,
						error: c.error,
						seconds: c.seconds,
					});
					say(
						`${c.ok ? 'PASS' : 'FAIL'} ${suite.key} editor: ${c.name} (${c.seconds.toFixed(1)}s)${c.ok ? '' : `\n       ${c.error}`}`,
					);
				}
			}
		}
	} catch (e) {
		result.fatal = e.message;
		say(`FATAL on n8n ${target.n8n}: ${e.message}`);
	} finally {
		await inst.stop();
		if (!flag('keep') && !result.fatal && result.results.every((r) => r.ok))
			fs.rmSync(inst.root, { recursive: true, force: true });
		else say(`user folder kept for inspection: ${inst.root} (server log ${inst.logFile})`);
	}
	result.seconds = (Date.now() - t0) / 1000;
	return result;
}

// docs/editor-node-panel.png (the README picture) is written when missing or with --docs-shot,
// so ordinary runs leave the committed file alone.
function docsShotPath() {
	const file = path.join(ROOT, 'docs', 'editor-node-panel.png');
	return flag('docs-shot') || !fs.existsSync(file) ? file : null;
}

async function record(result, test, via, fn) {
	const t = Date.now();
	try {
		await fn();
		result.results.push({ label: test.label, via, ok: true, seconds: (Date.now() - t) / 1000 });
		say(`PASS ${test.label} [${via}] (${secs(t)}s)`);
	} catch (e) {
		const error = e.message.split('\n').slice(0, 6).join('\n       ');
		result.results.push({
			label: test.label,
			via,
			ok: false,
			error,
			seconds: (Date.now() - t) / 1000,
		});
		say(`FAIL ${test.label} [${via}] (${secs(t)}s)\n       ${error}`);
	}
}

function build() {
	const t = Date.now();
	const r = spawnSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
	say(`built dist/ (${secs(t)}s)`);
}

async function main() {
	const t0 = Date.now();
	const stale = killStale();
	if (stale) say(`stopped ${stale} stale process(es) from an earlier run`);
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(OUT, { recursive: true });
	// E2E_PACKAGE_TGZ: test an already packed build (e.g. a candidate fix) instead of this checkout.
	let tgz = process.env.E2E_PACKAGE_TGZ && path.resolve(process.env.E2E_PACKAGE_TGZ);
	if (!tgz) {
		if (!flag('no-build')) build();
		tgz = await rt.packPackage(path.join(OUT, 'pack'));
	}
	say(`packed ${path.basename(tgz)}`);
	const sim = await startSimulator({ port: 0, channelCompleteMs: 1000 });
	onShutdown(() => sim.stop());
	say(`simulator at ${sim.url}`);
	for (const suite of SUITES.filter((s) => s.prepare)) await suite.prepare(sim); // e.g. local endpoints
	const tests = plan();
	const results = [];
	try {
		for (const target of TARGETS) results.push(await runTarget(target, tgz, sim, tests));
		if (QUEUE_STAGE) {
			const queue = await runQueueStage({ tgz, sim, out: OUT, say, record, keep: flag('keep') });
			results.push(queue);
			writeScale(path.join(ROOT, 'bench', 'results.json'), queue.scale);
			say('queue-mode figures written to bench/results.json (scale)');
		}
	} finally {
		await sim.stop();
		for (const suite of SUITES.filter((s) => s.cleanup)) await suite.cleanup();
	}
	summary(results, t0);
	const failed = results.some((r) => r.fatal || !r.results.length || r.results.some((x) => !x.ok));
	process.exit(failed ? 1 : 0);
}

function summary(results, t0) {
	const lines = ['', '================ e2e summary ================'];
	for (const r of results) {
		const passed = r.results.filter((x) => x.ok).length;
		const wf = r.results.filter((x) => x.via !== 'editor');
		const ed = r.results.filter((x) => x.via === 'editor');
		lines.push(
			`n8n ${r.target.n8n} on Node ${r.node || '?'}: ${r.fatal ? 'FATAL' : passed === r.results.length ? 'PASS' : 'FAIL'} — ` +
				`${wf.filter((x) => x.ok).length}/${wf.length} workflows passed` +
				(ed.length ? `, editor ${ed.filter((x) => x.ok).length}/${ed.length}` : '') +
				`, ${r.seconds.toFixed(0)}s`,
		);
		for (const x of r.results.filter((y) => !y.ok))
			lines.push(`   FAIL ${x.label} [${x.via}]: ${x.error.split('\n')[0]}`);
		for (const note of r.notes || []) lines.push(`   ${note}`);
		if (r.fatal) lines.push(`   FATAL: ${r.fatal.split('\n')[0]}`);
	}
	lines.push(`total ${secs(t0)}s; screenshots in ${path.relative(ROOT, SHOTS)}/<n8n version>/`);
	console.log(lines.join('\n'));
	fs.writeFileSync(
		path.join(OUT, 'summary.json'),
		JSON.stringify(
			results.map((r) => ({ ...r, target: r.target.n8n })),
			null,
			2,
		),
	);
}

main().catch((e) => {
	console.error(`[e2e] ${e.stack || e.message}`);
	process.exit(1);
});
