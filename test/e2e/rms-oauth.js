// The Teltonika RMS OAuth2 credential end to end in a real n8n and headless Chromium, against the
// simulator's RMS authorization server (simulator/rms/oauth.js): create the credential in
// the editor with custom endpoints, Connect, approve in the popup, see it connected; run Generate
// connect link with it from the canvas; let the access token expire and see the next run refresh
// it once; a revoked refresh token and a wrong PKCE verifier each give a clear error; connect again.
// Called from run.js after the RMS editor checks; each step is reported like an editor check.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launchBrowser, signIn, runOnCanvas } = require('./editor');
const { manualWorkflow } = require('../helpers/remote-access-workflows');
const { rmsParameters } = require('../helpers/operation-parameters');

const TYPE = 'teltonikaRmsOAuth2Api';
const NODE = 'Generate link (OAuth2)';
const LINK = /https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com/;

const oauthStats = (sim) => sim.stats().personalities.rmsOAuth;

function linkWorkflow(credential) {
	const serial = { __rl: true, mode: 'serial', value: '1111111111' };
	const link = rmsParameters({ pollInterval: 0.5 }, { device: serial }).generate;
	return {
		name: 'E2E RMS OAuth2: generate connect link',
		...manualWorkflow({
			id: 'oauth-link',
			name: NODE,
			type: 'n8n-nodes-remote-access.teltonikaRms',
			typeVersion: 1,
			position: [260, 0],
			parameters: link({ authentication: 'oAuth2', name: 'E2E_OAuth_HTTPS' }),
			credentials: { [TYPE]: { id: credential.id, name: credential.name } },
		}),
		settings: { executionOrder: 'v1' },
		active: false, // 1.x requires it
	};
}

async function restJson(inst, method, p, body) {
	const res = await inst.rest(method, p, body);
	if (res.status !== 200 || !res.json)
		throw new Error(`${method} /rest${p} answered ${res.status}: ${res.text.slice(0, 300)}`);
	return res.json.data;
}

// The execution as n8n stored it, as text (its data is serialised; links and messages appear verbatim).
async function executionText(inst, id) {
	return JSON.stringify(await restJson(inst, 'GET', `/executions/${id}`));
}

// Create credential → type → the form: client, custom endpoints (switched on), API and status URLs.
async function createCredential(page, inst, sim) {
	await page.goto(`${inst.url}/home/credentials`);
	await page.locator('[data-test-id=add-resource-credential]').first().click();
	await page
		.locator('[data-test-id=new-credential-type-select] input')
		.first()
		.fill('Teltonika RMS OAuth2');
	await page
		.locator('[data-test-id=new-credential-type-select-option]', {
			hasText: 'Teltonika RMS OAuth2 API',
		})
		.first()
		.click();
	await page.locator('[data-test-id=new-credential-type-button]').click();
	const field = (name) => page.locator(`[data-test-id=parameter-input-${name}] input`).first();
	await field('clientId').fill(sim.rmsOAuth.clientId);
	await field('clientSecret').fill(sim.rmsOAuth.clientSecret);
	await page.locator('[data-test-id=parameter-input-useCustomOAuthEndpoints]').first().click();
	await field('customAuthUrl').fill(sim.rmsOAuth.authUrl);
	await field('customAccessTokenUrl').fill(sim.rmsOAuth.accessTokenUrl);
	await field('baseUrl').fill(sim.rms.baseUrl);
	await field('statusUrl').fill(sim.rms.statusUrl);
	await page.locator('[data-test-id=credential-save-button]').click();
	// the saved credential: the only one of its type in this fresh instance
	for (let i = 0; i < 40; i++) {
		const list = await restJson(inst, 'GET', '/credentials');
		const saved = list.filter((c) => c.type === TYPE);
		if (saved.length > 1) throw new Error(`${saved.length} ${TYPE} credentials after one save`);
		if (saved.length === 1) return { id: saved[0].id, name: saved[0].name };
		await page.waitForTimeout(250);
	}
	throw new Error('the credential was not saved');
}

async function openCredential(page, inst, credential) {
	await page.goto(`${inst.url}/home/credentials`);
	await page
		.locator('[data-test-id=resources-list-item]', { hasText: credential.name })
		.first()
		.click();
	await page.locator('[data-test-id=credential-edit-dialog]').first().waitFor();
}

// Clicks Connect (1.x "Connect my account"; 2.x "Connect") or, when connected, Reconnect (1.x) /
// Switch account (2.x), and returns the sign-in popup once it shows the simulator's page.
async function startConnect(page) {
	const button = page
		.locator('[data-test-id=oauth-connect-button]')
		.or(page.getByRole('button', { name: 'Connect', exact: true }))
		.or(page.locator('[data-test-id=oauth-switch-account-button]'))
		.or(page.getByRole('button', { name: 'Reconnect', exact: true }))
		.filter({ visible: true })
		.first();
	const popupOpened = page.context().waitForEvent('page');
	await button.click();
	const popup = await popupOpened;
	await popup.locator('#approve').waitFor();
	return popup;
}

async function runOAuthChecks({ inst, sim, shotsDir }) {
	const checks = [];
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ra-chromium-'));
	const shot = (page, name) =>
		page
			.screenshot({ path: path.join(shotsDir, `${inst.n8n.version}-rms-oauth-${name}.png`) })
			.catch(() => {});
	let ctx;
	let page;
	let failed = false;
	// Steps depend on each other: after a failure the rest are reported as skipped.
	const check = async (name, fn) => {
		const t = Date.now();
		if (failed) {
			checks.push({ name, ok: false, error: 'skipped: an earlier step failed', seconds: 0 });
			return;
		}
		try {
			await fn();
			checks.push({ name, ok: true, seconds: (Date.now() - t) / 1000 });
		} catch (e) {
			failed = true;
			checks.push({
				name,
				ok: false,
				error: e.message.split('\n').slice(0, 4).join(' '),
				seconds: (Date.now() - t) / 1000,
			});
			if (page) await shot(page, `FAILED-${name.replace(/\W+/g, '-')}`);
		}
	};
	let credential;
	let workflowId;
	const run = async () => {
		const spec = { workflowId };
		const execution = await runOnCanvas(page, inst, spec, [NODE]);
		return { execution, text: await executionText(inst, execution.id) };
	};
	const expectLink = ({ execution, text }) => {
		if (execution.status !== 'success')
			throw new Error(
				`execution ${execution.id} ended "${execution.status}": ${text.slice(0, 400)}`,
			);
		if (!LINK.test(text)) throw new Error(`no connect link in execution ${execution.id}`);
	};

	try {
		sim.reset();
		fs.mkdirSync(shotsDir, { recursive: true });
		await check('OAuth2: sign in', async () => {
			({ ctx, page } = await launchBrowser(profile));
			await signIn(page, inst);
		});

		await check(
			'OAuth2: create the credential in the editor, Connect, approve in the popup',
			async () => {
				credential = await createCredential(page, inst, sim);
				const popup = await startConnect(page);
				const text = await popup.locator('body').innerText();
				if (!text.includes(sim.rmsOAuth.clientId) || !text.includes('device_remote_access:write'))
					throw new Error(`the consent page does not show the client and scopes: ${text}`);
				await shot(popup, 'consent');
				const closed = popup.waitForEvent('close', { timeout: 20000 });
				await popup.locator('#approve').click();
				await closed;
				await page.locator('[data-test-id=oauth-connect-success-banner]').waitFor();
				await shot(page, 'connected');
				const s = oauthStats(sim);
				if (s.rmsOAuthCodesIssued !== 1 || s.rmsOAuthTokensIssued !== 1)
					throw new Error(`expected one code and one token exchange, got ${JSON.stringify(s)}`);
				await page.keyboard.press('Escape');
				workflowId = (await restJson(inst, 'POST', '/workflows', linkWorkflow(credential))).id;
			},
		);

		await check('OAuth2: Generate connect link with the connected credential', async () => {
			expectLink(await run());
			const principals = new Set(
				sim.requests({ path: '/api/devices/connect' }).map((r) => r.principal),
			);
			if (principals.size !== 1 || !principals.has(`oauth:${sim.rmsOAuth.clientId}`))
				throw new Error(`connect calls made as ${[...principals].join(', ')}`);
			await shot(page, 'link');
		});

		await check('OAuth2: access token expired → the next run refreshes it once', async () => {
			sim.rmsOAuth.expireAccessTokens();
			const before = oauthStats(sim);
			expectLink(await run());
			const after = oauthStats(sim);
			if (after.rmsOAuthRefreshes - before.rmsOAuthRefreshes !== 1)
				throw new Error(`expected exactly one refresh, got ${JSON.stringify(after)}`);
			if (after.rmsOAuthRejected !== before.rmsOAuthRejected)
				throw new Error(`a token request was refused: ${JSON.stringify(after)}`);
			// the refreshed token is kept: one more run needs no refresh
			expectLink(await run());
			if (oauthStats(sim).rmsOAuthRefreshes !== after.rmsOAuthRefreshes)
				throw new Error('the refreshed token was not stored: another refresh happened');
		});

		await check('OAuth2: revoked refresh token → a clear error, nothing created', async () => {
			sim.rmsOAuth.revokeRefreshTokens();
			sim.rmsOAuth.expireAccessTokens();
			const sessions = sim.stats().sessionsStarted;
			const { execution, text } = await run();
			if (execution.status === 'success') throw new Error('the run succeeded with a revoked token');
			if (!/OAuth2 access token could not be refreshed/.test(text))
				throw new Error(`unclear error: ${(/"message":"([^"]*)"/.exec(text) || [])[1]}`);
			if (sim.stats().sessionsStarted !== sessions) throw new Error('a session was started');
			const s = oauthStats(sim);
			if (s.rmsOAuthRejected !== 1)
				throw new Error(`one refused refresh expected: ${JSON.stringify(s)}`);
			await shot(page, 'revoked');
		});

		await check('OAuth2: wrong PKCE verifier → the sign-in fails with a clear error', async () => {
			sim.rmsOAuth.tamperNextChallenge();
			await openCredential(page, inst, credential);
			const popup = await startConnect(page);
			await popup.locator('#approve').click();
			await popup.waitForURL((u) => u.pathname.includes('/oauth2-credential/callback'));
			const text = await popup.locator('body').innerText();
			await shot(popup, 'bad-verifier');
			// n8n shows the OAuth2 error it got from the token endpoint: invalid_grant's standard text
			if (!/authorization grant|invalid_grant|PKCE/i.test(text))
				throw new Error(`the callback page does not say why: ${text.slice(0, 300)}`);
			if (oauthStats(sim).rmsOAuthRejected !== 2)
				throw new Error(`the token exchange was not refused: ${JSON.stringify(oauthStats(sim))}`);
			await popup.close();
		});

		await check('OAuth2: connect again → runs work', async () => {
			await openCredential(page, inst, credential);
			const popup = await startConnect(page);
			const closed = popup.waitForEvent('close', { timeout: 20000 });
			await popup.locator('#approve').click();
			await closed;
			await page.locator('[data-test-id=oauth-connect-success-banner]').waitFor();
			await page.keyboard.press('Escape');
			expectLink(await run());
		});
	} finally {
		if (ctx) await ctx.close().catch(() => {});
		fs.rmSync(profile, { recursive: true, force: true });
	}
	return checks;
}

module.exports = { runOAuthChecks };
