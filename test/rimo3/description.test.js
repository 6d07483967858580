// What the editor shows for Rimo3: option names and descriptions in a user's words (what is not
// confirmed about the API is written in docs/vendor-behaviour.md), with the values saved
// workflows hold unchanged.
'use strict';
const path = require('path');

const { Rimo3 } = require(path.resolve(__dirname, '../../dist/nodes/Rimo3/Rimo3.node.js'));

/** Every name and description in the node's properties, options and collections. */
function texts(properties, out = []) {
	for (const p of properties) {
		for (const key of ['displayName', 'name', 'description', 'action', 'hint']) {
			if (typeof p[key] === 'string') out.push(p[key]);
		}
		if (Array.isArray(p.options)) texts(p.options, out);
		if (Array.isArray(p.values)) texts(p.values, out);
	}
	return out;
}

const properties = new Rimo3().description.properties;

test('no research caveat in any name or description', () => {
	const caveats = texts(properties).filter((t) =>
		/beta|unconfirmed|public (link )?example|public script|working scripts|official doc|not (publicly )?documented|that we know of/i.test(
			t,
		),
	);
	expect(caveats).toEqual([]);
});

test('Progress Step keeps its values: 2 and 3 for a file, Default (0), 2 and 3 for a link', () => {
	const steps = properties.filter((p) => p.name === 'progressStep');
	const bySource = Object.fromEntries(
		steps.map((p) => [p.displayOptions.show.source[0], { default: p.default, options: p.options }]),
	);
	expect(bySource.binary.default).toBe(2);
	expect(bySource.binary.options.map((o) => o.value)).toEqual([2, 3]);
	expect(bySource.link.default).toBe(0);
	expect(bySource.link.options).toEqual([
		{ name: 'Default (0)', value: 0 },
		{ name: 'Import, Discovery and Baseline (2)', value: 2 },
		{ name: 'Import, Discovery, Baseline and Smoke Test (3)', value: 3 },
	]);
});

test('the Options collection holds the Request Timeout, as in the other nodes', () => {
	const options = properties.find((p) => p.name === 'options');
	expect(options.type).toBe('collection');
	expect(options.options.map((o) => o.name)).toEqual(['requestTimeout']);
	expect(options.options[0].default).toBe(120);
});
