// Helpers for the scanner test: pack the package as npm would publish it, unpack it, and run
// n8n's community-package analysis on folders (see scan-package.mjs).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');

/** The tarball's file globs in n8n's registry scan: compiled JS and the published package.json. */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

/** `npm pack` into a temp folder and unpack it; returns the unpacked package folder. */
function packAndUnpack() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-pack-'));
	const out = execFileSync(
		'npm',
		['pack', '--ignore-scripts', '--json', `--pack-destination=${dir}`],
		{
			cwd: ROOT,
			// Under `npm run release --dry-run` npm passes dry-run on to child npm calls.
			env: { ...process.env, npm_config_dry_run: 'false' },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		},
	);
	const [{ filename, files }] = JSON.parse(out);
	const packageDir = path.join(dir, 'package');
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', packageDir, '--strip-components=1']);
	return { dir, packageDir, files: files.map((f) => f.path) };
}

/** Runs the scanner's analyzePackage on each { dir, patterns } job; returns the results in order. */
function scan(jobs) {
	// eslint-plugin-n8n-nodes-base swaps in fixture file names under NODE_ENV=test (which jest
	// sets), and its filename rules then fail every node: the registry scan runs without it.
	const env = { ...process.env };
	delete env.NODE_ENV;
	// The scanner makes a temp folder when loaded and leaves it behind: give it one we remove.
	env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-scan-'));
	try {
		const script = path.join(__dirname, 'scan-package.mjs');
		const out = execFileSync(process.execPath, [script, JSON.stringify(jobs)], {
			cwd: ROOT,
			env,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		return JSON.parse(out);
	} finally {
		fs.rmSync(env.TMPDIR, { recursive: true, force: true });
	}
}

/** Reads the scanner's "stylish" report into [{ file, line, severity, rule }]. */
function findings(details) {
	const list = [];
	let file;
	for (const line of (details || '').split('\n')) {
		if (line.startsWith('/')) file = line.trim();
		const m = /^\s+(\d+):\d+\s+(error|warning)\s+.*\s(\S+)\s*$/.exec(line);
		if (m && file) list.push({ file, line: Number(m[1]), severity: m[2], rule: m[3] });
	}
	return list;
}

module.exports = { ROOT, TARBALL_PATTERNS, packAndUnpack, scan, findings };
