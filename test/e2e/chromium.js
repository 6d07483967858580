// Makes sure Debian's chromium is present (the e2e run is allowed to apt-get it as root).
'use strict';
const fs = require('fs');
const { spawnSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${CHROMIUM} is missing; install it with: sudo apt-get install -y chromium chromium-driver`);
  }
  console.log('[e2e] installing chromium with apt-get (one time)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'chromium-driver']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with ${r.status}`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install`);
  return CHROMIUM;
}

// Flags from the brief: headless, no sandbox (root), and no background traffic.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

module.exports = { ensureChromium, CHROMIUM, CHROMIUM_ARGS };

if (require.main === module) console.log(ensureChromium());
