// What `npm pack` puts in the tarball (what a user installs), and where the version lives.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./scanner');

const pkg = require(path.join(ROOT, 'package.json'));

// 0.1.0's tarball was 88 KiB; the next release adds the BeyondTrust trigger node and ten
// operations (110 KiB); the Teltonika RMS Trigger node and its README section bring it to
// 122 KiB; the remote-access policy, the streamed Rimo3 upload, the trigger's delivery handling and
// their README sections to 135 KiB. More than 10 % above that needs a reason (another node, say).
const TARBALL_KIB_LIMIT = 149; // 135 KiB + 10 %

function packDryRun() {
	const out = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return JSON.parse(out)[0];
}

describe('the published package', () => {
	const packed = packDryRun();
	const files = packed.files.map((f) => f.path);

	test(`the tarball stays under ${TARBALL_KIB_LIMIT} KiB`, () => {
		expect(packed.size / 1024).toBeLessThan(TARBALL_KIB_LIMIT);
	});

	test('holds dist/, index.js, README, LICENSE, CHANGELOG and package.json only', () => {
		const outside = files.filter((f) => !f.startsWith('dist/'));
		expect(outside.sort()).toEqual([
			'CHANGELOG.md',
			'LICENSE',
			'README.md',
			'index.js',
			'package.json',
		]);
	});

	test('dist/ holds the nodes and credentials that package.json declares', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
	});

	test('dist/ holds compiled code, node metadata and icons: no tests, fixtures, maps or sources', () => {
		const dist = files.filter((f) => f.startsWith('dist/'));
		expect(dist.length).toBeGreaterThan(pkg.n8n.nodes.length + pkg.n8n.credentials.length);
		expect(dist.filter((f) => !/^dist\/(nodes|credentials)\//.test(f))).toEqual([]);
		expect(dist.filter((f) => !/\.(js|node\.json|svg)$/.test(f))).toEqual([]);
		expect(
			dist.filter((f) => /(^|\/)(test|tests|__tests__|fixtures?|simulator)\/|\.test\.js$/.test(f)),
		).toEqual([]);
	});

	// .npmrc turns install and lifecycle scripts off, so a prepublishOnly would never run.
	test('npm run release builds, lints and runs these checks, then publishes', () => {
		expect(fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
		expect(pkg.scripts.release).toBe(
			'npm run build && npm run lint && jest test/package && npm publish',
		);
		const hooks = Object.keys(pkg.scripts).filter((name) => /^(pre|post)/.test(name));
		expect(hooks).toEqual([]);
	});
});

describe('the version', () => {
	const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
	const releases = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);

	test('the changelog starts with Unreleased, then the version in package.json', () => {
		expect(releases.slice(0, 2)).toEqual(['Unreleased', pkg.version]);
	});

	test('every release in the changelog has a date and a link', () => {
		for (const version of releases.slice(1)) {
			expect(changelog).toMatch(
				new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
			);
			expect(changelog).toContain(`[${version}]: https://`);
		}
	});

	test('package-lock.json agrees with package.json', () => {
		const lock = require(path.join(ROOT, 'package-lock.json'));
		expect([lock.version, lock.packages[''].version]).toEqual([pkg.version, pkg.version]);
	});
});
