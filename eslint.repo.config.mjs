// The repository's own lint, beside `n8n-node lint` (eslint.config.mjs, n8n's template, which checks
// the package's TypeScript and package.json). Two parts:
// - the plain CommonJS JavaScript around the package (tests, scripts, simulator, bench, configs)
//   with ESLint's recommended rules;
// - which way imports may point, over .ts and .js alike (import, export ... from, require()):
//   no cycles, and product ← simulator ← scripts ← tests and benchmarks, never back.
import js from '@eslint/js';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const nodeFolders = fs
	.readdirSync(path.join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.map((entry) => `nodes/${entry.name}`);

// A node folder may use what another node folder exports only when listed here.
// The RMS Trigger polls the same RMS API as the RMS node: it shares its client and date helpers.
const SHARED_BETWEEN_NODES = {
	'nodes/TeltonikaRmsTrigger': { 'nodes/TeltonikaRms': ['transport', 'helpers'] },
};

const zones = [
	{
		target: ['nodes', 'credentials'],
		from: ['test', 'scripts', 'simulator', 'bench'],
		message: 'The package imports nothing from the tools or tests around it.',
	},
	{
		target: 'simulator',
		from: ['test', 'scripts', 'bench'],
		message: 'The simulator is part of `npm start`: it imports no scripts or tests.',
	},
	{
		target: 'scripts',
		from: ['test', 'bench'],
		message: 'Scripts import no tests: tests may import scripts.',
	},
	{
		target: 'nodes/shared',
		from: ['credentials', ...nodeFolders],
		message: 'nodes/shared is below the nodes and credentials that use it.',
	},
	{
		target: 'credentials',
		from: nodeFolders,
		message: 'Credentials may import nodes/shared only.',
	},
	...nodeFolders.flatMap((folder) => {
		const allowed = SHARED_BETWEEN_NODES[folder] ?? {};
		return nodeFolders
			.filter((other) => other !== folder)
			.map((other) => ({
				target: folder,
				from: other,
				except: allowed[other] ?? [],
				message: 'A node imports from nodes/shared, not from another node.',
			}));
	}),
];

// import-x/no-cycle follows import and export only: it reads a CommonJS file as one without
// imports. This rule follows require() between the repository's .js files. A require() inside a
// function runs once both modules have loaded (like a dynamic import()), so only the ones at module
// level count.
const requiresCache = new Map();

function isInFunction(node) {
	for (let up = node.parent; up; up = up.parent) if (/Function/.test(up.type)) return true;
	return false;
}

function resolveLocal(fromFile, specifier) {
	if (!specifier.startsWith('.')) return undefined;
	try {
		const file = createRequire(fromFile).resolve(specifier);
		return /\.c?js$/.test(file) && !file.includes(`${path.sep}node_modules${path.sep}`)
			? file
			: undefined;
	} catch {
		return undefined;
	}
}

function moduleLevelRequires(file) {
	if (requiresCache.has(file)) return requiresCache.get(file);
	const found = [];
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const visit = (node) => {
		if (ts.isFunctionLike(node)) return;
		if (
			ts.isCallExpression(node) &&
			ts.isIdentifier(node.expression) &&
			node.expression.text === 'require' &&
			node.arguments.length === 1 &&
			ts.isStringLiteral(node.arguments[0])
		) {
			const target = resolveLocal(file, node.arguments[0].text);
			if (target) found.push(target);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	requiresCache.set(file, found);
	return found;
}

// The chain of files from `start` back to `file`, if there is one (breadth first: the shortest).
function routeBack(start, file) {
	const queue = [[start]];
	const seen = new Set([start]);
	while (queue.length > 0) {
		const route = queue.shift();
		const last = route[route.length - 1];
		if (last === file) return route;
		for (const next of moduleLevelRequires(last))
			if (!seen.has(next)) {
				seen.add(next);
				queue.push([...route, next]);
			}
	}
	return undefined;
}

const noRequireCycle = {
	meta: {
		type: 'problem',
		schema: [],
		messages: { cycle: 'Dependency cycle through require(): {{route}}' },
	},
	create(context) {
		const file = context.physicalFilename;
		return {
			CallExpression(node) {
				const [arg] = node.arguments;
				if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
				if (node.arguments.length !== 1 || arg.type !== 'Literal' || typeof arg.value !== 'string')
					return;
				if (isInFunction(node)) return;
				const target = resolveLocal(file, arg.value);
				const route = target && routeBack(target, file);
				if (route) {
					const names = [file, ...route].map((f) => path.relative(ROOT, f));
					context.report({ node, messageId: 'cycle', data: { route: names.join(' -> ') } });
				}
			},
		};
	},
};

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', 'coverage', '.cache', 'test-output']),

	// --- plain JavaScript: test/, scripts/, simulator/, bench/, gulpfile.js, index.js, configs ---
	{
		files: ['**/*.js', '**/*.cjs'],
		extends: [js.configs.recommended],
		languageOptions: {
			ecmaVersion: 2023,
			sourceType: 'commonjs',
			globals: { ...globals.node },
		},
	},
	{
		files: ['**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
	},
	{
		files: ['test/**/*.js', '**/*.test.js'],
		languageOptions: { globals: { ...globals.jest } },
	},
	{
		// Functions these files hand to Chromium run in the page, where `window` exists.
		files: ['test/e2e/chromium.js', 'test/e2e/editor.js'],
		languageOptions: { globals: { ...globals.browser } },
	},

	// --- import direction, .ts and .js ---
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser },
	},
	{
		files: ['**/*.{ts,js,mjs,cjs}'],
		plugins: { 'import-x': importX, local: { rules: { 'no-require-cycle': noRequireCycle } } },
		settings: {
			'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
			'import-x/resolver-next': [createTypeScriptImportResolver()],
		},
		rules: {
			'import-x/no-cycle': ['error', { ignoreExternal: true }],
			'local/no-require-cycle': 'error',
			// This rule visits require() as well as import and export ... from.
			'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
		},
	},
);
