// What `n8n-node build` (tsc, then icons copied beside the compiled files) leaves to do: bundle
// third-party code (fast-xml-parser) into dist so the package has no runtime dependencies.
const path = require('path');
const { task } = require('gulp');

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
