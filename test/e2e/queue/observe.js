// What the queue-mode checks read besides the webhook answers: the executions PostgreSQL holds,
// which worker started each one (from the worker logs), and the simulator's request log.
'use strict';
const { peakPerSecond } = require('../../helpers/remote-access-workflows'); // sliding 1 s window

const UNFINISHED = new Set(['new', 'running', 'waiting']);

async function lastExecutionId(pg) {
	return Number((await pg.query('SELECT COALESCE(MAX(id), 0) FROM execution_entity')).trim());
}

// The workflow's executions after `sinceId` ([{ id, status }]), once `expected` of them exist and
// none is still running (the webhook answers before the worker has saved the execution).
async function settledExecutions(pg, workflowId, sinceId, expected, timeoutMs = 60000) {
	const t0 = Date.now();
	for (;;) {
		const out = await pg.query(
			`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${Number(sinceId)} ORDER BY id`,
		);
		const rows = out
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [id, status] = line.split('|');
				return { id, status };
			});
		const settled = rows.length >= expected && rows.every((r) => !UNFINISHED.has(r.status));
		if (settled || Date.now() - t0 > timeoutMs) return rows;
		await new Promise((r) => setTimeout(r, 500));
	}
}

// Summary of one batch: how many executions, how many did not succeed, and how many each worker ran.
function executionFigures(rows, workers) {
	const ids = new Set(rows.map((r) => r.id));
	return {
		executions: rows.length,
		failedExecutions: rows.filter((r) => r.status !== 'success').length,
		byWorker: workers.map((w) => w.executionIds().filter((id) => ids.has(id)).length),
	};
}

// Fires `bodies` at a webhook all at once; `onAnswer(n)` runs as the n-th answer arrives.
async function fireTogether(main, webhookPath, bodies, onAnswer = () => {}) {
	let answered = 0;
	return Promise.all(
		bodies.map((body) =>
			main.callWebhook('POST', webhookPath, body).then(
				(res) => {
					onAnswer(++answered);
					return res;
				},
				(e) => {
					onAnswer(++answered);
					return { status: 0, text: e.message, json: null };
				},
			),
		),
	);
}

module.exports = {
	lastExecutionId,
	settledExecutions,
	executionFigures,
	peakPerSecond,
	fireTogether,
};
