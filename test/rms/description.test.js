// What the editor shows of the two Teltonika RMS nodes, read from their built descriptions: short
// locator mode labels, Simplify as a top-level toggle, no ID field that hides its required mark
// behind a 0, operation names and actions in n8n's style, and descriptions without research notes.
'use strict';
const path = require('path');
require('../helpers/n8n-env');
const { Workflow } = require('n8n-workflow');
const { loadTypes } = require('../helpers/type-registry');

const DIST = path.join(__dirname, '..', '..', 'dist', 'nodes');
const { TeltonikaRms } = require(path.join(DIST, 'TeltonikaRms', 'TeltonikaRms.node.js'));
const { TeltonikaRmsTrigger } = require(
	path.join(DIST, 'TeltonikaRmsTrigger', 'TeltonikaRmsTrigger.node.js'),
);

const rms = new TeltonikaRms();
const trigger = new TeltonikaRmsTrigger();
const NODES = [
	['Teltonika RMS', rms.description],
	['Teltonika RMS Trigger', trigger.description],
];

/** Every property, nested collection options included. */
function allProperties(properties) {
	return properties.flatMap((p) => [
		p,
		...(Array.isArray(p.options) && p.options.some((o) => o.displayName)
			? allProperties(p.options)
			: []),
	]);
}

const shownIn = (p, resource, operation) => {
	const show = p.displayOptions?.show ?? {};
	return show.resource?.includes(resource) && show.operation?.includes(operation);
};
const forVersion = (p, version) => {
	const versions = p.displayOptions?.show?.['@version'];
	return !versions || versions.includes(version);
};

describe.each(NODES)('%s', (_name, description) => {
	const properties = allProperties(description.properties);

	test('resource locator modes have short labels that the field does not cut', () => {
		const labels = properties
			.filter((p) => p.type === 'resourceLocator')
			.flatMap((p) => p.modes.map((m) => m.displayName));
		// "From List" (9 characters) is what n8n's own nodes show there; "By Serial" (9, wider letters) was cut.
		for (const label of labels) expect(label.length).toBeLessThanOrEqual(9);
		for (const label of labels) expect(label).not.toBe('By Serial');
	});

	test('no field name, option or description carries a research caveat or an engineering note', () => {
		const texts = properties.flatMap((p) => [
			p.displayName,
			p.description ?? '',
			...(Array.isArray(p.options) ? p.options.flatMap((o) => [o.name, o.description ?? '']) : []),
		]);
		const notes = /beta|unconfirmed|not official|N8N_PROXY_HOPS|worker|⌈|a fifth of|GET \//i;
		expect(texts.filter((t) => notes.test(String(t)))).toEqual([]);
	});
});

describe('Teltonika RMS', () => {
	const properties = allProperties(rms.description.properties);

	// n8n's mode selector is about 91 px wide: "By Serial Number" showed as "By Seria", and even
	// "By Serial" was cut by 2 px in n8n 2.40.7's editor.
	test('the Device field opens on "Serial", with "From List" and "ID", labels that fit the mode selector', () => {
		const device = rms.description.properties.find((p) => p.name === 'device');
		expect(device.default).toEqual({ mode: 'serial', value: '' });
		expect(device.modes.map((m) => [m.name, m.displayName])).toEqual([
			['serial', 'Serial'],
			['list', 'From List'],
			['id', 'ID'],
		]);
	});

	test.each([
		['device', 'get'],
		['device', 'getAll'],
	])('%s %s: Simplify is a top-level toggle, on by default, from node version 1.1', (r, o) => {
		expect(rms.description.defaultVersion).toBe(1.1);
		const simplify = rms.description.properties.filter(
			(p) => p.name === 'simplify' && shownIn(p, r, o),
		);
		expect(simplify).toHaveLength(1);
		expect(simplify[0]).toMatchObject({
			displayName: 'Simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
		});
		expect(forVersion(simplify[0], 1.1)).toBe(true);
		expect(forVersion(simplify[0], 1)).toBe(false);
		// version 1 keeps Simplify under Options, so saved nodes keep their meaning
		const options = rms.description.properties.filter(
			(p) => p.name === 'options' && shownIn(p, r, o),
		);
		const simplifyUnderOptions = (version) =>
			options
				.filter((p) => forVersion(p, version))
				.flatMap((p) => p.options.map((x) => x.name))
				.includes('simplify');
		expect(simplifyUnderOptions(1)).toBe(true);
		expect(simplifyUnderOptions(1.1)).toBe(false);
	});

	test('no ID field defaults to 0; every required ID field starts empty, with a list to pick from', () => {
		const ids = properties.filter((p) => /ID\b/.test(p.displayName));
		expect(ids.map((p) => p.name).sort()).toEqual(
			expect.arrayContaining(['accessId', 'sessionId']),
		);
		for (const p of ids) expect(p.default).not.toBe(0);
		for (const p of ids.filter((x) => x.required)) {
			expect(p.type).toBe('resourceLocator');
			expect(p.default).toEqual({ mode: 'list', value: '' });
			expect(p.modes.map((m) => m.displayName)).toEqual(['From List', 'ID']);
			const list = p.modes.find((m) => m.name === 'list');
			expect(Object.keys(rms.methods.listSearch)).toContain(list.typeOptions.searchListMethod);
		}
		// Start, Delete, Close and List sessions by access ID all have one
		const requiredIn = (name) =>
			rms.description.properties
				.filter((p) => p.name === name && p.required)
				.flatMap((p) => p.displayOptions.show.operation);
		expect(requiredIn('accessId').sort()).toEqual(['delete', 'getAll', 'start']);
		expect(requiredIn('sessionId')).toEqual(['close']);
	});

	const operations = rms.description.properties.filter((p) => p.name === 'operation');
	const pairs = operations.flatMap((p) =>
		p.options.map((o) => [p.displayOptions.show.resource[0], o.value, o.name, o.action]),
	);

	test('every operation: name in Title Case, action the same words as a sentence, in n8n style', () => {
		for (const [, , name, action] of pairs) {
			expect(name.split(' ').every((w) => /^[A-Z]/.test(w))).toBe(true);
			expect(action[0]).toBe(action[0].toUpperCase());
			const later = action.split(' ').slice(1);
			expect(later.filter((w) => w !== w.toLowerCase() && w !== 'ID')).toEqual([]);
			// the panel's action contains the dropdown's words in the same order
			const words = name.toLowerCase().split(' ');
			let at = 0;
			for (const word of words) {
				at = action.toLowerCase().indexOf(word, at);
				expect(at).toBeGreaterThanOrEqual(0);
			}
		}
	});

	test('one-record actions use an article (Get a device), list actions "Get many"', () => {
		expect(pairs.map(([r, v, name, action]) => [`${r}.${v}`, name, action])).toEqual([
			['device.generateLink', 'Generate Device Link', 'Generate a device link'],
			['device.get', 'Get', 'Get a device'],
			['device.getAll', 'Get Many', 'Get many devices'],
			['remoteAccess.create', 'Create', 'Create a remote access'],
			['remoteAccess.delete', 'Delete', 'Delete a remote access'],
			['remoteAccess.getAccessId', 'Get Access ID', 'Get an access ID'],
			['remoteAccess.getAll', 'Get Many', 'Get many remote accesses'],
			['connectSession.close', 'Close', 'Close a connect session'],
			['connectSession.generateLink', 'Generate Connect Link', 'Generate a connect link'],
			['connectSession.getLogs', 'Get Logs', 'Get connect logs'],
			['connectSession.getAll', 'Get Many', 'Get many connect sessions'],
			['connectSession.start', 'Start', 'Start a connect session'],
		]);
	});

	test('Poll Interval says what it does in a few words, without the cadence formula', () => {
		const interval = properties.find((p) => p.name === 'pollInterval');
		expect(interval.description).toMatch(/^How often to check whether RMS has finished/);
		expect(interval.description).not.toMatch(/twice|fifth|grow to/);
	});
});

describe('Teltonika RMS Trigger', () => {
	test('the canvas subtitle shows the event by its display name, not its value', async () => {
		const { nodeTypes } = await loadTypes();
		const events = trigger.description.properties.find((p) => p.name === 'event').options;
		for (const e of events) {
			const node = {
				id: 't',
				name: 'T',
				type: 'n8n-nodes-remote-access.teltonikaRmsTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { event: e.value },
			};
			const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
			const shown = workflow.expression.getSimpleParameterValue(
				workflow.getNode('T'),
				trigger.description.subtitle,
				'internal',
				{},
			);
			expect(shown).toBe(`On ${e.name}`);
		}
	});

	test('the cost notice speaks of requests a month, not of ⌈n / 100⌉', () => {
		const notices = trigger.description.properties.filter((p) => p.type === 'notice');
		expect(notices.length).toBeGreaterThan(0);
		for (const n of notices) {
			expect(n.displayName).toMatch(/^Each poll uses one RMS request per 100 /);
			expect(n.displayName).toContain('every minute about 43,200 (43.2 %)');
		}
	});
});
