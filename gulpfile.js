// Copies node and credential icons next to the compiled files, where n8n looks for them, and
// bundles third-party code (fast-xml-parser) into dist so the package has no runtime dependencies.
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false }).pipe(
		dest((file) => path.join('dist', path.relative(process.cwd(), file.base))),
	),
);

// Each nodes/*/vendor/*.ts is bundled with its npm imports inlined, replacing the file tsc wrote
// (which would `require` the package at run time). Only n8n-workflow stays external (a peer).
const VENDOR_ENTRIES = ['nodes/BeyondTrustRemoteSupport/vendor/xml.ts'];

task('build:vendor', async () => {
	const esbuild = require('esbuild');
	await Promise.all(
		VENDOR_ENTRIES.map((entry) =>
			esbuild.build({
				entryPoints: [entry],
				outfile: path.join('dist', entry.replace(/\.ts$/, '.js')),
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node18',
				external: ['n8n-workflow'],
				// Minified: the bundle is most of the package's download; the licence comment stays.
				minify: true,
				legalComments: 'inline',
				logLevel: 'warning',
			}),
		),
	);
});
