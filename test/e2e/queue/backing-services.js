// Redis and PostgreSQL for an n8n queue-mode cluster, from the Debian packages (`redis-server`,
// `postgresql`): each on 127.0.0.1 on a free port, with its data in a fresh temporary folder that
// stop() removes. PostgreSQL refuses to run as root, so as root it runs as the unprivileged `nobody`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { run } = require('../../../scripts/lib/install');
const { track, killGroup } = require('../../../scripts/lib/procs');
const { freePort } = require('../../../scripts/lib/instance');

const REDIS = process.env.REDIS_SERVER || '/usr/bin/redis-server';

// Debian installs PostgreSQL's programs under /usr/lib/postgresql/<major>/bin, off the PATH.
function pgBinDir() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const base = '/usr/lib/postgresql';
	const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => /^\d+$/.test(d)) : [];
	const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest)
		throw new Error(
			`PostgreSQL not found under ${base} (apt-get install postgresql, or set PG_BIN)`,
		);
	return path.join(base, newest, 'bin');
}

// { uid, gid } to run PostgreSQL as: `nobody` when we are root, ourselves otherwise.
function unprivileged() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('nobody:'));
	if (!line) throw new Error('running as root and there is no `nobody` user to run PostgreSQL as');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

function tempDir(prefix, owner) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	if (owner.uid !== undefined) fs.chownSync(dir, owner.uid, owner.gid);
	return dir;
}

// Starts a long-running server in its own process group with its output in `logFile`.
function spawnServer(bin, args, { logFile, label, ...opts }) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(bin, args, { detached: true, stdio: ['ignore', fd, fd], ...opts });
	fs.closeSync(fd);
	track(child, label, bin);
	return child;
}

// Signals the group, waits for the exit (SIGKILL after `graceMs`), then removes the folder.
async function stopServer(child, dir, signal, graceMs = 10000) {
	if (child && child.exitCode === null && !child.signalCode) {
		const gone = new Promise((r) => child.once('exit', r));
		killGroup(child, signal);
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
		await gone;
		clearTimeout(timer);
	}
	fs.rmSync(dir, { recursive: true, force: true });
}

async function waitFor(what, probe, child, logFile, timeoutMs = 30000) {
	const t0 = Date.now();
	for (;;) {
		if (child.exitCode !== null || child.signalCode)
			throw new Error(`${what} exited during start:\n${tail(logFile)}`);
		if (await probe().catch(() => false)) return;
		if (Date.now() - t0 > timeoutMs)
			throw new Error(`${what} not ready after ${timeoutMs / 1000}s:\n${tail(logFile)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

function tail(file, n = 20) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
	} catch {
		return '';
	}
}

// Redis without persistence: the queue only needs to outlive the test.
async function startRedis() {
	const dir = tempDir('n8n-ra-redis-', {});
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const args = [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
		'--protected-mode',
		'yes',
	];
	const child = spawnServer(REDIS, args, { logFile, label: 'redis-server' });
	const cli = fs.existsSync('/usr/bin/redis-cli') ? '/usr/bin/redis-cli' : null;
	const ping = cli
		? () =>
				run(cli, ['-h', '127.0.0.1', '-p', String(port), 'ping'], { quiet: true }).then((out) =>
					out.includes('PONG'),
				)
		: () => Promise.resolve(/Ready to accept connections/.test(tail(logFile, 200)));
	await waitFor('redis-server', ping, child, logFile);
	return { host: '127.0.0.1', port, dir, logFile, stop: () => stopServer(child, dir, 'SIGTERM') };
}

// PostgreSQL with trust authentication on 127.0.0.1 and durability off (a throwaway database).
async function startPostgres({ database = 'n8n' } = {}) {
	const bin = pgBinDir();
	const owner = unprivileged();
	const dir = tempDir('n8n-ra-pg-', owner);
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (owner.uid !== undefined) fs.chownSync(logFile, owner.uid, owner.gid);
	const asOwner = {
		...owner,
		cwd: dir,
		env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
	};
	await run(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ ...asOwner, quiet: true, label: 'initdb' },
	);
	const port = await freePort();
	const settings = {
		listen_addresses: '127.0.0.1',
		port,
		unix_socket_directories: dir,
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: 100,
	};
	const args = ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
	const child = spawnServer(path.join(bin, 'postgres'), args, {
		...asOwner,
		logFile,
		label: 'postgres',
	});
	const psql = (db, sql) =>
		run(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-tAc', sql],
			{ quiet: true },
		);
	await waitFor(
		'postgres',
		() =>
			run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
				quiet: true,
			}).then(() => true),
		child,
		logFile,
	);
	await psql('postgres', `CREATE DATABASE ${database}`);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database,
		dir,
		logFile,
		// One SQL statement against the n8n database; rows as `|`-separated lines.
		query: (sql) => psql(database, sql),
		// SIGINT: PostgreSQL's "fast" shutdown (rolls back open transactions, no long wait).
		stop: () => stopServer(child, dir, 'SIGINT'),
	};
}

module.exports = { startRedis, startPostgres };
