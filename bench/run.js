#!/usr/bin/env node
// npm run bench: figures, not assertions (never a timed test). Prints a table and writes
// bench/results.json. Every figure is the median of several runs made side by side here.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const SECTIONS = [
	[
		'link',
		async () => ({
			...(await require('./link').measureLink()),
			...(await require('./rms-scale').measureRmsScale()),
		}),
	],
	['listSessions', () => require('./list-sessions').measureListSessions()],
	['trigger', () => require('./rms-trigger').measureTrigger()],
	['tokens', () => require('./tokens').measureTokens()],
	['bulk', () => require('./tokens').measureBulk()],
	['overhead', () => require('./overhead').measureOverhead()],
	['package', () => require('./package').measurePackage()],
	['rimo3Upload', () => require('./upload').measureRimo3Upload()],
];

const TARGETS = {
	'link.wallRatio': '≤ 1.2',
	'link.apiCalls': '= link.minApiCalls',
	'link.byChannelSeconds.1.5.wallRatio': '≤ 1.2',
	'link.byChannelSeconds.1.5.polls': '≤ 3',
	'link.byChannelSeconds.5.wallRatio': '≤ 1.2',
	'link.byChannelSeconds.5.polls': '≤ 9',
	'link.byChannelSeconds.15.wallRatio': '≤ 1.2',
	'link.byChannelSeconds.15.polls': '≤ 15',
	'link.byChannelSeconds.60.wallRatio': '≤ 1.2',
	'link.byChannelSeconds.60.polls': '≤ 25',
	'tokens.mintsPerThousandCalls.beyondtrust': '≤ 1',
	'tokens.mintsPerThousandCalls.rimo3': '≤ 1',
	'bulk.failedItems': '0',
	'bulk.rateUtilization': '0.9 – 1.0',
	'overhead.vsHttpRequestNode': '≤ 1.0',
	'listSessions.requestsFor200': '≤ 13',
	'listSessions.monthlySharePercentHourly': '≤ 10',
	'rimo3Upload.extraRssMB': '< 100',
};

function machine() {
	const cpu = os.cpus()[0];
	return {
		cpus: os.cpus().length,
		cpu: cpu && cpu.model,
		memGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
	};
}

function flatten(prefix, value, out) {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [key, inner] of Object.entries(value))
			flatten(prefix ? `${prefix}.${key}` : key, inner, out);
	} else out[prefix] = value;
	return out;
}

async function main() {
	const only = process.argv.slice(2);
	const file = path.join(__dirname, 'results.json');
	// Sections not measured in this run (another tool's, or left out by name) keep their figures.
	const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
	const results = { ...previous, measuredAt: new Date().toISOString(), machine: machine() };
	for (const [name, measure] of SECTIONS) {
		if (only.length && !only.includes(name)) continue;
		process.stdout.write(`bench: ${name} ...\n`);
		try {
			results[name] = await measure();
		} catch (error) {
			// One broken section must not lose the figures of the others.
			results[name] = { error: String(error.message).slice(0, 500) };
			process.exitCode = 1;
		}
	}
	const rows = Object.entries(flatten('', results, {})).filter(
		([key]) => !key.startsWith('machine.') && key !== 'measuredAt',
	);
	const width = Math.max(...rows.map(([key]) => key.length));
	process.stdout.write(`\nMachine: ${JSON.stringify(results.machine)}\n\n`);
	for (const [key, value] of rows) {
		const target = TARGETS[key] ? `   target ${TARGETS[key]}` : '';
		process.stdout.write(`${key.padEnd(width)}  ${String(value).padStart(10)}${target}\n`);
	}
	fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
	process.stdout.write(`\nwrote ${path.relative(process.cwd(), file)}\n`);
}

main().then(
	() => process.exit(process.exitCode ?? 0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
