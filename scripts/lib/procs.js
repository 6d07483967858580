// Child-process bookkeeping shared by `npm start` and the e2e run:
// - every server/CLI child runs in its own process group and is killed when we exit, however we exit;
// - each live child is recorded in <cache>/run/<pid>.json with the pid of its parent, so a later run
//   can kill the leftovers of a parent that died without cleaning up (kill -9, crash). Children of a
//   parent that is still alive are never touched, so two runs side by side do not disturb each other.
'use strict';
const fs = require('fs');
const path = require('path');
const { cacheDir, log } = require('./install');

const live = new Set();
const shutdownHooks = [];
let hooked = false;
let shuttingDown = false;

function runDir() {
	return path.join(cacheDir(), 'run');
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

function cmdline(pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
	} catch {
		return null;
	}
}

function killGroup(child, signal) {
	const pid = typeof child === 'number' ? child : child.pid;
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			/* gone */
		}
	}
}

// `match`: a string the process's command line contains (e.g. the n8n binary path), checked before a stale kill.
function track(child, label, match) {
	live.add(child);
	hookExit();
	try {
		fs.mkdirSync(runDir(), { recursive: true });
		fs.writeFileSync(
			path.join(runDir(), `${child.pid}.json`),
			JSON.stringify({
				pid: child.pid,
				parent: process.pid,
				label,
				match: match || '',
				started: new Date().toISOString(),
			}),
		);
	} catch {
		/* bookkeeping only */
	}
	child.once('exit', () => untrack(child));
}

function untrack(child) {
	live.delete(child);
	try {
		fs.rmSync(path.join(runDir(), `${child.pid}.json`), { force: true });
	} catch {
		/* ignore */
	}
}

// Kills children recorded by runs whose parent process is gone. Returns how many were killed.
function killStale() {
	let killed = 0;
	let files = [];
	try {
		files = fs.readdirSync(runDir()).filter((f) => f.endsWith('.json'));
	} catch {
		return 0;
	}
	for (const f of files) {
		const file = path.join(runDir(), f);
		let rec;
		try {
			rec = JSON.parse(fs.readFileSync(file, 'utf8'));
		} catch {
			fs.rmSync(file, { force: true });
			continue;
		}
		if (alive(rec.parent) && rec.parent !== process.pid) continue; // someone else's live run
		const now = cmdline(rec.pid);
		// Only a process that still runs what we started (pids get reused).
		if (now && alive(rec.pid) && now.includes(rec.match || '\0')) {
			log(`stopping a stale ${rec.label || 'process'} (pid ${rec.pid}) left by an earlier run`);
			killGroup(rec.pid, 'SIGKILL');
			killed++;
		}
		fs.rmSync(file, { force: true });
	}
	return killed;
}

// fn() runs (awaited, at most 20 s in all) on Ctrl-C / SIGTERM before the process exits.
function onShutdown(fn) {
	shutdownHooks.push(fn);
	hookExit();
}

async function shutdown(code) {
	if (shuttingDown) return;
	shuttingDown = true;
	const timer = setTimeout(() => {
		for (const c of live) killGroup(c, 'SIGKILL');
		process.exit(code);
	}, 20000);
	for (const fn of shutdownHooks.reverse()) {
		try {
			await fn();
		} catch (e) {
			log(`shutdown: ${e.message}`);
		}
	}
	for (const c of live) killGroup(c, 'SIGTERM');
	clearTimeout(timer);
	process.exit(code);
}

function hookExit() {
	if (hooked) return;
	hooked = true;
	process.on('exit', () => {
		for (const c of live) {
			killGroup(c, 'SIGKILL');
			untrack(c);
		}
	});
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, () => {
			if (shuttingDown) {
				for (const c of live) killGroup(c, 'SIGKILL');
				process.exit(130);
			}
			shutdown(sig === 'SIGINT' ? 130 : 143);
		});
	}
}

module.exports = { track, untrack, killGroup, killStale, onShutdown, shutdown, hookExit, live };
