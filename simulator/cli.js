#!/usr/bin/env node
'use strict';
// Standalone simulator: `npm run simulator -- [--port 8787] [--channel-complete-ms 1500]`.
// The port also comes from SIM_PORT; 0 picks a free one. Stops cleanly on Ctrl+C / SIGTERM.

const { startSimulator } = require('./server');

const NUMBER_FLAGS = { '--port': 'port', '--channel-complete-ms': 'channelCompleteMs' };

/** Accepts "--flag value" and "--flag=value". */
function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		if (flag === '--help' || flag === '-h') args.help = true;
		if (!NUMBER_FLAGS[flag]) continue;
		const value = Number(inline !== undefined ? inline : argv[++i]);
		if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number`);
		args[NUMBER_FLAGS[flag]] = value;
	}
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log('Usage: node simulator/cli.js [--port 8787] [--channel-complete-ms 1500]');
		return;
	}
	const port = args.port ?? Number(process.env.SIM_PORT || 8787);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`invalid port: ${process.env.SIM_PORT}`);
	const sim = await startSimulator({ port, channelCompleteMs: args.channelCompleteMs });
	const lines = [
		`Simulator listening on ${sim.url} (loopback only)`,
		'Teltonika RMS',
		`  base URL    ${sim.rms.baseUrl}`,
		`  status URL  ${sim.rms.statusUrl}`,
		...Object.entries(sim.rms.tokens).map(([name, token]) => `  token ${name.padEnd(12)}${token}`),
		'Teltonika RMS OAuth2 (credential: Use Custom OAuth2 Endpoints)',
		`  authorization URL ${sim.rmsOAuth.authUrl}`,
		`  access token URL  ${sim.rmsOAuth.accessTokenUrl}`,
		`  client ID         ${sim.rmsOAuth.clientId}`,
		`  client secret     ${sim.rmsOAuth.clientSecret}`,
		'BeyondTrust Remote Support',
		`  site URL      ${sim.beyondtrust.siteUrl}`,
		`  client ID     ${sim.beyondtrust.clientId}`,
		`  client secret ${sim.beyondtrust.clientSecret}`,
		'Rimo3',
		`  base URL      ${sim.rimo3.baseUrl}`,
		`  client ID     ${sim.rimo3.clientId}`,
		`  client secret ${sim.rimo3.clientSecret}`,
		'Control API',
		`  ${sim.url}/__sim/info | stats | requests | faults (GET/POST/DELETE) | reset (POST)`,
		`  ${sim.url}/__sim/beyondtrust/<revokeAll|rotateSecret|setNamespace|setAuthFailure> (POST)`,
	];
	console.log(lines.join('\n'));
	const stop = async () => {
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(`simulator: ${error.message}`);
	process.exit(1);
});
