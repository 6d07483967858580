// Makes sure Debian's chromium is present; installs it with apt-get (through sudo when not root).
'use strict';
const fs = require('fs');
const { spawnSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	const root = typeof process.getuid !== 'function' || process.getuid() === 0;
	console.log(
		`[e2e] ${CHROMIUM} is missing: installing chromium with ${root ? '' : 'sudo '}apt-get (one time)`,
	);
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const cmd = root ? 'apt-get' : 'sudo';
		const argv = root ? args : ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
		const r = spawnSync(cmd, argv, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		if (r.status !== 0)
			throw new Error(
				`apt-get ${args.join(' ')} failed with ${r.status}; install it yourself: sudo apt-get install -y chromium`,
			);
	}
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install`);
	return CHROMIUM;
}

// Flags from the brief: headless, no sandbox (root), and no background traffic.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

module.exports = { ensureChromium, CHROMIUM, CHROMIUM_ARGS };

if (require.main === module) console.log(ensureChromium());

// The editor refuses a manual run until its push connection (WebSocket, or EventSource with
// N8N_PUSH_BACKEND=sse) to /rest/push is open: "Lost connection to the server", and nothing
// starts. This init script wraps both constructors so a page can tell when that connection is
// open; our listener is added before the editor's own, so when it reads "open" the editor's
// store has seen the same event.
function pushTracker() {
	const state = { opened: 0, open: false };
	Object.defineProperty(window, '__e2ePush', { value: state });
	const watch = (Native, isOpen) => {
		if (!Native) return Native;
		return class extends Native {
			constructor(url, ...rest) {
				super(url, ...rest);
				if (!String(url).includes('/push')) return;
				const update = () => {
					state.open = isOpen(this);
					if (state.open) state.opened++;
				};
				this.addEventListener('open', update);
				this.addEventListener('close', update);
				this.addEventListener('error', update);
			}
		};
	};
	window.WebSocket = watch(window.WebSocket, (s) => s.readyState === 1);
	window.EventSource = watch(window.EventSource, (s) => s.readyState === 1);
}

async function trackPushConnection(ctx) {
	await ctx.addInitScript(pushTracker);
}

// Resolves once the page's push connection is open (trackPushConnection must have run first).
async function waitForPushConnection(page, timeout) {
	await page
		.waitForFunction(() => window.__e2ePush && window.__e2ePush.open, null, { timeout })
		.catch(async () => {
			const state = await page.evaluate(() => window.__e2ePush).catch(() => undefined);
			throw new Error(
				`the editor's push connection did not open within ${timeout / 1000}s (${JSON.stringify(state)})`,
			);
		});
}

module.exports.trackPushConnection = trackPushConnection;
module.exports.waitForPushConnection = waitForPushConnection;
