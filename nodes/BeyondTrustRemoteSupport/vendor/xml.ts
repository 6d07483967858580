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
	isArray: (tagName: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) =>
		!isAttribute && REPEATABLE.has(tagName),
});

/** Parses XML text into plain objects; `undefined` when the text is not well-formed XML. */
export function parseXml(text: string): Record<string, unknown> | undefined {
	if (XMLValidator.validate(text) !== true) return undefined;
	return parser.parse(text) as Record<string, unknown>;
}
