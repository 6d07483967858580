#!/usr/bin/env node
// `npm start`: this package in a real n8n, against the embedded simulator, in one command.
//   1. Node.js 24 + n8n (pinned) into ~/.cache/n8n-nodes-remote-access (first run only, progress shown)
//   2. build + pack the package
//   3. the RMS simulator on 127.0.0.1 (port 8787 or the next free one)
//   4. n8n with its own user folder in the cache: package installed under .n8n/nodes, the
//      "(simulator)" credentials (simulator/credentials.js) and the examples imported, their
//      ticket-system URLs and notes pointed at a local ticket endpoint (scripts/lib/examples.js),
//      the webhook examples published
//   5. n8n on http://localhost:5678 (or the next free port), owner account created
//   6. the ticket example called once over its webhook; the link it returns is printed; a simulated
//      BeyondTrust session ends, its events reach the session-ended trigger (registered with the
//      simulator) and the ticket update it posts to the local ticket endpoint is printed
//   7. keeps running until Ctrl-C, then stops n8n and the simulator
// Environment: N8N_RA_CACHE (cache folder), N8N_PORT / SIM_PORT (preferred ports), N8N_RA_FRESH=1
// (start from an empty n8n user folder).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const rt = require('./n8n-runtime');
const { run, npmEnv } = require('./lib/install');
const { Instance, freePort } = require('./lib/instance');
const { killStale, onShutdown, shutdown } = require('./lib/procs');
const { startSimulator } = require('../simulator');
const { simulatorCredentials } = require('../simulator/credentials');
const { startTicketSystem } = require('../simulator/ticket-system');
const examples = require('./lib/examples');

const ROOT = rt.ROOT;
const EXAMPLES = examples.exampleFiles();
const WEBHOOK_EXAMPLES = ['rmsTicketConnLink1', 'btTicketInvitation1', 'btSessionEndTicket1']; // published so their webhooks answer
const SESSION_END_EXAMPLE = 'examples/beyondtrust-session-ended-ticket-update.json';
const TICKET = {
	id: 'rmsTicketConnLink1',
	path: 'rms-ticket-connect-link',
	body: {
		serial: '1111111111',
		lan_ip: '192.168.1.10',
		port: 443,
		protocol: 'https',
		ticket_id: '4711',
	},
};

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
let stepNo = 0;
const say = (msg) => process.stdout.write(`[start] ${msg}\n`);
const step = (msg) => say(`[${++stepNo}/7 ${elapsed()}] ${msg}`);
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

function readJson(file, fallback) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return fallback;
	}
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

async function main() {
	killStale();
	const base = path.join(rt.cacheDir(), 'start');
	const root = path.join(base, `n8n-${rt.N8N_VERSION}`);
	if (process.env.N8N_RA_FRESH === '1') fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });

	// One `npm start` per user folder: two n8n processes on one SQLite file would corrupt it.
	const lockFile = path.join(root, 'start.lock');
	const lock = readJson(lockFile, null);
	if (lock && lock.pid !== process.pid && pidAlive(lock.pid)) {
		throw new Error(
			`npm start is already running (pid ${lock.pid}); its editor is at ${lock.url}. Stop it with Ctrl-C first.`,
		);
	}
	fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid }));
	process.on('exit', () => {
		if (readJson(lockFile, {}).pid === process.pid) fs.rmSync(lockFile, { force: true });
	});

	step(`runtime: Node 24 + n8n ${rt.N8N_VERSION} in ${rt.cacheDir()}`);
	const runtime = await rt.ensureRuntime(rt.N8N_VERSION);
	say(
		`      n8n ${runtime.n8n.version} on Node ${runtime.node.version} ${runtime.n8n.cached ? '(cached)' : `(installed in ${runtime.seconds.toFixed(0)}s)`}`,
	);

	step('building and packing the package');
	await run('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		env: npmEnv(),
		quiet: true,
		label: 'npm run build',
	});
	const tgz = await rt.packPackage(path.join(base, 'pack'));

	step('starting the simulator');
	const sim = await startSimulator({
		port: await freePort(Number(process.env.SIM_PORT) || 8787),
		channelCompleteMs: 1500,
	});
	onShutdown(() => sim.stop());
	say(`      simulator (Teltonika RMS, BeyondTrust, Rimo3) at ${sim.url}`);
	// The ticket examples post to this local "ticket system", which prints what it gets.
	const tickets = await startTicketSystem({
		port: await freePort(8790),
		onRequest: (r) => say(`ticket system received ${r.method} ${r.path} ${JSON.stringify(r.json)}`),
	});
	onShutdown(() => tickets.stop());
	const readExample = (f) =>
		examples.forSimulator(examples.readExample(f), { ticketSystemUrl: tickets.url });
	const credentials = simulatorCredentials(sim);

	step('preparing n8n (package, credential, examples)');
	const port = await freePort(Number(process.env.N8N_PORT) || 5678);
	const inst = new Instance({ node: runtime.node, n8n: runtime.n8n, root, port });
	onShutdown(() => inst.stop());
	const lockData = readJson(lockFile, {});
	fs.writeFileSync(lockFile, JSON.stringify({ ...lockData, url: inst.url }));
	// Each n8n CLI call boots n8n (~8 s), so only what changed since the last start is redone.
	const stateFile = path.join(root, 'start-state.json');
	const state = readJson(stateFile, {});
	const want = {
		package: sha(fs.readFileSync(tgz)),
		credential: sha(JSON.stringify(credentials)),
		examples: sha(EXAMPLES.map((f) => JSON.stringify(readExample(f))).join('\n')),
	};
	const installed = fs.existsSync(
		path.join(inst.nodesDir, 'node_modules', 'n8n-nodes-remote-access', 'package.json'),
	);
	if (state.package !== want.package || !installed) {
		await inst.installPackage(tgz);
		say('      package installed into .n8n/nodes');
	}
	state.package = want.package;
	if (state.credential !== want.credential) {
		await inst.importCredentials(credentials);
		say(`      credentials ${credentials.map((c) => `"${c.name}"`).join(', ')} -> ${sim.url}`);
		state.credential = want.credential;
	}
	if (state.examples !== want.examples) {
		await inst.importWorkflows(EXAMPLES.map(readExample));
		for (const id of WEBHOOK_EXAMPLES) await inst.publish(id);
		say(`      imported ${EXAMPLES.length} example workflows, published the ticket webhooks`);
		state.examples = want.examples;
	}
	fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));

	step(`starting n8n on ${inst.url}`);
	await inst.start();

	step('running the ticket example once (POST to its webhook)');
	const res = await inst.callWebhook('POST', TICKET.path, TICKET.body);
	let link = null;
	if (res.status === 200 && res.json && res.json.link) {
		link = res.json.link;
	} else {
		say(`      the ticket example answered HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	}

	// The BeyondTrust trigger example: the simulated appliance sends its events to n8n.
	const sessionEnded = readExample(SESSION_END_EXAMPLE);
	sim.beyondtrust.events.addRecipient(examples.beyondTrustRecipientUrl(inst.url, sessionEnded));
	const lsid = sim.beyondtrust.fixtures.lsids.activeTicket; // running session of ticket INC-1001
	sim.beyondtrust.events.endSession(lsid);
	say(`      BeyondTrust session ${lsid} (INC-1001) ended; its events go to the trigger`);
	for (let i = 0; i < 120 && !tickets.received.length; i++)
		await new Promise((resolve) => setTimeout(resolve, 500));
	if (!tickets.received.length)
		say('      no ticket update within 60s: see the executions in the editor');

	step(`ready in ${elapsed()}`);
	const lines = [
		'',
		'  n8n-nodes-remote-access is running in n8n ' + runtime.n8n.version,
		'',
		`  Editor:   ${inst.url}`,
		`  Login:    ${inst.owner.email} / ${inst.owner.password}`,
		`  Ticket example (POST ${inst.url}/webhook/${TICKET.path}) returned:`,
		`            ${link || '(no link, see above)'}`,
		`  Simulator: ${sim.url}  (credentials "Teltonika RMS (simulator)", "BeyondTrust (simulator)", "Rimo3 (simulator)")`,
		`  Try:      curl -s -X POST ${inst.url}/webhook/${TICKET.path} -H 'content-type: application/json' \\`,
		`              -d '${JSON.stringify({ ...TICKET.body, ticket_id: '4712' })}'`,
		'  BeyondTrust events: the simulated appliance sends every session event to the trigger of',
		'  "BeyondTrust session ended → update the ticket"; the ticket update is printed above. Another:',
		`            LSID=$(curl -s -X POST ${sim.url}/__sim/beyondtrust/events/beginSession \\`,
		`              -d '{"args":[{"externalKey":"INC-4712","customer":"Pat"}]}' | sed 's/.*"lsid":"\\([0-9a-f]*\\)".*/\\1/')`,
		`            curl -s -X POST ${sim.url}/__sim/beyondtrust/events/endSession -d "{\\"args\\":[\\"$LSID\\"]}"`,
		'',
		'  Press Ctrl-C to stop n8n and the simulator.',
		'',
	];
	console.log(lines.join('\n'));
	if (!link) process.exitCode = 1;
	onShutdown(() => say('stopping n8n and the simulator ...'));
	// Keep the process alive; the shutdown hooks run on Ctrl-C / SIGTERM.
	setInterval(() => {
		if (inst.child && (inst.child.exitCode !== null || inst.child.signalCode)) {
			say(`n8n exited (code ${inst.child.exitCode}); see ${inst.logFile}`);
			shutdown(1);
		}
	}, 2000);
}

main().catch((e) => {
	console.error(`\n[start] failed: ${e.message}`);
	shutdown(1).catch(() => process.exit(1));
});
