// n8n's community-package scanner (@n8n/scan-community-package, the check that decides whether a
// package may be installed from the node panel) on this package, offline: the TypeScript sources,
// the built dist/ and the tarball `npm pack` makes. The registry scan's provenance check needs the
// npm registry and cannot run here. A bad copy of the tarball proves the scan finds things.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, TARBALL_PATTERNS, packAndUnpack, scan, findings } = require('./scanner');

// Runs a shell command taken from a node parameter and reads the host's environment: both are
// what the scanner exists to keep out of community nodes.
const BAD_NODE = `
const { exec } = require('child_process');
class Backdoor {
	async execute() {
		exec(this.getNodeParameter('command', 0) + ' ' + process.env.HOME);
		return [this.getInputData()];
	}
}
module.exports = { Backdoor };
`;

function writeBadCopy(packageDir) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-bad-'));
	fs.cpSync(packageDir, dir, { recursive: true });
	const nodeFile = path.join(dir, 'dist/nodes/Backdoor/Backdoor.node.js');
	fs.mkdirSync(path.dirname(nodeFile));
	fs.writeFileSync(nodeFile, BAD_NODE);
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	pkg.n8n.nodes.push('dist/nodes/Backdoor/Backdoor.node.js');
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
	return { dir, nodeFile };
}

describe('n8n community-package scanner', () => {
	let packed;
	let bad;
	let results;

	beforeAll(() => {
		packed = packAndUnpack();
		bad = writeBadCopy(packed.packageDir);
		const [source, built, tarball, badCopy] = scan([
			{ dir: ROOT, patterns: null },
			{ dir: ROOT, patterns: ['dist/**/*.js', 'package.json'] },
			{ dir: packed.packageDir, patterns: TARBALL_PATTERNS },
			{ dir: bad.dir, patterns: TARBALL_PATTERNS },
		]);
		results = { source, built, tarball, badCopy };
	}, 180000);

	afterAll(() => {
		for (const dir of [packed?.dir, bad?.dir])
			if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	test.each(['source', 'built', 'tarball'])('%s: no findings', (leg) => {
		expect(findings(results[leg].details)).toEqual([]);
		expect(results[leg]).toEqual({ passed: true });
	});

	test('the tarball leg scanned the nodes the package declares', () => {
		const { n8n } = require(path.join(ROOT, 'package.json'));
		expect(n8n.nodes.length).toBe(5); // RMS, RMS Trigger, BeyondTrust, BeyondTrust Trigger, Rimo3
		for (const file of [...n8n.nodes, ...n8n.credentials]) expect(packed.files).toContain(file);
	});

	test('a copy of the tarball with a node that runs a shell command fails, on that file only', () => {
		const found = findings(results.badCopy.details);
		expect(results.badCopy.passed).toBe(false);
		expect(found.length).toBeGreaterThanOrEqual(3);
		expect(new Set(found.map((f) => f.file))).toEqual(new Set([bad.nodeFile]));
		expect(found.map((f) => f.rule)).toEqual(
			expect.arrayContaining([
				'@n8n/community-nodes/no-restricted-imports',
				'@n8n/community-nodes/no-dangerous-functions',
				'@n8n/community-nodes/no-restricted-globals',
			]),
		);
	});
});
