// What the vendor suites (suites/rms.js, beyondtrust.js, rimo3.js) share: the check of the report
// examples' CSV file and of the ticket examples' failure answers.
'use strict';
const assert = require('assert');

/**
 * The CSV node's file, by name, and (when n8n kept its bytes inline) a header line and one line
 * per session. `fileName`: the exact name or a RegExp; `rows`: e.g. '2 active sessions'.
 */
function assertSessionsCsv(run, nodeName, fileName, rows) {
	const item = run.data.resultData.runData[nodeName][0].data.main[0][0];
	assert.ok(item.binary && item.binary.data, `${nodeName} has binary data`);
	if (fileName instanceof RegExp) assert.match(item.binary.data.fileName, fileName);
	else assert.strictEqual(item.binary.data.fileName, fileName);
	if (item.binary.data.data && item.binary.data.data !== 'filesystem-v2') {
		const csv = Buffer.from(item.binary.data.data, 'base64').toString('utf8');
		assert.match(csv, /Session/);
		assert.strictEqual(csv.trim().split('\n').length, 1 + parseInt(rows, 10), `header + ${rows}`);
	}
}

/**
 * A ticket example's answer to a bad ticket: `status`, the node's message (every `patterns`) in
 * `error`, and the ticket echoed as `ticketField`.
 */
function assertFailureAnswer(res, { status, patterns, ticketField, ticket }) {
	assert.strictEqual(res.status, status, `HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	assert.ok(
		res.json && typeof res.json.error === 'string',
		`no error message in the answer: ${res.text.slice(0, 300)}`,
	);
	assert.strictEqual(res.json[ticketField], ticket);
	for (const p of patterns) assert.match(res.json.error, p);
}

module.exports = { assertSessionsCsv, assertFailureAnswer };
