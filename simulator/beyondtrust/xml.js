'use strict';
// XML writing for the BeyondTrust personality. Two namespace generations are served:
// `bomgar` (RS 19.1: http://www.bomgar.com/namespaces/API/<api>) and `beyondtrust`
// (current: http://www.beyondtrust.com/sra/namespaces/API/<api>).

const NAMESPACES = {
	bomgar: (api) => `http://www.bomgar.com/namespaces/API/${api}`,
	beyondtrust: (api) => `http://www.beyondtrust.com/sra/namespaces/API/${api}`,
};

const escape = (value) =>
	String(value)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');

/** el('name', { attr: 1 }, children...) -> string; children are strings (escaped) or el() results. */
function el(name, attrs, ...children) {
	const attrText = Object.entries(attrs || {})
		.filter(([, v]) => v !== undefined && v !== null)
		.map(([k, v]) => ` ${k}="${escape(v)}"`)
		.join('');
	const inner = children
		.flat()
		.filter((c) => c !== undefined && c !== null)
		.map((c) => (c && c.xml ? c.xml : escape(c)))
		.join('');
	return { xml: inner === '' ? `<${name}${attrText}/>` : `<${name}${attrText}>${inner}</${name}>` };
}

function doc(namespace, api, root) {
	const ns = (NAMESPACES[namespace] || NAMESPACES.bomgar)(api);
	const xml = root.xml.replace(/^<([\w:]+)/, `<$1 xmlns="${ns}"`);
	return {
		status: 200,
		text: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`,
		contentType: 'text/xml; charset=UTF-8',
	};
}

module.exports = { el, doc, NAMESPACES };
