// Every number a user or an AI agent gives has a stated maximum: the editor shows it (maxValue) and
// the node refuses more, naming the field and the item, before any request.
'use strict';
const path = require('path');
const pkg = require('../../package.json');

const ROOT = path.resolve(__dirname, '../..');
const dist = (file) => require(path.join(ROOT, 'dist', file));

function numberFields(properties, where = []) {
	return (properties ?? []).flatMap((p) => {
		const here = [...where, p.displayName];
		const own = p.type === 'number' ? [{ where: here.join(' → '), p }] : [];
		const nested = [
			...(Array.isArray(p.options) ? p.options.filter((o) => o.type || o.values) : []),
			...(Array.isArray(p.values) ? p.values : []),
		];
		return [...own, ...numberFields(nested, here)];
	});
}

const nodes = pkg.n8n.nodes.map((file) => {
	const exported = require(path.join(ROOT, file));
	const NodeClass = Object.values(exported)[0];
	return [file, new NodeClass().description];
});

test.each(nodes)('%s: every number field states its maximum', (_file, description) => {
	const missing = numberFields(description.properties)
		.filter(({ p }) => p.typeOptions?.maxValue === undefined)
		.map(({ where }) => where);
	expect(missing).toEqual([]);
});

// A context that answers Return All off and the given Limit, and counts nothing else.
const limitContext = (limit) => ({
	getNodeParameter: (name) => (name === 'returnAll' ? false : limit),
	getNode: () => ({ name: 'Node', type: 'test', typeVersion: 1, parameters: {} }),
});

// Every node reads Limit with the one reader in nodes/shared.
test('Limit takes 10000 and refuses 10001, naming the field and the item', () => {
	const { readLimit } = dist('nodes/shared/params.js');
	expect(readLimit(limitContext(10000), 0)).toBe(10000);
	expect(() => readLimit(limitContext(10001), 3)).toThrow(/^Limit must be .*10000.*\[item 3\]$/);
});
