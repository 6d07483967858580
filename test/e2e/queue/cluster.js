// n8n in queue mode on one machine: Redis + PostgreSQL (backing-services.js), one main process that
// takes the webhooks and `n8n worker` processes that run the executions. Every process shares the
// user folder (so the same community package), the encryption key and the database; each has its
// own task-runner broker port, event-log file and log file.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { Instance, freePort, request } = require('../../../scripts/lib/instance');
const { track } = require('../../../scripts/lib/procs');
const { startRedis, startPostgres } = require('./backing-services');

const WORKER_CONCURRENCY = 10; // n8n's default, said out loud

function queueEnv(redis, pg) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

class Worker {
	constructor(main, index) {
		Object.assign(this, { main, index });
		this.logFile = path.join(main.root, `worker-${index}.log`);
		this.child = null;
	}

	async start({ timeoutMs = 180000 } = {}) {
		const healthPort = await freePort();
		const env = this.main.env({
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_EVENTBUS_LOGWRITER_LOGBASENAME: `n8nEventLog-w${this.index}`,
			// info: the worker logs "Worker started execution <id>", which tells which worker ran what.
			N8N_LOG_LEVEL: 'info',
		});
		const fd = fs.openSync(this.logFile, 'a');
		const args = [this.main.n8n.bin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`];
		this.child = spawn(this.main.node.nodeBin, args, {
			env,
			cwd: this.main.userFolder,
			detached: true,
			stdio: ['ignore', fd, fd],
		});
		fs.closeSync(fd);
		track(this.child, `n8n worker ${this.index}`, this.main.n8n.bin);
		const t0 = Date.now();
		for (;;) {
			if (this.child.exitCode !== null || this.child.signalCode)
				throw new Error(
					`n8n worker ${this.index} exited during start; see ${this.logFile}\n${this.tailLog()}`,
				);
			if (Date.now() - t0 > timeoutMs)
				throw new Error(
					`n8n worker ${this.index} not ready after ${timeoutMs / 1000}s\n${this.tailLog()}`,
				);
			const ok = await request('GET', `http://127.0.0.1:${healthPort}/healthz/readiness`).then(
				(r) => r.status === 200,
				() => false,
			);
			if (ok) return (Date.now() - t0) / 1000;
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	// Ids of the executions this worker started, from its log.
	executionIds() {
		const text = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
		return [...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
	}

	// The server's stop and log tail work for a worker as they are (they use child and logFile).
	tailLog(n) {
		return Instance.prototype.tailLog.call(this, n);
	}

	stop() {
		return Instance.prototype.stop.call(this);
	}
}

// Starts Redis and PostgreSQL and prepares (does not start) the n8n processes. `root`: the user folder.
async function createQueueCluster({ node, n8n, root, port, workers = 2 }) {
	const started = await Promise.allSettled([startRedis(), startPostgres()]);
	const failed = started.find((s) => s.status === 'rejected');
	if (failed) {
		await Promise.allSettled(
			started.filter((s) => s.status === 'fulfilled').map((s) => s.value.stop()),
		);
		throw failed.reason;
	}
	const [redis, pg] = started.map((s) => s.value);
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });
	const main = new Instance({
		node,
		n8n,
		root,
		port: await freePort(port),
		extraEnv: queueEnv(redis, pg),
	});
	const cluster = {
		redis,
		pg,
		main,
		workers: Array.from({ length: workers }, (_, i) => new Worker(main, i + 1)),
		// Main and workers side by side; resolves to the slowest start in seconds.
		async start() {
			const times = await Promise.all([main.start(), ...cluster.workers.map((w) => w.start())]);
			return Math.max(...times);
		},
		// n8n first (a worker drains against a live Redis), then Redis and PostgreSQL; never throws.
		async stop() {
			const settle = (ps) => Promise.allSettled(ps);
			await settle([main.stop(), ...cluster.workers.map((w) => w.stop())]);
			await settle([redis.stop(), pg.stop()]);
		},
	};
	return cluster;
}

module.exports = { createQueueCluster, WORKER_CONCURRENCY };
