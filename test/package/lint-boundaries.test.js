// `npm run lint` fails on an import cycle and on an import that points the wrong way
// (eslint.repo.config.mjs): shown on a tiny copy of the layout that has one of each, then on the
// repository itself, which must have none.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT } = require('./scanner');

function boundaryFindings(dir) {
	const script = path.join(__dirname, 'boundary-lint.mjs');
	const out = execFileSync(process.execPath, [script, dir], { cwd: dir, encoding: 'utf8' });
	return JSON.parse(out)
		.map(({ file, ruleId }) => `${file} ${ruleId}`)
		.sort();
}

// The files of the tiny copy: two cycles, three wrong-way imports, and imports that are allowed.
const TINY = {
	'package.json': '{ "name": "tiny", "private": true }\n',
	'nodes/shared/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
	'nodes/shared/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
	'nodes/shared/url.ts': 'export const url = 1;\n',
	'nodes/Foo/Foo.node.ts':
		"import { url } from '../shared/url';\nimport { x } from '../../test/helpers/x';\nexport const foo = [url, x];\n",
	'nodes/Bar/Bar.node.ts': "import { foo } from '../Foo/Foo.node';\nexport const bar = foo;\n",
	'credentials/Foo.credentials.ts':
		"import { url } from '../nodes/shared/url';\nexport const c = url;\n",
	'test/helpers/x.js': "const { y } = require('../../scripts/y');\nexports.x = y;\n",
	'scripts/y.js': 'exports.y = 1;\n',
	'scripts/a.js': "const b = require('./b');\nmodule.exports = () => b;\n",
	'scripts/b.js': "const a = require('./a');\nmodule.exports = () => a;\n",
	'scripts/start.js': "const { x } = require('../test/helpers/x');\nmodule.exports = x;\n",
};

describe('import direction and cycles', () => {
	let tiny;
	beforeAll(() => {
		tiny = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-lint-'));
		for (const [file, text] of Object.entries(TINY)) {
			fs.mkdirSync(path.dirname(path.join(tiny, file)), { recursive: true });
			fs.writeFileSync(path.join(tiny, file), text);
		}
		fs.copyFileSync(
			path.join(ROOT, 'eslint.repo.config.mjs'),
			path.join(tiny, 'eslint.repo.config.mjs'),
		);
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tiny, 'node_modules'), 'dir');
	});
	afterAll(() => fs.rmSync(tiny, { recursive: true, force: true }));

	test('a broken copy: each cycle and each wrong-way import is reported, nothing else', () => {
		expect(boundaryFindings(tiny)).toEqual([
			'nodes/Bar/Bar.node.ts import-x/no-restricted-paths',
			'nodes/Foo/Foo.node.ts import-x/no-restricted-paths',
			'nodes/shared/a.ts import-x/no-cycle',
			'nodes/shared/b.ts import-x/no-cycle',
			'scripts/a.js local/no-require-cycle',
			'scripts/b.js local/no-require-cycle',
			'scripts/start.js import-x/no-restricted-paths',
		]);
	});

	test('the repository has no cycle and no wrong-way import', () => {
		expect(boundaryFindings(ROOT)).toEqual([]);
	});
});
