// One isolated n8n instance: its own user folder, SQLite database, port and process group.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const net = require('net');
const { spawn } = require('child_process');
const { npmEnv, run } = require('./install');
const { track, killGroup } = require('./procs');

const OWNER = {
	email: 'admin@example.com',
	password: 'RemoteAccess1',
	firstName: 'Remote',
	lastName: 'Access',
};
const ENCRYPTION_KEY = 'n8n-nodes-remote-access-local-key'; // fixed so imported credentials stay readable

function freePort(preferred) {
	const tryPort = (port) =>
		new Promise((resolve) => {
			const srv = net.createServer();
			srv.once('error', () => resolve(null));
			srv.listen(port, '127.0.0.1', () => {
				const p = srv.address().port;
				srv.close(() => resolve(p));
			});
		});
	return tryPort(preferred || 0).then((p) => p || tryPort(0));
}

function request(method, url, body, headers = {}) {
	return new Promise((resolve, reject) => {
		const data =
			body === undefined
				? undefined
				: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		const req = http.request(
			url,
			{
				method,
				headers: {
					...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
					...headers,
				},
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c) => (text += c));
				res.on('end', () => {
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						/* not JSON */
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('error', reject);
		req.setTimeout(60000, () => req.destroy(new Error(`timeout ${method} ${url}`)));
		if (data) req.write(data);
		req.end();
	});
}

// `n8n execute` logs (at info level) a few lines, then the run data as one pretty-printed JSON
// document: a line "{" ... a line "}". Take the last such document.
function parseExecuteOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	const end = lines.lastIndexOf('}');
	for (let start = end; start >= 0; start--) {
		if (lines[start] !== '{') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			/* keep looking */
		}
	}
	throw new Error(`no JSON in n8n execute output:\n${stdout.slice(-3000)}`);
}

// Turns IRun data into { NodeName: [item.json, ...] } (first output of the last run of each node).
function outputsOf(runData) {
	const out = {};
	const rd =
		(runData && runData.data && runData.data.resultData && runData.data.resultData.runData) || {};
	for (const [name, runs] of Object.entries(rd)) {
		const last = runs[runs.length - 1];
		const main = (last && last.data && last.data.main && last.data.main[0]) || [];
		out[name] = main.map((i) => i.json);
	}
	return out;
}

class Instance {
	constructor({ n8n, node, root, port, logFile, extraEnv }) {
		Object.assign(this, { n8n, node, root, port, extraEnv: extraEnv || {} });
		this.userFolder = root;
		this.nodesDir = path.join(root, '.n8n', 'nodes');
		this.logFile = logFile || path.join(root, 'n8n.log');
		this.url = `http://localhost:${port}`;
		this.owner = OWNER;
		this.child = null;
		this.major = Number(String(n8n.version).split('.')[0]);
		fs.mkdirSync(this.nodesDir, { recursive: true });
	}

	env(extra = {}) {
		const env = {
			...process.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.url}/`,
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_SECURE_COOKIE: 'false',
			// 1.x honours this; 2.x always starts an internal task-runner broker, so every
			// process (server and each CLI call) gets its own broker port instead.
			N8N_RUNNERS_ENABLED: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			// Nothing may leave 127.0.0.1: no telemetry, version checks, templates, banners or AI.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_LOG_LEVEL: 'warn',
			NODE_OPTIONS: '',
			// 2.x: the MCP server registry fetches https://api.n8n.io at start; it is a module, switch it off.
			...(this.major >= 2
				? { N8N_DISABLED_MODULES: 'mcp-registry', N8N_UNVERIFIED_PACKAGES_ENABLED: 'true' }
				: {}),
			// n8n 1.123's default "vm" expression engine needs isolated-vm 6, whose binaries exist only for
			// Node >= 22; on Node 20 use the classic engine (the only setting that differs from a stock 1.x).
			...(Number(this.node.version.split('.')[0]) < 22 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...this.extraEnv,
			...extra,
		};
		for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
		// A NODE_ENV of "test" (set by jest, or by the bench that also runs n8n-core in-process)
		// silences n8n's logger, and with it the run data `n8n execute` prints.
		if (env.NODE_ENV === 'test' && !extra.NODE_ENV) delete env.NODE_ENV;
		return env;
	}

	// Installs a packed .tgz the way a community package lives on disk: <user>/.n8n/nodes/node_modules.
	async installPackage(tgz) {
		const pkgJson = path.join(this.nodesDir, 'package.json');
		if (!fs.existsSync(pkgJson))
			fs.writeFileSync(
				pkgJson,
				JSON.stringify({ name: 'installed-nodes', private: true }, null, 2) + '\n',
			);
		// --legacy-peer-deps: n8n provides n8n-workflow itself; don't fetch a second copy.
		await run(
			'npm',
			[
				'install',
				path.resolve(tgz),
				'--ignore-scripts',
				'--legacy-peer-deps',
				'--omit=dev',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{ cwd: this.nodesDir, env: npmEnv(), quiet: true, label: 'package install' },
		);
	}

	// Runs an n8n CLI command to completion and returns stdout.
	async cli(args, { allowFail = false, env = {} } = {}) {
		const brokerPort = String(await freePort());
		// stdout goes to a file, not a pipe: n8n exits right after printing the run data, and a large
		// document written to a pipe is cut off at exit; writes to a file are synchronous.
		const outFile = path.join(this.root, `cli-${process.pid}-${Date.now()}.out`);
		const outFd = fs.openSync(outFile, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(this.node.nodeBin, [this.n8n.bin, ...args], {
				env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...env }),
				cwd: this.userFolder,
				detached: true,
				stdio: ['ignore', outFd, 'pipe'],
			});
			fs.closeSync(outFd);
			track(child, `n8n ${args[0]}`, this.n8n.bin);
			let err = '';
			child.stderr.on('data', (d) => (err += d));
			child.on('error', reject);
			child.on('close', (code) => {
				const out = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				if (code === 0 || allowFail) resolve({ code, stdout: out, stderr: err });
				else
					reject(
						new Error(`n8n ${args.join(' ')} exited with ${code}\n${(out + err).slice(-4000)}`),
					);
			});
		});
	}

	async importCredentials(creds) {
		const file = path.join(this.root, 'import-credentials.json');
		fs.writeFileSync(file, JSON.stringify(creds, null, 2));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(fileOrJson) {
		let file = fileOrJson;
		if (typeof fileOrJson !== 'string') {
			file = path.join(this.root, `import-${fileOrJson.id || Date.now()}.json`);
			fs.writeFileSync(file, JSON.stringify(fileOrJson, null, 2));
		}
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	// Imports several workflows at once (one CLI boot): writes them into a folder and uses --separate.
	async importWorkflows(list) {
		const dir = path.join(this.root, 'import-workflows');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		list.forEach((wf, i) =>
			fs.writeFileSync(
				path.join(dir, `${String(i).padStart(3, '0')}.json`),
				JSON.stringify(wf, null, 2),
			),
		);
		await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	// `publish:workflow` (2.x) / `update:workflow --active=true` (1.x) only change the DB,
	// so call this before start() for the webhook to be registered.
	async publish(id) {
		if (this.major >= 2) await this.cli(['publish:workflow', `--id=${id}`]);
		else await this.cli(['update:workflow', `--id=${id}`, '--active=true']);
	}

	async execute(id) {
		// The run data is written through the logger at info level; warn would swallow it.
		const res = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			allowFail: true,
			env: { N8N_LOG_LEVEL: 'info' },
		});
		let run;
		try {
			run = parseExecuteOutput(res.stdout);
		} catch (e) {
			throw new Error(
				`workflow ${id} (exit ${res.code}): ${e.message}\n${res.stderr.slice(-3000)}`,
			);
		}
		const resultData = (run.data && run.data.resultData) || {};
		return {
			code: res.code,
			run,
			outputs: outputsOf(run),
			error: resultData.error,
			lastNode: resultData.lastNodeExecuted,
			stdout: res.stdout,
			stderr: res.stderr,
		};
	}

	async start({ timeoutMs = 180000 } = {}) {
		const brokerPort = String(await freePort());
		const logFd = fs.openSync(this.logFile, 'a');
		// detached: n8n gets its own process group, so stop() also reaches anything it spawned.
		this.child = spawn(this.node.nodeBin, [this.n8n.bin, 'start'], {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort }),
			cwd: this.userFolder,
			detached: true,
			stdio: ['ignore', logFd, logFd],
		});
		fs.closeSync(logFd);
		track(this.child, 'n8n server', this.n8n.bin);
		let exited = null;
		this.child.on('exit', (code, sig) => {
			exited = { code, sig };
		});
		const t0 = Date.now();
		for (;;) {
			if (exited)
				throw new Error(
					`n8n exited during start (${JSON.stringify(exited)}); see ${this.logFile}\n${this.tailLog()}`,
				);
			if (Date.now() - t0 > timeoutMs)
				throw new Error(
					`n8n not healthy after ${timeoutMs / 1000}s; see ${this.logFile}\n${this.tailLog()}`,
				);
			const ok = await request('GET', `${this.url}/healthz/readiness`).then(
				(r) => r.status === 200,
				() => false,
			);
			if (ok) break;
			await new Promise((r) => setTimeout(r, 500));
		}
		await this.ensureOwner();
		return (Date.now() - t0) / 1000;
	}

	// Calls a production webhook. Workflows are activated a moment after /healthz/readiness says
	// ready, so an unregistered-webhook 404 is retried for a while.
	async callWebhook(method, webhookPath, body, { waitMs = 30000 } = {}) {
		const t0 = Date.now();
		for (;;) {
			const res = await request(method, `${this.url}/webhook/${webhookPath}`, body);
			if (res.status !== 404 || Date.now() - t0 > waitMs) return res;
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	tailLog(n = 40) {
		try {
			return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-n).join('\n');
		} catch {
			return '';
		}
	}

	// The owner is set up over REST (the env route in 2.x wants a bcrypt hash); idempotent.
	async ensureOwner() {
		// 1.x answers /healthz/readiness before its REST controllers are mounted: wait for them.
		for (let i = 0; i < 120; i++) {
			const r = await request('GET', `${this.url}/rest/settings`).catch(() => ({ status: 0 }));
			if (r.status === 200) break;
			await new Promise((res) => setTimeout(res, 500));
		}
		const login = await this.login().catch(() => null);
		if (login) return;
		const res = await request('POST', `${this.url}/rest/owner/setup`, OWNER);
		if (res.status !== 200)
			throw new Error(`owner setup failed: ${res.status} ${res.text.slice(0, 500)}`);
		await this.login();
	}

	// Returns the auth cookie header for REST calls.
	async login() {
		const res = await request('POST', `${this.url}/rest/login`, {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (res.status !== 200)
			throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`);
		this.cookie = (res.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
		return this.cookie;
	}

	rest(method, p, body) {
		return request(
			method,
			`${this.url}/rest${p}`,
			body,
			this.cookie ? { cookie: this.cookie } : {},
		);
	}

	async stop() {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode) return;
		const gone = new Promise((r) => child.once('exit', r));
		killGroup(child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15000);
		await gone;
		clearTimeout(timer);
	}
}

module.exports = {
	Instance,
	OWNER,
	ENCRYPTION_KEY,
	freePort,
	request,
	parseExecuteOutput,
	outputsOf,
};
