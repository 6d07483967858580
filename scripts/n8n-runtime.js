#!/usr/bin/env node
// Runs this package inside a real n8n: installs Node + a pinned n8n into a cache folder
// (default ~/.cache/n8n-nodes-remote-access, override N8N_RA_CACHE) and drives isolated instances.
//   node scripts/n8n-runtime.js install [n8nVersion]   -> install (or reuse) and print timings
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const install = require('./lib/install');
const { Instance, OWNER, freePort, request } = require('./lib/instance');

const ROOT = path.resolve(__dirname, '..');
// Newest versions that install here; 2.41.3 fails (a dependency version is missing from the registry).
const N8N_VERSION = process.env.N8N_RA_VERSION || '2.40.7';
const N8N_V1_VERSION = '1.123.81';

// n8n >= 2.36 requires Node 24; older lines run on the Node 20 that runs this script.
function nodeMajorFor(n8nVersion) {
	const [maj, min] = n8nVersion.split('.').map(Number);
	return maj > 2 || (maj === 2 && min >= 36) ? 24 : 20;
}

// Returns { node, n8n, seconds } with both installed; cheap once the marker files exist.
async function ensureRuntime(n8nVersion = N8N_VERSION) {
	const t0 = Date.now();
	const node = await install.ensureNode(nodeMajorFor(n8nVersion));
	const n8n = await install.ensureN8n(n8nVersion, node);
	return { node, n8n, seconds: (Date.now() - t0) / 1000 };
}

// A fresh user folder (own SQLite DB, own .n8n/nodes) under `base`.
async function createInstance({ node, n8n, base, port, name = 'n8n', extraEnv } = {}) {
	const root = path.join(base || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-')), name);
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });
	return new Instance({ node, n8n, root, port: await freePort(port), extraEnv });
}

// `npm pack` into `dir`; returns the .tgz path.
async function packPackage(dir) {
	fs.mkdirSync(dir, { recursive: true });
	const out = await install.run(
		'npm',
		['pack', '--ignore-scripts', '--json', `--pack-destination=${dir}`],
		{ cwd: ROOT, env: install.npmEnv(), quiet: true, label: 'npm pack' },
	);
	const info = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(dir, info[0].filename);
}

// Credential records for `n8n import:credentials` pointing at the simulator.
function simulatorCredentials(
	sim,
	{ id = 'rmsSimulatorCred', name = 'Teltonika RMS (simulator)' } = {},
) {
	return [
		{
			id,
			name,
			type: 'teltonikaRmsApi',
			data: {
				accessToken: sim.rms.tokens.full,
				baseUrl: sim.rms.baseUrl,
				statusUrl: sim.rms.statusUrl,
			},
		},
	];
}

module.exports = {
	ROOT,
	N8N_VERSION,
	N8N_V1_VERSION,
	OWNER,
	nodeMajorFor,
	ensureRuntime,
	createInstance,
	packPackage,
	simulatorCredentials,
	request,
	ensureNode: install.ensureNode,
	ensureN8n: install.ensureN8n,
	cacheDir: install.cacheDir,
};

if (require.main === module) {
	const [cmd, version] = process.argv.slice(2);
	if (cmd !== 'install') {
		console.log('usage: node scripts/n8n-runtime.js install [n8nVersion]');
		process.exit(cmd ? 1 : 0);
	}
	ensureRuntime(version || N8N_VERSION).then(
		(r) => {
			console.log(
				`n8n ${r.n8n.version} on Node ${r.node.version} ready in ${r.seconds.toFixed(1)}s (${r.n8n.cached ? 'cached' : 'installed'}): ${r.n8n.dir}`,
			);
		},
		(e) => {
			console.error(e.message);
			process.exit(1);
		},
	);
}
