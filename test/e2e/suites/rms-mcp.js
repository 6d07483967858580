// The Teltonika RMS tools over MCP: examples/rms-mcp-server.json is imported and
// published, and an MCP client from the npm registry (@modelcontextprotocol/sdk) talks to its
// production URL on the running server, with no language model involved: it lists the three
// tools, calls Generate connect link and gets the https link, and gets the node's own error text
// back for a bad argument, the credential's policy refusing what it does not allow, and the trigger
// refusing a client without the Bearer token. test/e2e/run.js runs every suite listed in suites/index.js.
'use strict';
const assert = require('assert');
const rms = require('./rms');
const { MCP_BEARER, credentials } = require('../../../simulator/credentials');

const MCP_PATH = 'teltonika-rms-tools-7c41d9e2b5a8'; // the trigger's Path in the example
const LINK = /^https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com$/;
const TOOLS = ['Generate_connect_link', 'Get_device', 'List_sessions'];
const rmsStats = (sim) => sim.stats().personalities.rms;

/**
 * Connects over streamable HTTP (or the older SSE transport), waiting for the published trigger's
 * route to be registered. Both are served at the same production URL.
 */
async function connect(inst, { sse = false, waitMs = 30000, token = MCP_BEARER.token } = {}) {
	const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
	const {
		StreamableHTTPClientTransport,
	} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
	const { SSEClientTransport } = require('@modelcontextprotocol/sdk/client/sse.js');
	const url = new URL(`${inst.url}/mcp/${MCP_PATH}`);
	const t0 = Date.now();
	for (;;) {
		const client = new Client({ name: 'n8n-nodes-remote-access-e2e', version: '1.0.0' });
		try {
			const requestInit = token ? { headers: { Authorization: `Bearer ${token}` } } : {};
			await client.connect(
				sse
					? new SSEClientTransport(url, { requestInit })
					: new StreamableHTTPClientTransport(url, { requestInit }),
			);
			return client;
		} catch (e) {
			await client.close().catch(() => {});
			if (!/404/.test(e.message) || Date.now() - t0 > waitMs) throw e;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
}

const textOf = (result) =>
	(result.content || [])
		.filter((c) => c.type === 'text')
		.map((c) => c.text)
		.join('\n');

async function listAndCall({ inst, sim }) {
	const client = await connect(inst);
	try {
		const { tools } = await client.listTools();
		assert.deepStrictEqual(tools.map((t) => t.name).sort(), TOOLS);
		const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
		const generate = byName.Generate_connect_link;
		assert.match(generate.description, /temporary https link/);
		for (const key of ['serial', 'lan_ip', 'port', 'protocol', 'duration_seconds'])
			assert.ok(generate.inputSchema.properties[key], `Generate_connect_link takes ${key}`);
		assert.strictEqual(generate.inputSchema.properties.port.type, 'number');
		assert.match(generate.inputSchema.properties.lan_ip.description, /IPv4 address/);
		assert.deepStrictEqual(Object.keys(byName.Get_device.inputSchema.properties), ['serial']);
		assert.deepStrictEqual(Object.keys(byName.List_sessions.inputSchema.properties).sort(), [
			'active_only',
			'serial',
		]);
		assert.match(byName.Get_device.description, /serial number/);
		assert.match(byName.List_sessions.description, /Connect sessions/);

		const result = await client.callTool({
			name: 'Generate_connect_link',
			arguments: {
				serial: '1111111111',
				lan_ip: '192.168.1.10',
				port: 443,
				protocol: 'https',
				duration_seconds: 600,
			},
		});
		const text = textOf(result);
		assert.ok(!result.isError, `tool error: ${text.slice(0, 300)}`);
		const [link] =
			text.match(/https:\/\/[0-9a-f]{32}\.proxy1-connect\.rms\.teltonika-networks\.com/) || [];
		assert.match(link || '', LINK, `no link in: ${text.slice(0, 300)}`);
		assert.strictEqual(rmsStats(sim).sessionsStarted, 1);
		return [`MCP tools/list: ${tools.length} tools; tools/call Generate_connect_link → ${link}`];
	} finally {
		await client.close();
	}
}

async function badArgument({ inst, sim }) {
	const client = await connect(inst);
	try {
		const result = await client.callTool({
			name: 'Generate_connect_link',
			arguments: {
				serial: '1111111111',
				lan_ip: '999.1.1.1',
				port: 443,
				protocol: 'https',
				duration_seconds: 600,
			},
		});
		const text = textOf(result);
		assert.strictEqual(result.isError, true, `not marked as an error: ${text.slice(0, 300)}`);
		assert.match(text, /LAN IP Address/, `the field is not named: ${text.slice(0, 300)}`);
		assert.match(text, /999\.1\.1\.1/);
		assert.strictEqual(rmsStats(sim).sessionsStarted, 0);
		assert.strictEqual(sim.stats().requests, 0, 'nothing reached RMS');
		return [`MCP tools/call with lan_ip 999.1.1.1 → isError, "${text.slice(0, 160)}"`];
	} finally {
		await client.close();
	}
}

async function policyRefusals({ inst, sim }) {
	const client = await connect(inst);
	try {
		const call = async (args) =>
			textOf(
				await client.callTool({
					name: 'Generate_connect_link',
					arguments: { serial: '1111111111', protocol: 'https', duration_seconds: 600, ...args },
				}),
			);
		const loopback = await call({ lan_ip: '127.0.0.1', port: 443 });
		assert.match(loopback, /outside the allowed networks|refused unless the credential's policy/);
		const port = await call({ lan_ip: '192.168.1.10', port: 8080 });
		assert.match(port, /8080 is not allowed by the credential's policy/);
		const long = await call({ lan_ip: '192.168.1.10', port: 443, duration_seconds: 7200 });
		assert.match(long, /at most 3600 seconds/);
		assert.strictEqual(sim.stats().requests, 0, 'nothing reached RMS');
		return ['MCP tools/call 127.0.0.1, port 8080, 2 h → the policy refuses each, 0 RMS requests'];
	} finally {
		await client.close();
	}
}

async function withoutToken({ inst }) {
	const url = `${inst.url}/mcp/${MCP_PATH}`;
	const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
	const headers = {
		'content-type': 'application/json',
		accept: 'application/json, text/event-stream',
	};
	// The connect() above waited for the route; a client without the token is refused.
	await connect(inst).then((c) => c.close());
	const none = await fetch(url, { method: 'POST', headers, body });
	const wrong = await fetch(url, {
		method: 'POST',
		headers: { ...headers, authorization: 'Bearer not-the-token' },
		body,
	});
	assert.strictEqual(none.status, 403, `no token: HTTP ${none.status}`);
	assert.strictEqual(wrong.status, 403, `wrong token: HTTP ${wrong.status}`);
	return [`MCP without the Bearer token → ${none.status}, with a wrong one → ${wrong.status}`];
}

async function overSse({ inst, sim }) {
	const client = await connect(inst, { sse: true });
	try {
		const { tools } = await client.listTools();
		assert.deepStrictEqual(tools.map((t) => t.name).sort(), TOOLS);
		const result = await client.callTool({
			name: 'Get_device',
			arguments: { serial: '1111111111' },
		});
		const text = textOf(result);
		assert.ok(!result.isError, `tool error: ${text.slice(0, 300)}`);
		assert.match(text, /RUTX11 Office/);
		assert.strictEqual(rmsStats(sim).sessionsStarted, 0);
		return [`MCP over SSE: ${tools.length} tools; Get_device 1111111111 → RUTX11 Office`];
	} finally {
		await client.close();
	}
}

module.exports = {
	name: 'Teltonika RMS over MCP',
	key: 'mcp',
	nodeType: `${rms.nodeType}Tool`,
	credentialType: rms.credentialType,
	// the tools' RMS credential carries the narrow policy an administrator would set for an agent
	credentials: (sim) => [
		...credentials.rms(sim),
		...credentials.rmsAgents(sim),
		...credentials.mcpBearer(),
	],
	credentialRef: rms.credentialRef,
	operations: [],
	examples: [
		{ file: 'examples/rms-mcp-server.json', via: 'server', label: 'list + call', run: listAndCall },
		{
			file: 'examples/rms-mcp-server.json',
			via: 'server',
			label: 'bad LAN IP → the node’s error',
			run: badArgument,
		},
		{ file: 'examples/rms-mcp-server.json', via: 'server', label: 'SSE transport', run: overSse },
		{
			file: 'examples/rms-mcp-server.json',
			via: 'server',
			label: 'the credential policy refuses',
			run: policyRefusals,
		},
		{
			file: 'examples/rms-mcp-server.json',
			via: 'server',
			label: 'no Bearer token → 403',
			run: withoutToken,
		},
	],
};
