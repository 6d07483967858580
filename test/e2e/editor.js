// The n8n editor in headless Chromium (Debian chromium + playwright-core), against a running
// instance: sign in, find the node and its actions in the node panel, test the credential, run a
// workflow from the canvas, then what the user reads in the editor (editor-views.js). Each check
// is reported separately; screenshots go to `shotsDir`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
	ensureChromium,
	CHROMIUM_ARGS,
	trackPushConnection,
	waitForPushConnection,
} = require('./chromium');
const { viewChecks } = require('./editor-views');

const TIMEOUT = 30000;
const RUN_PATH = /^\/rest\/workflows\/[^/]+\/run$/; // the editor's manual-run request (1.x and 2.x)
const TERMINAL = new Set(['success', 'error', 'crashed', 'canceled']);

// Opens a workflow and waits until the editor can run it: the canvas shows the nodes (the
// workflow is loaded) and the push connection is open (without it the editor starts nothing).
async function openWorkflow(page, inst, spec, nodeNames) {
	await page.goto(`${inst.url}/workflow/${spec.workflowId}`);
	await page.waitForSelector('[data-test-id=canvas-node]');
	for (const name of nodeNames)
		await page.locator('[data-test-id=canvas-node]', { hasText: name }).first().waitFor();
	await waitForPushConnection(page, TIMEOUT);
}

// The workflow's executions as n8n records them (newest first), over the REST API the editor uses.
async function listExecutions(inst, workflowId, limit = 50) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await inst.rest('GET', `/executions?filter=${filter}&limit=${limit}`);
	if (res.status !== 200 || !res.json)
		throw new Error(`GET /rest/executions answered ${res.status}: ${res.text.slice(0, 300)}`);
	const data = res.json.data || {};
	return data.results || data; // { count, results } in 1.x and 2.x
}

async function waitForNewExecution(inst, workflowId, known, timeoutMs = 60000) {
	const t0 = Date.now();
	let fresh = [];
	while (Date.now() - t0 < timeoutMs) {
		fresh = (await listExecutions(inst, workflowId)).filter((e) => !known.has(e.id));
		if (fresh.length > 1)
			throw new Error(
				`${fresh.length} new executions of ${workflowId} for one click (ids ${fresh.map((e) => e.id).join(', ')})`,
			);
		if (fresh.length === 1 && TERMINAL.has(fresh[0].status)) return fresh[0];
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(
		fresh.length
			? `execution ${fresh[0].id} still "${fresh[0].status}" after ${timeoutMs / 1000}s`
			: `no execution of ${workflowId} recorded within ${timeoutMs / 1000}s`,
	);
}

// Opens the workflow, clicks "Execute workflow" and returns the one execution n8n records for
// that click once it has finished (whatever its status).
async function runOnCanvas(page, inst, spec, nodeNames) {
	const known = new Set((await listExecutions(inst, spec.workflowId)).map((e) => e.id));
	await openWorkflow(page, inst, spec, nodeNames);
	const runRequest = page.waitForResponse(
		(r) => r.request().method() === 'POST' && RUN_PATH.test(new URL(r.url()).pathname),
		{ timeout: 15000 },
	);
	await page.locator('[data-test-id=execute-workflow-button]').first().click();
	const response = await runRequest.catch(async () => {
		const toasts = await page
			.locator('.el-notification')
			.allInnerTexts()
			.catch(() => []);
		throw new Error(
			`clicking "Execute workflow" sent no run request within 15s${toasts.length ? `; the editor said: ${toasts.join(' | ').replace(/\s+/g, ' ')}` : ''}`,
		);
	});
	if (response.status() !== 200)
		throw new Error(
			`the run request answered HTTP ${response.status()}: ${(await response.text()).slice(0, 300)}`,
		);
	// n8n's own record decides: exactly one new execution of this workflow.
	return await waitForNewExecution(inst, spec.workflowId, known);
}

// Headless Chromium with a fresh profile (passed as --user-data-dir by playwright; headless is
// added by playwright) and the push-connection tracker.
async function launchBrowser(profile) {
	const { chromium } = require('playwright-core');
	const ctx = await chromium.launchPersistentContext(profile, {
		executablePath: ensureChromium(),
		headless: true,
		args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
		viewport: { width: 1440, height: 900 },
	});
	ctx.setDefaultTimeout(TIMEOUT);
	await trackPushConnection(ctx);
	return { ctx, page: ctx.pages()[0] || (await ctx.newPage()) };
}

async function signIn(page, inst) {
	await page.goto(`${inst.url}/signin`);
	// 2.x: #emailOrLdapLoginId; 1.x names the e-mail field differently.
	await page
		.locator('#emailOrLdapLoginId, input[type=email], input[name=email]')
		.first()
		.fill(inst.owner.email);
	await page.locator('input[type=password]').first().fill(inst.owner.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((u) => !u.pathname.includes('signin'));
}

// shotsDir: this n8n version's screenshots (<suite>-<check>.png); docsDir: when set, the pictures
// the README shows are written there too (under the name the check gives them).
async function runEditorChecks({ inst, suite, sim, shotsDir, docsShot, docsDir }) {
	const spec = suite.editor;
	fs.mkdirSync(shotsDir, { recursive: true });
	const shot = async (page, name, docsName) => {
		const file = path.join(shotsDir, `${suite.key}-${name}.png`);
		await page.screenshot({ path: file });
		if (docsDir && docsName) {
			fs.mkdirSync(docsDir, { recursive: true });
			fs.copyFileSync(file, path.join(docsDir, docsName));
		}
	};
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-chromium-'));
	const checks = [];
	let ctx;
	let page;
	const check = async (name, fn) => {
		const t = Date.now();
		try {
			await fn();
			checks.push({ name, ok: true, seconds: (Date.now() - t) / 1000 });
		} catch (e) {
			checks.push({
				name,
				ok: false,
				error: e.message.split('\n').slice(0, 4).join(' '),
				seconds: (Date.now() - t) / 1000,
			});
			if (page)
				await shot(page, `FAILED-${name.replace(/\W+/g, '-').slice(0, 80)}`).catch(() => {});
		}
	};

	try {
		({ ctx, page } = await launchBrowser(profile));
		page.on('dialog', (d) => d.accept().catch(() => {})); // "leave this page?" between workflows
	} catch (e) {
		checks.push({
			name: 'launch chromium',
			ok: false,
			error: e.message.split('\n')[0],
			seconds: 0,
		});
		return checks;
	}

	try {
		let signedIn = false;
		await check('sign in', async () => {
			await signIn(page, inst);
			signedIn = true;
		});
		if (!signedIn) return checks;

		// Without a workflowId the suite has nothing to open on the canvas: only the credential test runs.
		if (spec.workflowId)
			await check(`node panel: "${spec.search}" shows ${spec.actions.length} actions`, async () => {
				await openWorkflow(page, inst, spec, []);
				await page.click('[data-test-id=node-creator-plus-button]');
				await page
					.locator(
						'[data-test-id=node-creator-search-bar] input, input[data-test-id=node-creator-search-bar]',
					)
					.first()
					.fill(spec.search);
				const item = page.locator('[data-test-id=node-creator-item-name]', {
					hasText: spec.nodeDisplayName,
				});
				await item.first().waitFor();
				await item.first().click();
				const missing = [];
				for (const action of spec.actions) {
					const el = page.getByText(action, { exact: true }).first();
					await el.waitFor({ timeout: 10000 }).catch(() => missing.push(action));
				}
				await shot(page, 'node-panel', `${suite.key}-node-panel.png`);
				if (docsShot && spec.docsShot !== false) {
					fs.mkdirSync(path.dirname(docsShot), { recursive: true });
					await page.screenshot({ path: docsShot });
				}
				if (missing.length) throw new Error(`actions not shown: ${missing.join(', ')}`);
				await page.keyboard.press('Escape');
			});

		await check(`credential "${spec.credentialName}": Test succeeds`, async () => {
			await page.goto(`${inst.url}/home/credentials`);
			await page
				.locator('[data-test-id=resources-list-item]', { hasText: spec.credentialName })
				.first()
				.click();
			const success = page.locator('[data-test-id=credentials-config-container-test-success]');
			await success.waitFor(); // opening a saved credential runs its test
			const before = sim.requests({ path: spec.credentialTestPath }).length;
			await page.getByRole('button', { name: 'Retry' }).click(); // and run it once more on purpose
			await success.waitFor();
			for (
				let i = 0;
				i < 40 && sim.requests({ path: spec.credentialTestPath }).length <= before;
				i++
			)
				await page.waitForTimeout(250);
			await shot(page, 'credential-test');
			if (sim.requests({ path: spec.credentialTestPath }).length <= before)
				throw new Error(`the test did not reach the simulator (${spec.credentialTestPath})`);
			await page.keyboard.press('Escape');
		});

		if (spec.workflowId)
			await check(`run "${spec.runTrigger}" from the canvas`, async () => {
				const before = sim.stats().requests;
				const execution = await runOnCanvas(page, inst, spec, spec.runExpectSuccess);
				if (execution.status !== 'success')
					throw new Error(`execution ${execution.id} ended with status "${execution.status}"`);
				// Then the editor shows it (the results reach the page over the push connection).
				for (const name of spec.runExpectSuccess) {
					await page
						.locator('[data-test-id=canvas-node]', { hasText: name })
						.locator('[data-test-id=canvas-node-status-success]')
						.first()
						.waitFor();
				}
				await page.waitForTimeout(500); // let the canvas finish its edge colouring for the screenshot
				await shot(page, 'canvas-run');
				if (sim.stats().requests <= before)
					throw new Error('the run sent nothing to the simulator');
			});

		// What the user reads in the editor: sticky notes, URLs, labels, toggles, empty fields.
		for (const view of viewChecks(spec))
			await check(view.name, () =>
				view.run({ page, inst, shot: (name, docsName) => shot(page, name, docsName) }),
			);
	} finally {
		await ctx.close().catch(() => {});
		fs.rmSync(profile, { recursive: true, force: true });
	}
	return checks;
}

module.exports = {
	runEditorChecks,
	launchBrowser,
	signIn,
	openWorkflow,
	listExecutions,
	waitForNewExecution,
	runOnCanvas,
};
