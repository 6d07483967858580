// What a user sees in the editor, checked the way they see it (visible text, labels, switches)
// in n8n 1.x and 2.x alike: the examples' sticky notes, the BeyondTrust trigger's URLs, subtitle
// and option names, the RMS locator mode labels, the Simplify toggle and the empty ID fields.
// Each entry of a suite's `editor` block (suites/*.js) gives one or more checks; every check
// takes a screenshot and, when it fails, says what it saw.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const NDV = '[data-test-id=ndv]';
const clip = (s, n = 160) => {
	const one = String(s).replace(/\s+/g, ' ').trim();
	return one.length > n ? `${one.slice(0, n)}…` : one;
};
const slug = (s) => String(s).replace(/\W+/g, '-').replace(/^-|-$/g, '');
// editor.js requires this file: its helpers are looked up when a check runs.
const openWorkflow = (...a) => require('./editor').openWorkflow(...a);
const readExample = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

// Double-clicks the node on the canvas and waits for its details view.
async function openNode(page, inst, workflowId, nodeName) {
	await openWorkflow(page, inst, { workflowId }, [nodeName]);
	const node = page.locator('[data-test-id=canvas-node]', { hasText: nodeName }).first();
	await node.dblclick();
	await page.locator(NDV).first().waitFor();
	await page.waitForTimeout(500); // parameters render after the view opens
}

// The parameter row whose label is exactly `label` (the innermost one: collections nest rows).
function parameterRow(page, label) {
	return page
		.locator(`${NDV} [data-test-id=parameter-item]`)
		.filter({ has: page.getByText(label, { exact: true }) })
		.last();
}

// Everything the details view shows as text: rendered text plus the values of its inputs.
async function ndvText(page) {
	return page
		.locator(NDV)
		.first()
		.evaluate((root) => {
			const values = [...root.querySelectorAll('input, textarea')].map((el) => el.value);
			return [root.innerText, ...values].join('\n');
		});
}

// Clicks the first of `texts` that is visible in the details view; false when none is.
async function clickVisibleText(page, texts) {
	for (const text of texts) {
		const el = page.locator(NDV).getByText(text, { exact: true }).first();
		if (await el.isVisible().catch(() => false)) {
			await el.click();
			await page.waitForTimeout(300);
			return true;
		}
	}
	return false;
}

// (a) Every example opens with sticky notes that say what it does and what to change.
const CHANGE_WORDS =
	/\b(for a real account|before you|replace|change|swap|pick your|your own|set (your|a|the))\b/i;

function stickyChecks(files) {
	return files.map((file) => {
		const workflow = readExample(file);
		return {
			name: `example "${workflow.name}": sticky notes say what it does and what to change`,
			async run({ page, inst, shot }) {
				await openWorkflow(page, inst, { workflowId: workflow.id }, []);
				const stickies = page.locator('[data-test-id=sticky]');
				await stickies
					.first()
					.waitFor({ timeout: 10000 })
					.catch(() => {});
				const texts = (await stickies.allInnerTexts()).map((t) => t.trim());
				await shot(`sticky-${workflow.id}`, `example-${path.basename(file, '.json')}.png`);
				if (!texts.length) {
					const nodes = await page.locator('[data-test-id=canvas-node]').allInnerTexts();
					throw new Error(
						`no sticky note on the canvas of ${workflow.id}; it shows the nodes: ${clip(nodes.join(' | '), 300)}`,
					);
				}
				if (texts.some((t) => !t))
					throw new Error(`an empty sticky note: ${JSON.stringify(texts)}`);
				const all = texts.join('\n');
				if (!CHANGE_WORDS.test(all))
					throw new Error(
						`the sticky notes do not say what to change (${CHANGE_WORDS}); they read: ${clip(all, 300)}`,
					);
			},
		};
	});
}

// (b) The BeyondTrust trigger: the URLs to paste (with the secret), the subtitle, the option names.
function triggerChecks(t) {
	const workflow = readExample(t.example);
	const node = workflow.nodes.find((n) => n.type === t.nodeType);
	if (!node) throw new Error(`${t.example} has no ${t.nodeType} node`);
	const checks = [];

	checks.push({
		name: `BeyondTrust trigger: the Test and the Production URL shown include "?secret="`,
		async run({ page, inst, shot }) {
			await openNode(page, inst, workflow.id, node.name);
			let seen = await ndvText(page);
			// n8n's own URL panel: folded for most triggers, one URL at a time.
			await clickVisibleText(page, ['Webhook URLs', 'Webhook URL']);
			for (const tab of ['Test URL', 'Production URL', 'Test', 'Production']) {
				if (await clickVisibleText(page, [tab])) seen += `\n${await ndvText(page)}`;
			}
			await shot('trigger-urls', 'beyondtrust-trigger-urls.png');
			// Webhook URLs as written anywhere in the view (n8n's URL panel, notices, trigger panel).
			const urls = [...new Set(seen.match(/[^\s"'<>()]*\/webhook(-test)?\/[^\s"'<>()]*/g) || [])];
			const withSecret = (u) => /[?&]secret=[^&\s]+/.test(u);
			const test = urls.filter((u) => u.includes('/webhook-test/'));
			const prod = urls.filter((u) => !u.includes('/webhook-test/'));
			const missing = [
				!test.some(withSecret) && 'Test',
				!prod.some(withSecret) && 'Production',
			].filter(Boolean);
			if (missing.length)
				throw new Error(
					`no ${missing.join(' or ')} URL with "?secret=" (the node has a secret set); webhook URLs seen: ${urls.join(' , ') || 'none'}`,
				);
		},
	});

	checks.push({
		name: `BeyondTrust trigger: canvas subtitle reads "${t.subtitle}"`,
		async run({ page, inst, shot }) {
			await openWorkflow(page, inst, { workflowId: workflow.id }, [node.name]);
			const box = page.locator('[data-test-id=canvas-node]', { hasText: node.name }).first();
			const sub = box.locator('[class*=subtitle]').first();
			const subtitle = (await sub.isVisible().catch(() => false))
				? (await sub.innerText()).trim()
				: null;
			await shot('trigger-subtitle');
			if (subtitle === null)
				throw new Error(
					`no subtitle under "${node.name}"; the node shows: ${clip(await box.innerText())}`,
				);
			if (!subtitle.includes(t.subtitle) || /_/.test(subtitle))
				throw new Error(`the subtitle reads "${subtitle}", expected "${t.subtitle}"`);
		},
	});

	checks.push({
		name: `BeyondTrust trigger: option named "${t.optionLabel}"`,
		async run({ page, inst, shot }) {
			await openNode(page, inst, workflow.id, node.name);
			const add = page
				.locator(NDV)
				.getByText(/^Add (option|Option)$/)
				.first();
			const addBox = page.locator(`${NDV} [data-test-id=collection-parameter-add]`).first();
			if (await add.isVisible().catch(() => false)) await add.click();
			else if (await addBox.isVisible().catch(() => false)) await addBox.click();
			await page
				.locator('[data-test-id=collection-parameter-option]')
				.first()
				.waitFor({ state: 'attached', timeout: 10000 })
				.catch(() => {});
			// The names offered under "Add option" and those of the options already set.
			const offered = (
				await page.locator('[data-test-id=collection-parameter-option]').allTextContents()
			).map((s) => s.trim());
			const labels = (await page.locator(`${NDV} [data-test-id=parameter-item]`).allInnerTexts())
				.map((s) => clip(s.split('\n')[0], 40))
				.filter(Boolean);
			await shot('trigger-options');
			await page.keyboard.press('Escape');
			if (![...offered, ...labels].includes(t.optionLabel))
				throw new Error(
					`no option "${t.optionLabel}"; "Add option" offers: ${offered.join(', ') || 'nothing'}; set: ${labels.join(', ') || 'nothing'}`,
				);
		},
	});
	return checks;
}

// (c) A resource locator's mode label, read where it is drawn: the text must fit its box.
function locatorCheck(l) {
	return {
		name: `${l.node}: the ${l.field} field's mode label is shown in full (not cut)`,
		async run({ page, inst, shot }) {
			await openNode(page, inst, l.workflowId, l.node);
			const selector = page
				.locator(`${NDV} [data-test-id=resource-locator-${l.parameter}]`)
				.first()
				.locator('[data-test-id=rlc-mode-selector]')
				.first();
			await selector.waitFor();
			const seen = await selector.evaluate((root) => {
				const input = root.querySelector('input');
				const shown =
					(input && input.value) ||
					(
						root.querySelector('.el-select__selected-item:not(.is-transparent)') || root
					).innerText.trim();
				// Any box holding text that is wider than the box (cut, with or without an ellipsis).
				const cut = [root, ...root.querySelectorAll('*')]
					.filter((el) => el.clientWidth > 0 && (el.value || el.textContent || '').trim())
					.filter((el) => el.scrollWidth > el.clientWidth + 1)
					.map((el) => `${el.scrollWidth}px of text in a ${el.clientWidth}px box`);
				return { shown, cut };
			});
			await shot(`locator-${slug(l.parameter)}`, 'rms-get-device.png');
			if (!seen.shown) throw new Error(`the ${l.field} mode selector shows no label`);
			if (seen.cut.length)
				throw new Error(`the ${l.field} mode "${seen.shown}" is cut: ${seen.cut.join('; ')}`);
		},
	};
}

// (c) A boolean shown as a top-level switch (not hidden under Options), in the given state.
function toggleCheck(t) {
	return {
		name: `${t.node}: "${t.label}" is a top-level toggle, ${t.on ? 'on' : 'off'}`,
		async run({ page, inst, shot }) {
			await openNode(page, inst, t.workflowId, t.node);
			const row = parameterRow(page, t.label);
			const visible = await row.isVisible().catch(() => false);
			await shot(`toggle-${slug(t.label)}`);
			if (!visible) {
				const labels = (await page.locator(`${NDV} [data-test-id=parameter-item]`).allInnerTexts())
					.map((s) => clip(s.split('\n')[0], 40))
					.filter(Boolean);
				throw new Error(
					`no "${t.label}" field in the form (it may sit under Add option); the form shows: ${labels.join(', ')}`,
				);
			}
			const state = await row.evaluate((el) => {
				const sw = el.querySelector('.el-switch, [role=switch]');
				if (!sw) return null;
				const input = sw.matches('[role=switch]') ? sw : sw.querySelector('[role=switch], input');
				return (
					sw.classList.contains('is-checked') ||
					(input && (input.getAttribute('aria-checked') === 'true' || input.checked === true))
				);
			});
			if (state === null)
				throw new Error(`"${t.label}" is not a switch: ${clip(await row.innerText())}`);
			if (state !== t.on) throw new Error(`"${t.label}" is ${state ? 'on' : 'off'} by default`);
		},
	};
}

// (d) A required ID field of a fresh node: empty, so n8n marks it as required, never "0".
function emptyFieldCheck(f) {
	return {
		name: `${f.node}: ${f.label} is empty by default (no 0)`,
		async run({ page, inst, shot }) {
			await openNode(page, inst, f.workflowId, f.node);
			const row = parameterRow(page, f.label);
			await row.waitFor({ timeout: 10000 }).catch(() => {});
			if (!(await row.isVisible().catch(() => false)))
				throw new Error(`no "${f.label}" field in the form: ${clip(await ndvText(page), 300)}`);
			// The value box: a plain input, or a resource locator's (not its mode selector).
			const values = await row
				.locator('input, textarea')
				.evaluateAll((els) =>
					els
						.filter((el) => el.type !== 'hidden' && !el.closest('[data-test-id=rlc-mode-selector]'))
						.map((el) => el.value),
				);
			await shot(`empty-${slug(f.node)}-${slug(f.label)}`);
			if (!values.length)
				throw new Error(`"${f.label}" has no input: ${clip(await row.innerText())}`);
			if (values[0].trim() !== '')
				throw new Error(`"${f.label}" shows "${values[0]}" by default, expected an empty field`);
		},
	};
}

// The checks a suite's editor block asks for, in order.
function viewChecks(spec) {
	return [
		...stickyChecks(spec.examples || []),
		...(spec.trigger ? triggerChecks(spec.trigger) : []),
		...(spec.locators || []).map(locatorCheck),
		...(spec.toggles || []).map(toggleCheck),
		...(spec.emptyFields || []).map(emptyFieldCheck),
	];
}

// The version n8n gives a node a user adds now (defaultVersion, else the newest), from dist/.
function defaultVersion(type) {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	for (const file of pkg.n8n.nodes) {
		const exports = require(path.join(ROOT, file));
		for (const NodeClass of Object.values(exports)) {
			const d = new NodeClass().description;
			if (`${pkg.name}.${d.name}` !== type) continue;
			return d.defaultVersion ?? (Array.isArray(d.version) ? Math.max(...d.version) : d.version);
		}
	}
	throw new Error(`no node of type ${type} in package.json n8n.nodes`);
}

// Workflows the checks open that the run does not import otherwise (examples of suites left out
// with --suites, the suite's own editor workflows). A node with typeVersion 'default' gets the
// version a newly added node has: the run calls this after the build.
function viewWorkflows(spec) {
	const fresh = (spec.workflows || []).map((w) => ({
		...w,
		nodes: w.nodes.map((n) =>
			n.typeVersion === 'default' ? { ...n, typeVersion: defaultVersion(n.type) } : n,
		),
	}));
	return [...fresh, ...(spec.examples || []).map(readExample)];
}

module.exports = { viewChecks, viewWorkflows, openNode };
