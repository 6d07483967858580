// index.js, the package's main: it exports every node and credential class that package.json
// declares, and the package's own code requires nothing from node_modules but n8n-workflow (the
// peer n8n provides) and Node's built-in modules.
'use strict';
const { execFileSync } = require('child_process');
const { isBuiltin } = require('module');
const path = require('path');
const { ROOT } = require('./scanner');

const pkg = require(path.join(ROOT, 'package.json'));

// In a fresh process: every require() made by a file outside node_modules, and what index.js gives.
const PROBE = `
const Module = require('module');
const plain = Module.prototype.require;
const requests = [];
Module.prototype.require = function (id) {
	if (!this.filename.includes('/node_modules/')) requests.push(id);
	return plain.apply(this, arguments);
};
const main = require(process.argv[1]);
const exported = Object.entries(main).map(([name, value]) => ({
	name,
	className: typeof value === 'function' ? value.name : null,
}));
process.stdout.write(JSON.stringify({ exported, requests }));
`;

function probe() {
	const out = execFileSync(process.execPath, ['-e', PROBE, path.join(ROOT, pkg.main)], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	return JSON.parse(out);
}

const classNameOf = (file) => path.basename(file).replace(/\.(node|credentials)\.js$/, '');

describe('index.js', () => {
	const { exported, requests } = probe();

	test('is the main of package.json and is published', () => {
		expect(pkg.main).toBe('index.js');
		expect(pkg.files).toContain('index.js');
	});

	test('exports each node and credential class of the "n8n" block, in that order, and no more', () => {
		const declared = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map(classNameOf);
		expect(declared).toHaveLength(9);
		expect(exported.map((e) => e.name)).toEqual(declared);
		for (const { name, className } of exported) expect(className).toBe(name);
	});

	test('loads no runtime dependency: only n8n-workflow and built-in modules', () => {
		const packages = requests.filter(
			(id) => !id.startsWith('.') && !path.isAbsolute(id) && !isBuiltin(id),
		);
		expect([...new Set(packages)]).toEqual(['n8n-workflow']);
		// The probe saw the package's own files: index.js requires the nine classes at least.
		expect(requests.filter((id) => id.startsWith('./dist/')).length).toBe(9);
	});
});
