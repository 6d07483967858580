// Lints a folder with its eslint.repo.config.mjs through ESLint's Node API, running only the rules
// on import direction, in a process of its own: the config is an ES module and jest runs CommonJS.
// argv[2]: the folder. stdout: JSON array of { file, ruleId, line }, file relative to the folder.
import { ESLint } from 'eslint';
import path from 'node:path';

const BOUNDARY_RULES = [
	'import-x/no-cycle',
	'import-x/no-restricted-paths',
	'local/no-require-cycle',
];

const dir = path.resolve(process.argv[2]);
const eslint = new ESLint({
	cwd: dir,
	overrideConfigFile: path.join(dir, 'eslint.repo.config.mjs'),
	ruleFilter: ({ ruleId }) => BOUNDARY_RULES.includes(ruleId),
});
const results = await eslint.lintFiles(['.']);
const found = results.flatMap((result) =>
	result.messages.map((m) => ({
		file: path.relative(dir, result.filePath),
		ruleId: m.ruleId,
		line: m.line,
	})),
);
process.stdout.write(JSON.stringify(found));
