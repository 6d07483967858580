// The remote-access policy of the RMS credential: checked before any RMS call, naming the field
// and the item; a node cannot widen it; as an AI tool, List sessions withholds links.
'use strict';
const { startSimulator } = require('../../simulator');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rmsParameters } = require('../helpers/operation-parameters');
const { singleNodeWorkflow, rmsCredentials } = require('../helpers/remote-access-workflows');
const { loadTypes } = require('../helpers/type-registry');

const NODE = 'Node';
const TYPE = 'n8n-nodes-remote-access.teltonikaRms';
let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, channelCompleteMs: 50 });
	// n8n offers the node to agents as "<type>Tool" (docs/vendor-behaviour.md): the same class.
	const { nodeTypes } = await loadTypes();
	nodeTypes.byFullName[`${TYPE}Tool`] = nodeTypes.byFullName[TYPE];
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const fast = { pollInterval: 0.02, pollTimeout: 10 };
function run(parameters, policy = {}, type = TYPE) {
	return runWorkflow(singleNodeWorkflow(type, 'teltonikaRmsApi', parameters), {
		credentials: rmsCredentials(sim, sim.rms.tokens.full, policy),
	});
}
const rms = rmsParameters(fast);
const { generate, start } = rms;
const create = (p) => rms.create({ name: 'Policy_Test', ...p });
const deviceLink = (p) => rms.deviceLink({ linkType: 'cli', ...p });
const anywhere = { policyAllowedNetworks: '0.0.0.0/0' };

// [case, parameters, credential policy, the exact message]
const refused = [
	[
		'a public address (default policy)',
		generate({ destinationIp: '8.8.8.8' }),
		{},
		"LAN IP Address 8.8.8.8 is outside the allowed networks of the credential's policy (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) [item 0]",
	],
	[
		'loopback over telnet (default policy)',
		generate({ destinationIp: '127.0.0.1', destinationPort: 23, protocol: 'telnet' }),
		{},
		"LAN IP Address 127.0.0.1 is outside the allowed networks of the credential's policy (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) [item 0]",
	],
	[
		'loopback even when every network is allowed',
		create({ destinationIp: '127.0.0.1' }),
		anywhere,
		"LAN IP Address 127.0.0.1 is a loopback address, refused unless the credential's policy names it (e.g. 127.0.0.1/32) [item 0]",
	],
	[
		'0.0.0.0',
		generate({ destinationIp: '0.0.0.0' }),
		anywhere,
		"LAN IP Address 0.0.0.0 is 0.0.0.0, refused unless the credential's policy names it (e.g. 0.0.0.0/32) [item 0]",
	],
	[
		'the limited broadcast',
		generate({ destinationIp: '255.255.255.255' }),
		anywhere,
		"LAN IP Address 255.255.255.255 is the broadcast address, refused unless the credential's policy names it (e.g. 255.255.255.255/32) [item 0]",
	],
	[
		"the allowed network's broadcast",
		create({ destinationIp: '192.168.255.255' }),
		{},
		"LAN IP Address 192.168.255.255 is the broadcast address of 192.168.0.0/16, refused unless the credential's policy names it (e.g. 192.168.255.255/32) [item 0]",
	],
	[
		'a port outside the policy',
		generate({ destinationPort: 23, protocol: 'telnet' }),
		{ policyAllowedPorts: '22, 443, 8000-8100' },
		"Port 23 is not allowed by the credential's policy [item 0]",
	],
	[
		'a protocol outside the policy',
		create({ protocol: 'telnet', destinationPort: 23 }),
		{ policyAllowedProtocols: 'https, ssh' },
		"Protocol telnet is not allowed by the credential's policy (https, ssh) [item 0]",
	],
	[
		'generate link: longer than the policy',
		generate({ duration: 7200 }),
		{ policyMaxDuration: 3600 },
		"Duration (Seconds) must be at most 3600 seconds, the credential's policy (got 7200) [item 0]",
	],
	[
		'start: longer than the policy',
		start({ duration: 3601 }),
		{ policyMaxDuration: 3600 },
		"Duration (Seconds) must be at most 3600 seconds, the credential's policy (got 3601) [item 0]",
	],
	[
		'device link: longer than the policy',
		deviceLink({ duration: 3601 }),
		{ policyMaxDuration: 3600 },
		"Duration (Seconds) must be at most 3600 seconds, the credential's policy (got 3601) [item 0]",
	],
	[
		'a broken network in the policy',
		generate(),
		{ policyAllowedNetworks: '192.168.0.0/33' },
		'Policy: Allowed Destination Networks has "192.168.0.0/33", not an IPv4 CIDR such as 192.168.0.0/16 [item 0]',
	],
];

test.each(refused)(
	'%s: refused before any RMS call',
	async (_case, parameters, policy, message) => {
		const result = await run(parameters, policy);
		expect(result.error).toBeDefined();
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe(message);
		expect(sim.requests({ path: '/api/' })).toEqual([]);
	},
);

test('a loopback address named by the policy is allowed', async () => {
	const result = await run(
		create({ destinationIp: '127.0.0.1', destinationPort: 80, protocol: 'http' }),
		{
			policyAllowedNetworks: '192.168.0.0/16, 127.0.0.1/32',
		},
	);
	expect(result.error).toBeUndefined();
});

test('the policy asks for an RMS login: created configurations require it, the node cannot drop it', async () => {
	const result = await run(create({ options: { ...fast, credentialsRequired: false } }), {
		policyCredentialsRequired: true,
	});
	expect(result.error).toBeUndefined();
	const posts = sim.requests({ method: 'POST', path: '/api/devices/remote-access' });
	expect(posts).toHaveLength(1);
	expect(JSON.stringify(posts[0].body)).toContain('"credentials_required":true');
});

test('List sessions as an AI tool withholds the links unless the policy shows them', async () => {
	const list = {
		resource: 'connectSession',
		operation: 'getAll',
		scope: 'accessId',
		accessId: 62002,
		activeOnly: false,
	};
	const asNode = await run(list);
	expect(asNode.error).toBeUndefined();
	const nodeItems = asNode.outputs[NODE];
	expect(nodeItems.length).toBeGreaterThan(0);
	expect(nodeItems.every((s) => typeof s.link === 'string' && s.link !== '')).toBe(true);

	const asTool = await run(list, {}, `${TYPE}Tool`);
	expect(asTool.error).toBeUndefined();
	const toolItems = asTool.outputs[NODE];
	expect(toolItems).toHaveLength(nodeItems.length);
	for (const s of toolItems) {
		expect(s).not.toHaveProperty('link');
		expect(s.link_withheld).toBe(true);
	}

	const shown = await run(list, { policyShowLinksToTools: true }, `${TYPE}Tool`);
	expect(shown.outputs[NODE].map((s) => s.link)).toEqual(nodeItems.map((s) => s.link));
});

describe("the router's own LAN address (its main WebUI entry's destination)", () => {
	test('is refused before anything is created or started, from the list the node reads anyway', async () => {
		const result = await run(generate({ destinationIp: '192.168.1.1', destinationPort: 443 }));
		expect(result.error.message).toBe(
			"LAN IP Address 192.168.1.1 is the router's own address on device 1001, refused unless the credential's policy names it (e.g. 192.168.1.1/32) [item 0]",
		);
		const rms = sim.stats().personalities.rms;
		expect(rms.sessionsStarted).toBe(0);
		expect(sim.requests().filter((r) => r.method !== 'GET')).toEqual([]);
	});

	test('is allowed when the policy names it as a /32', async () => {
		const result = await run(generate({ destinationIp: '192.168.1.1', destinationPort: 443 }), {
			policyAllowedNetworks: '192.168.1.0/24, 192.168.1.1/32',
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[NODE][0].link).toMatch(/^https:\/\//);
	});
});
