// Makes sure Debian's chromium is present; installs it with apt-get (through sudo when not root).
'use strict';
const fs = require('fs');
const { spawnSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  console.log(`[e2e] ${CHROMIUM} is missing: installing chromium with ${root ? '' : 'sudo '}apt-get (one time)`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const cmd = root ? 'apt-get' : 'sudo';
    const argv = root ? args : ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with ${r.status}; install it yourself: sudo apt-get install -y chromium`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install`);
  return CHROMIUM;
}

// Flags from the brief: headless, no sandbox (root), and no background traffic.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

module.exports = { ensureChromium, CHROMIUM, CHROMIUM_ARGS };

if (require.main === module) console.log(ensureChromium());
