// Copies node and credential icons next to the compiled files, where n8n looks for them.
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false }).pipe(
		dest((file) => path.join('dist', path.relative(process.cwd(), file.base))),
	),
);
