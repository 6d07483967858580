// The n8n editor in headless Chromium (Debian chromium + playwright-core), against a running
// instance: sign in, find the node and its actions in the node panel, test the credential, run a
// workflow from the canvas. Each check is reported separately; screenshots go to `shotsDir`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureChromium, CHROMIUM_ARGS } = require('./chromium');

const TIMEOUT = 30000;

async function runEditorChecks({ inst, suite, sim, shotsDir, docsShot }) {
  const { chromium } = require('playwright-core');
  const spec = suite.editor;
  fs.mkdirSync(shotsDir, { recursive: true });
  const shot = (page, name) => page.screenshot({ path: path.join(shotsDir, `${inst.n8n.version}-${suite.key}-${name}.png`) });
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
      checks.push({ name, ok: false, error: e.message.split('\n').slice(0, 4).join(' '), seconds: (Date.now() - t) / 1000 });
      if (page) await shot(page, `FAILED-${name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  };

  try {
    const executablePath = ensureChromium();
    // A fresh profile every run (passed as --user-data-dir by playwright); headless is added by playwright.
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
      viewport: { width: 1440, height: 900 },
    });
    ctx.setDefaultTimeout(TIMEOUT);
    page = ctx.pages()[0] || (await ctx.newPage());
  } catch (e) {
    checks.push({ name: 'launch chromium', ok: false, error: e.message.split('\n')[0], seconds: 0 });
    return checks;
  }

  try {
    let signedIn = false;
    await check('sign in', async () => {
      await page.goto(`${inst.url}/signin`);
      // 2.x: #emailOrLdapLoginId; 1.x names the e-mail field differently.
      await page.locator('#emailOrLdapLoginId, input[type=email], input[name=email]').first().fill(inst.owner.email);
      await page.locator('input[type=password]').first().fill(inst.owner.password);
      await page.click('[data-test-id=form-submit-button]');
      await page.waitForURL((u) => !u.pathname.includes('signin'));
      signedIn = true;
    });
    if (!signedIn) return checks;

    // Without a workflowId the suite has nothing to open on the canvas: only the credential test runs.
    if (spec.workflowId) await check(`node panel: "${spec.search}" shows ${spec.actions.length} actions`, async () => {
      await page.goto(`${inst.url}/workflow/${spec.workflowId}`);
      await page.waitForSelector('[data-test-id=canvas-node]');
      await page.click('[data-test-id=node-creator-plus-button]');
      await page.locator('[data-test-id=node-creator-search-bar] input, input[data-test-id=node-creator-search-bar]').first().fill(spec.search);
      const item = page.locator('[data-test-id=node-creator-item-name]', { hasText: spec.nodeDisplayName });
      await item.first().waitFor();
      await item.first().click();
      const missing = [];
      for (const action of spec.actions) {
        const el = page.getByText(action, { exact: true }).first();
        await el.waitFor({ timeout: 10000 }).catch(() => missing.push(action));
      }
      await shot(page, 'node-panel');
      if (docsShot && spec.docsShot !== false) {
        fs.mkdirSync(path.dirname(docsShot), { recursive: true });
        await page.screenshot({ path: docsShot });
      }
      if (missing.length) throw new Error(`actions not shown: ${missing.join(', ')}`);
      await page.keyboard.press('Escape');
    });

    await check(`credential "${spec.credentialName}": Test succeeds`, async () => {
      await page.goto(`${inst.url}/home/credentials`);
      await page.locator('[data-test-id=resources-list-item]', { hasText: spec.credentialName }).first().click();
      const success = page.locator('[data-test-id=credentials-config-container-test-success]');
      await success.waitFor(); // opening a saved credential runs its test
      const before = sim.requests({ path: spec.credentialTestPath }).length;
      await page.getByRole('button', { name: 'Retry' }).click(); // and run it once more on purpose
      await success.waitFor();
      for (let i = 0; i < 40 && sim.requests({ path: spec.credentialTestPath }).length <= before; i++) await page.waitForTimeout(250);
      await shot(page, 'credential-test');
      if (sim.requests({ path: spec.credentialTestPath }).length <= before) throw new Error(`the test did not reach the simulator (${spec.credentialTestPath})`);
      await page.keyboard.press('Escape');
    });

    if (spec.workflowId) await check(`run "${spec.runTrigger}" from the canvas`, async () => {
      const before = sim.stats().requests;
      await page.goto(`${inst.url}/workflow/${spec.workflowId}`);
      await page.waitForSelector('[data-test-id=canvas-node]');
      // force: the canvas pane sits on top of the trigger's hover button.
      await page.locator(`[data-test-id="execute-workflow-button-${spec.runTrigger}"]`).click({ force: true });
      for (const name of spec.runExpectSuccess) {
        await page.locator('[data-test-id=canvas-node]', { hasText: name }).locator('[data-test-id=canvas-node-status-success]').first().waitFor();
      }
      await page.getByText('Workflow executed successfully').first().waitFor();
      await page.waitForTimeout(500); // let the canvas finish its edge colouring for the screenshot
      await shot(page, 'canvas-run');
      if (sim.stats().requests <= before) throw new Error('the run sent nothing to the simulator');
    });
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return checks;
}

module.exports = { runEditorChecks };
