// Runs the analysis of @n8n/scan-community-package (the lint leg of n8n's registry scan) on local
// folders, in a process of its own: the scanner is an ES module and jest runs CommonJS.
// argv[2]: JSON array of { dir, patterns } (patterns null = the scanner's source patterns).
// stdout: JSON array of { passed, message, details }, one per job, in order.
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const jobs = JSON.parse(process.argv[2]);
const results = [];
for (const { dir, patterns } of jobs) {
	const { passed, message, details } = await analyzePackage(dir, patterns ?? SOURCE_FILE_PATTERNS);
	results.push({ passed, message, details });
}
process.stdout.write(JSON.stringify(results));
