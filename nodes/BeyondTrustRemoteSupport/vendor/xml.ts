import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The only file that imports fast-xml-parser. The build bundles it into
 * dist/nodes/BeyondTrustRemoteSupport/vendor/xml.js with esbuild (gulp build:vendor), so the
 * published package keeps zero runtime dependencies.
 */

/** Element names that may repeat in Command and Reporting API answers; always arrays. */
const REPEATABLE = new Set([
	'rep',
	'representative',
	'support_team',
	'team',
	'issue',
	'member',
	'session',
	'session_summary',
	'customer',
	'event',
	'value',
	'permission',
	'count',
	'connected_client',
	'appliance_summary',
	'ip',
	'custom_attribute',
	'summary',
	'error',
]);

// The five entities XML predefines; a DOCTYPE (refused before parsing) could declare no others.
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g;

/** A code point XML 1.0 allows as a character (no NUL, C0 controls, surrogates, U+FFFE/U+FFFF). */
function isXmlChar(cp: number): boolean {
	if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
	if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) return false;
	return cp <= 0x10ffff;
}

/**
 * Decodes character references (`&#233;`, `&#x1F600;`) and the five predefined entities in one
 * pass: a decoded `&` is never read again, so nothing expands twice or without bound. A reference
 * to a code point XML does not allow becomes U+FFFD; an unknown name stays as written.
 */
export function decodeReferences(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(REFERENCE, (whole, ref: string) => {
		if (ref[0] !== '#') return NAMED[ref] ?? whole;
		const hex = ref[1] === 'x';
		const cp = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
		return isXmlChar(cp) ? String.fromCodePoint(cp) : '\uFFFD';
	});
}

/** The parser's entity hook, reduced to decodeReferences: no DOCTYPE or external entity is kept. */
const entityDecoder = {
	setExternalEntities: () => undefined,
	addInputEntities: () => undefined,
	reset: () => undefined,
	setXmlVersion: () => undefined,
	decode: decodeReferences,
};

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	textNodeName: '#text',
	// Namespaces changed between versions (bomgar.com ... / beyondtrust.com/sra ...): drop prefixes.
	removeNSPrefix: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	processEntities: true,
	entityDecoder,
	isArray: (tagName: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) =>
		!isAttribute && REPEATABLE.has(tagName),
});

/** Parses XML text into plain objects; `undefined` when the text is not well-formed XML. */
export function parseXml(text: string): Record<string, unknown> | undefined {
	if (XMLValidator.validate(text) !== true) return undefined;
	return parser.parse(text) as Record<string, unknown>;
}
