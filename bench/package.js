// package.*: size of the published tarball and the cold-load time of each node and credential
// file (a fresh Node process per sample, n8n-workflow already resolved as n8n would have it).
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const { median, round } = require('./stats');

const ROOT = path.resolve(__dirname, '..');
const SAMPLES = 5;

function tarballKiB() {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [info] = JSON.parse(out);
	return { kib: round(info.size / 1024, 1), files: info.entryCount };
}

/** ms to require `file` in a fresh process, after n8n-workflow (the host has that loaded already). */
function coldRequireMs(file) {
	const script = `require('n8n-workflow');const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

function measurePackage() {
	const { n8n } = require(path.join(ROOT, 'package.json'));
	const files = [...n8n.nodes, ...n8n.credentials].map((f) => path.join(ROOT, f));
	const perFile = {};
	for (const file of files) {
		perFile[path.basename(file)] = round(
			median(Array.from({ length: SAMPLES }, () => coldRequireMs(file))),
			1,
		);
	}
	const { kib, files: entryCount } = tarballKiB();
	const times = Object.values(perFile);
	return {
		tarballKiB: kib,
		tarballFiles: entryCount,
		requireMs: round(
			times.reduce((a, b) => a + b, 0),
			1,
		),
		requireMsMax: Math.max(...times),
		requireMsPerFile: perFile,
	};
}

module.exports = { measurePackage };
