'use strict';

// Comments and docs cite vendor facts as "docs/vendor-behaviour.md, RMS: status channels". Every
// such citation must name a heading that exists, so a renamed or missing entry is caught here.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'vendor-behaviour.md');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-output', 'coverage', '.cache']);
const TEXT_FILE = /\.(ts|js|mjs|cjs|md|json)$/;
const CITATION = /vendor-behaviour\.md[,(:\s]+((?:RMS|BeyondTrust|Rimo3|n8n): [^)]*)/g;

function headings() {
	return fs
		.readFileSync(DOC, 'utf8')
		.split('\n')
		.filter((line) => /^#{2,4} /.test(line))
		.map((line) => line.replace(/^#+ /, '').trim());
}

function* textFiles(dir) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) {
			if (!SKIP_DIRS.has(entry.name)) yield* textFiles(path.join(dir, entry.name));
		} else if (TEXT_FILE.test(entry.name) && entry.name !== 'package-lock.json') {
			yield path.join(dir, entry.name);
		}
	}
}

// Comment markers and line breaks removed, so a citation wrapped over two comment lines reads whole.
const flatten = (text) => text.replace(/\n\s*(\/\/|\*|#)?\s*/g, ' ');

// "RMS: loose types; RMS: links without a scheme)." -> each cited heading must start the text.
function citedSegments(text) {
	const out = [];
	for (const match of flatten(text).matchAll(CITATION)) {
		for (const part of match[1].split(/;\s*|,\s*(?=(?:RMS|BeyondTrust|Rimo3|n8n): )/)) {
			if (/^(RMS|BeyondTrust|Rimo3|n8n): /.test(part)) out.push(part.trim());
		}
	}
	return out;
}

test('headings of docs/vendor-behaviour.md are unique', () => {
	const all = headings();
	expect(all.length).toBeGreaterThan(20);
	expect(new Set(all).size).toBe(all.length);
});

test('finds citations in a wrapped comment and splits several in one', () => {
	const sample = '// poll (docs/vendor-behaviour.md,\n// RMS: status channels; RMS: loose types).';
	expect(citedSegments(sample)).toEqual(['RMS: status channels', 'RMS: loose types']);
});

test('every citation of docs/vendor-behaviour.md names a heading that exists', () => {
	const known = headings();
	const wrong = [];
	let count = 0;
	for (const file of textFiles(ROOT)) {
		if (file === DOC) continue;
		for (const segment of citedSegments(fs.readFileSync(file, 'utf8'))) {
			count += 1;
			if (!known.some((h) => segment.startsWith(h))) {
				wrong.push(`${path.relative(ROOT, file)}: "${segment.slice(0, 60)}"`);
			}
		}
	}
	expect(count).toBeGreaterThan(10);
	expect(wrong).toEqual([]);
});
