// BeyondTrust outbound events delivered to a real n8n through the production webhook, the cases
// an appliance meets: a multipart body is accepted (one execution), the same delivery sent twice
// (the appliance re-sends an event whose answer it missed) gives one execution, and n8n killed
// with SIGKILL right after an event's 200: after the restart the executions n8n recorded are
// counted against the events it acknowledged. The session-ended example runs under its own id.
'use strict';
const assert = require('assert');
const http = require('http');
const { killGroup } = require('../../../scripts/lib/procs');
const { listExecutions } = require('../editor');

const KILL_ROUNDS = 3;
// Measuring an older build of the trigger: count only (E2E_BT_KILL_MEASURE=1), with its
// "Fetch Session Details" on or off with E2E_BT_DETAILS=on|off (newer builds ignore it).
const MEASURE_ONLY = process.env.E2E_BT_KILL_MEASURE === '1';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, fn, timeoutMs = 90000) {
	const t0 = Date.now();
	for (;;) {
		const value = await fn().catch(() => null);
		if (value) return value;
		if (Date.now() - t0 > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000}s: ${what}`);
		await sleep(300);
	}
}

const executions = async (inst, id) => (await listExecutions(inst, id, 250)).length;

// Waits until n8n has recorded `total` executions, then a moment more to see nothing extra.
async function settle(inst, id, total) {
	await waitFor(`${total} executions of ${id}`, async () => (await executions(inst, id)) >= total);
	await sleep(1500);
	return executions(inst, id);
}

/** POSTs a body; `onAnswer(status)` runs the moment the status line is in (before the body). */
function post(url, { type, body }, onAnswer) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) },
			},
			(res) => {
				if (onAnswer) onAnswer(res.statusCode);
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode, text }));
				res.on('error', () => resolve({ status: res.statusCode, text }));
				res.on('aborted', () => resolve({ status: res.statusCode, text }));
			},
		);
		req.on('error', (error) => (onAnswer ? resolve({ status: 0, error }) : reject(error)));
		req.end(body);
	});
}

const urlencoded = (form) => ({
	type: 'application/x-www-form-urlencoded',
	body: new URLSearchParams(form).toString(),
});

function multipart(form, boundary = '----n8nE2EBoundary7MA4YWxkTrZu0gW') {
	const parts = Object.entries(form).map(
		([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
	);
	return {
		type: `multipart/form-data; boundary=${boundary}`,
		body: `${parts.join('')}--${boundary}--\r\n`,
	};
}

// A session end without a ticket: the workflow stops at "Has Ticket?", no ticket update.
function endEvent(n) {
	return {
		event: 'support_conference_end',
		version: '24.3.1',
		timestamp: String(Math.floor(Date.now() / 1000)),
		appliance_id: 'sim-appliance-4b7d1e',
		lsid: `e2e${String(n).padStart(29, '0')}`,
		external_key: '',
	};
}

// The production webhook answers 404 until n8n has registered it after a (re)start.
async function webhookReady(url) {
	await waitFor('the production webhook after the restart', async () => {
		const res = await post(url, urlencoded({ not: 'an event' }));
		return res.status === 400;
	});
}

async function killRounds(inst, url, id) {
	let acknowledged = 0;
	let recorded = 0;
	let lost = 0;
	for (let round = 0; round < KILL_ROUNDS; round++) {
		const before = await executions(inst, id);
		const child = inst.child;
		const res = await post(url, urlencoded(endEvent(100 + round)), (status) => {
			if (status === 200) killGroup(child, 'SIGKILL'); // at once, before reading the body
		});
		if (res.status === 200) acknowledged += 1;
		if (child.exitCode === null && child.signalCode === null)
			await new Promise((resolve) => child.once('exit', resolve));
		await inst.start();
		await webhookReady(url);
		const delta = (await executions(inst, id)) - before;
		recorded += delta;
		if (res.status === 200 && delta === 0) lost += 1;
	}
	return { acknowledged, recorded, lost };
}

async function run({ inst, workflow }) {
	const trigger = workflow.nodes[0];
	const secret = encodeURIComponent(trigger.parameters.options.secret);
	const url = `${inst.url}/webhook/${trigger.webhookId}/webhook?secret=${secret}`;
	const id = workflow.id;
	const notes = [];
	await webhookReady(url);
	let total = await executions(inst, id);

	// 1. Multipart: 200 and one execution.
	const viaMultipart = await post(url, multipart(endEvent(1)));
	if (!MEASURE_ONLY) {
		assert.strictEqual(
			viaMultipart.status,
			200,
			`multipart: ${viaMultipart.status} ${viaMultipart.text}`,
		);
		total = await settle(inst, id, total + 1);
	}
	notes.push(`BeyondTrust delivery: multipart/form-data event answered ${viaMultipart.status}`);

	// 2. The same delivery twice: both 200, one execution.
	const again = urlencoded(endEvent(2));
	const first = await post(url, again);
	const second = await post(url, again);
	const afterRepeat = await settle(inst, id, total + 1);
	if (!MEASURE_ONLY) {
		assert.deepStrictEqual([first.status, second.status], [200, 200]);
		assert.strictEqual(afterRepeat, total + 1, 'one execution for a delivery sent twice');
	}
	notes.push(
		`BeyondTrust delivery: the same event delivered twice → ${afterRepeat - total} execution(s)`,
	);

	// 3. SIGKILL right after the 200, KILL_ROUNDS times: recorded vs acknowledged.
	const { acknowledged, recorded, lost } = await killRounds(inst, url, id);
	notes.push(
		`BeyondTrust delivery: n8n ${inst.n8n.version} killed (SIGKILL) right after the 200, ${KILL_ROUNDS} times: ${acknowledged} events acknowledged, ${recorded} executions recorded, ${lost} lost`,
	);
	// 4. After those restarts (nothing left in the process), the delivery of step 2 once more:
	// only the static data n8n saved can recognise it.
	const before = await executions(inst, id);
	const late = await post(url, again);
	await sleep(2000);
	const afterRestart = (await executions(inst, id)) - before;
	notes.push(
		`BeyondTrust delivery: the step-2 event re-delivered after the restarts → ${afterRestart} execution(s) (answered ${late.status})`,
	);
	if (!MEASURE_ONLY) {
		assert.strictEqual(late.status, 200);
		assert.strictEqual(afterRestart, 0, 'a repeat after a restart starts nothing');
	}
	if (!MEASURE_ONLY && inst.major >= 2) {
		assert.strictEqual(acknowledged, KILL_ROUNDS, 'every event was answered 200');
		assert.strictEqual(lost, 0, 'n8n 2.x answers only once the execution exists');
	}
	return notes;
}

// The shipped example under its own id and webhook, so its counts start from zero.
function asDeliveryWorkflow(workflow) {
	workflow.id = 'btDeliveryE2E1';
	workflow.name = `${workflow.name} (delivery checks)`;
	workflow.nodes[0].webhookId = '7d0c5a0e-3f4b-4c52-9a77-2b1e6f0d9c31';
	const details = process.env.E2E_BT_DETAILS;
	if (details) workflow.nodes[0].parameters.fetchSessionDetails = details === 'on';
	return workflow;
}

module.exports = { run, asDeliveryWorkflow };
