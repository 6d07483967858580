// examples/rms-mcp-server.json (the Teltonika RMS tools behind n8n's MCP Server Trigger): its shape,
// and its three tool nodes run on n8n-core against the simulator with the $fromAI() arguments
// an agent would send. The MCP round trip itself runs in real n8n (test/e2e/suites/rms-mcp.js).
const fs = require('fs');
const path = require('path');
const { simulatorPerFile } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { singleNodeWorkflow, rmsCredentials } = require('../helpers/remote-access-workflows');
// The policy the example's sticky note asks an administrator to set (npm start and the e2e import
// the same).
const { AGENT_POLICY } = require('../../simulator/credentials');

const example = JSON.parse(
	fs.readFileSync(path.resolve(__dirname, '../../examples/rms-mcp-server.json'), 'utf8'),
);
const TRIGGER = 'MCP Server Trigger';
const TOOL_TYPE = 'n8n-nodes-remote-access.teltonikaRmsTool';
const tools = example.nodes.filter((n) => n.type === TOOL_TYPE);
const FROM_AI = /\$fromAI\('(\w+)'(?:\s*,\s*'[^']*')*\s*\)/g;
const fromAiKeys = (node) =>
	[...JSON.stringify(node.parameters).matchAll(FROM_AI)].map((m) => m[1]).sort();

/** The tool node as a plain node: each $fromAI('key', …) reads $json.key of the input item. */
function asPlainNode(name) {
	const node = tools.find((n) => n.name === name);
	const parameters = JSON.parse(
		JSON.stringify(node.parameters).replace(FROM_AI, (_, key) => `$json.${key}`),
	);
	delete parameters.descriptionType;
	delete parameters.toolDescription;
	return singleNodeWorkflow('n8n-nodes-remote-access.teltonikaRms', 'teltonikaRmsApi', parameters);
}

const sim = simulatorPerFile({ channelCompleteMs: 100 });

const LINK_ARGS = {
	serial: '1111111111',
	lan_ip: '192.168.1.10',
	port: 443,
	protocol: 'https',
	duration_seconds: 600,
};
const run = (name, args, policy = AGENT_POLICY) =>
	runWorkflow(asPlainNode(name), {
		credentials: rmsCredentials(sim, sim.rms.tokens.full, policy),
		input: [args],
	});

test('an MCP Server Trigger with three RMS tools, each described and connected as ai_tool', () => {
	const trigger = example.nodes.find((n) => n.name === TRIGGER);
	expect(trigger.type).toBe('@n8n/n8n-nodes-langchain.mcpTrigger');
	// Served only to clients with the Bearer token, at a path nobody guesses.
	expect(trigger.parameters.authentication).toBe('bearerAuth');
	expect(Object.keys(trigger.credentials)).toEqual(['httpBearerAuth']);
	expect(trigger.parameters.path).toMatch(/^teltonika-rms-tools-[0-9a-f]{12}$/);
	const notes = example.nodes
		.filter((n) => n.type === 'n8n-nodes-base.stickyNote')
		.map((n) => n.parameters.content)
		.join('\n');
	expect(notes).toMatch(/\*\*Bearer token:\*\* open \*MCP clients \(Bearer token\)\*/);
	expect(notes).toMatch(/set its \*Policy\* fields/);
	for (const tool of tools)
		expect(tool.credentials.teltonikaRmsApi.name).toBe('Teltonika RMS (AI agents, simulator)');
	expect(tools.map((n) => n.name).sort()).toEqual([
		'Generate connect link',
		'Get device',
		'List sessions',
	]);
	for (const tool of tools) {
		expect(example.connections[tool.name]).toEqual({
			ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]],
		});
		expect(tool.parameters.descriptionType).toBe('manual');
		expect(tool.parameters.toolDescription.length).toBeGreaterThan(60);
	}
	expect(Object.fromEntries(tools.map((n) => [n.name, fromAiKeys(n)]))).toEqual({
		'Generate connect link': ['duration_seconds', 'lan_ip', 'port', 'protocol', 'serial'],
		'Get device': ['serial'],
		'List sessions': ['active_only', 'serial'],
	});
});

test('Generate connect link with the arguments an agent sends returns the https link', async () => {
	const result = await run('Generate connect link', LINK_ARGS);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node[0].link).toMatch(/^https:\/\//);
	expect(sim.stats().personalities.rms.sessionsStarted).toBe(1);
});

test('a bad LAN IP is refused before any call, naming the field', async () => {
	const result = await run('Generate connect link', { ...LINK_ARGS, lan_ip: '999.1.1.1' });
	expect(result.error.message).toMatch(/^LAN IP Address .*999\.1\.1\.1.*\[item 0\]$/);
	expect(sim.stats().requests).toBe(0);
});

test('Get device and List sessions answer for the serial', async () => {
	const device = await run('Get device', { serial: '1111111111' });
	expect(device.outputs.Node[0]).toMatchObject({ id: 1001, name: 'RUTX11 Office' });
	const sessions = await run('List sessions', { serial: '1111111111', active_only: true });
	expect(sessions.error).toBeUndefined();
	expect(sessions.outputs.Node.length).toBeGreaterThan(0);
	expect(sessions.outputs.Node.every((s) => s.active === true)).toBe(true);
});

test('the narrow policy refuses loopback, a port and a duration it does not allow, before any call', async () => {
	const refusals = [
		[{ lan_ip: '127.0.0.1' }, /LAN IP Address .*127\.0\.0\.1/],
		[{ lan_ip: '192.168.2.10' }, /outside the allowed networks/],
		[{ port: 8080 }, /8080 is not allowed by the credential's policy/],
		[{ protocol: 'telnet' }, /telnet is not allowed/],
		[{ duration_seconds: 7200 }, /at most 3600 seconds/],
	];
	for (const [args, pattern] of refusals) {
		const result = await run('Generate connect link', { ...LINK_ARGS, ...args });
		expect(result.error.message).toMatch(pattern);
	}
	expect(sim.stats().requests).toBe(0);
});
