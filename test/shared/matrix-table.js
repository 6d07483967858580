// Prints the fault-matrix table of docs/testing.md: Fault | RMS | BeyondTrust | Rimo3, each cell a
// summary of the outcomes the jest matrices assert, plus the matrix size actually run.
// Usage: node test/shared/matrix-table.js
'use strict';
const rms = require('../rms/fault-cases');
const bt = require('../beyondtrust/fault-cases');
const rimo3 = require('../rimo3/fault-cases');
const { casesOf } = require('./client-credentials-faults');

/** RMS fault names → the shared row names (the RMS module predates rows). */
const RMS_ROWS = {
	'malformed JSON': 'malformed body',
	'wrong token': 'wrong token / wrong secret',
	'missing scope': 'missing permission',
};

function rmsCases() {
	const run = [];
	for (const [faultName, fault] of Object.entries(rms.FAULTS)) {
		for (const [opName, op] of Object.entries(rms.OPERATIONS)) {
			if (fault.writesOnly && op.kind !== 'write') continue;
			if (fault.skip?.(opName)) continue;
			run.push([faultName, opName, fault, op]);
		}
	}
	return run;
}

function summary(entries) {
	const outcomes = entries.map(([, , fault, op]) => ({
		kind: op.kind,
		outcome: fault.outcome(op),
	}));
	const all = (o) => outcomes.every((x) => x.outcome === o);
	const split = outcomes.every((x) => x.outcome === (x.kind === 'read' ? 'success' : 'error'));
	if (all('success')) return 'success';
	if (all('error')) return 'clear error';
	if (split) return 'reads retried → success; writes → clear error';
	return outcomes.map((x) => x.outcome).join('/');
}

/** { row: { service: text } } and the counts per service. */
function collect() {
	const services = [
		['RMS', rmsCases(), (name) => RMS_ROWS[name] ?? name],
		['BeyondTrust', casesOf(bt.OPERATIONS, bt.FAULTS).run, (name, fault) => fault.row ?? name],
		['Rimo3', casesOf(rimo3.OPERATIONS, rimo3.FAULTS).run, (name, fault) => fault.row ?? name],
	];
	const rows = new Map();
	const sizes = {};
	for (const [service, run, rowOf] of services) {
		sizes[service] = {
			cases: run.length,
			faults: new Set(run.map((c) => c[0])).size,
			operations: new Set(run.map((c) => c[1])).size,
		};
		const byFault = new Map();
		for (const entry of run) {
			if (!byFault.has(entry[0])) byFault.set(entry[0], []);
			byFault.get(entry[0]).push(entry);
		}
		for (const [faultName, entries] of byFault) {
			const fault = entries[0][2];
			const row = rowOf(faultName, fault);
			if (!rows.has(row)) rows.set(row, {});
			const ops = entries.length;
			const label = fault.label ?? (row === faultName ? '' : faultName);
			const note = fault.tableNote ? ` (${fault.tableNote})` : '';
			const cell = `${label ? `${label}: ` : ''}${summary(entries)}${note} [${ops} op${ops === 1 ? '' : 's'}]`;
			const cells = rows.get(row);
			cells[service] = cells[service] ? `${cells[service]}; ${cell}` : cell;
		}
	}
	return { rows, sizes };
}

function table() {
	const { rows, sizes } = collect();
	const lines = ['| Fault | RMS | BeyondTrust | Rimo3 |', '|---|---|---|---|'];
	for (const [row, cells] of rows)
		lines.push(
			`| ${row} | ${['RMS', 'BeyondTrust', 'Rimo3'].map((s) => (cells[s] ?? 'n/a').replace(/\|/g, '\\|')).join(' | ')} |`,
		);
	const total = Object.values(sizes).reduce((n, s) => n + s.cases, 0);
	lines.push('');
	lines.push(
		`Matrix size: ${Object.entries(sizes)
			.map(
				([service, s]) =>
					`${service} ${s.cases} cases (${s.faults} faults × ${s.operations} operations, minus pairs that do not apply)`,
			)
			.join(
				'; ',
			)}; ${total} fault × operation cases in all, each through n8n-core's engine against the simulator.`,
	);
	const skipped = [bt, rimo3].flatMap((m) =>
		casesOf(m.OPERATIONS, m.FAULTS).skipped.map(
			(s) => `${m.SERVICE.name}: ${s.faultName} × ${s.opName} — ${s.note}`,
		),
	);
	if (skipped.length) lines.push('', 'Not run (does not apply):', ...skipped.map((s) => `- ${s}`));
	return lines.join('\n');
}

module.exports = { table, collect };

if (require.main === module) console.log(table());
