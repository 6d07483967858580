// Namespace-agnostic reading of Command / Reporting API answers, on recorded-shape samples
// (RS 19.1 `bomgar.com` URIs and current `beyondtrust.com/sra` URIs: docs/vendor-behaviour.md,
// BeyondTrust: XML namespaces).
const path = require('path');
const fs = require('fs');

const DIST = path.resolve(__dirname, '../../dist/nodes/BeyondTrustRemoteSupport');
const { readAnswer, list } = require(`${DIST}/transport/xml.js`);
const { normalizeSession, normalizeSessionKey, normalizeRepresentative, normalizeTeam } = require(
	`${DIST}/helpers/normalize.js`,
);
const { SESSION_KEY_LEAD } = require('../helpers/output-columns');

const NS = {
	bomgarCommand: 'http://www.bomgar.com/namespaces/API/command',
	bomgarReporting: 'http://www.bomgar.com/namespaces/API/reporting',
	btReporting: 'http://www.beyondtrust.com/sra/namespaces/API/reporting',
	btCommand: 'http://www.beyondtrust.com/sra/namespaces/API/command',
};
const xml = (body) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

const SESSION_KEY = (ns) =>
	xml(`<session_key xmlns="${ns}">
  <type>support</type>
  <expires>1575045322</expires>
  <queue available="0">general</queue>
  <external_key>1234</external_key>
  <short_key>6187161</short_key>
  <key_url>https://support.example.com/?ak=0123456789abcdef0123456789abcdef</key_url>
  <mail_subject>Remote Support Invitation</mail_subject>
  <mail_body>Please click the link below.

https://support.example.com/?ak=0123456789abcdef0123456789abcdef</mail_body>
</session_key>`);

const ONE_SESSION = (ns) =>
	xml(`<session_list xmlns="${ns}">
  <session lsid="0f1e2d3c4b5a69788796a5b4c3d2e1f0">
    <session_type>support</session_type>
    <lseq>4</lseq>
    <start_time timestamp="1733239565">2024-12-03T15:26:05+00:00</start_time>
    <end_time timestamp="1733241365">2024-12-03T15:56:05+00:00</end_time>
    <duration>00:30:00</duration>
    <external_key>INC-1</external_key>
    <public_site id="1">Default</public_site>
    <primary_customer gsnumber="2">Pat</primary_customer>
    <primary_rep gsnumber="3" id="7">Rita Rep</primary_rep>
    <customer_list><customer gsnumber="2"><username>Pat</username><os>Windows 11</os><info><name>Pat</name><company>Contoso</company><issue/></info></customer></customer_list>
    <rep_list><representative gsnumber="3" id="7"><username>rita</username><display_name>Rita Rep</display_name><seconds_involved>1800</seconds_involved><session_owner>1</session_owner></representative></rep_list>
    <session_details><event timestamp="1733239565" event_type="Session Start"><performed_by type="system">System</performed_by></event></session_details>
  </session>
</session_list>`);

test.each([NS.bomgarCommand, NS.btCommand])('generate_session_key answer in %s', (ns) => {
	const outcome = readAnswer(SESSION_KEY(ns));
	expect(outcome.kind).toBe('ok');
	expect(outcome.doc.root).toBe('session_key');
	const key = normalizeSessionKey(outcome.doc.body);
	expect(key).toEqual({
		short_key: '6187161',
		external_key: '1234',
		link: 'https://support.example.com/?ak=0123456789abcdef0123456789abcdef',
		expires_at: '2019-11-29T16:35:22.000Z',
		expires_at_unix: 1575045322,
		ttl: null,
		queue: 'general',
		queue_id: null,
		queue_available: false,
		type: 'support',
		mail_subject: 'Remote Support Invitation',
		mail_body:
			'Please click the link below.\n\nhttps://support.example.com/?ak=0123456789abcdef0123456789abcdef',
	});
	expect(Object.keys(key).slice(0, 5)).toEqual(SESSION_KEY_LEAD);
});

test.each([NS.bomgarReporting, NS.btReporting])(
	'a single <session> still comes out as an array (%s)',
	(ns) => {
		const outcome = readAnswer(ONE_SESSION(ns));
		expect(outcome.kind).toBe('ok');
		const sessions = list(outcome.doc.body.session);
		expect(Array.isArray(outcome.doc.body.session)).toBe(true);
		expect(sessions).toHaveLength(1);
		const s = normalizeSession(sessions[0], true);
		expect(s).toMatchObject({
			lsid: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
			active: false,
			started_at: '2024-12-03T15:26:05.000Z',
			started_at_unix: 1733239565,
			ended_at: '2024-12-03T15:56:05.000Z',
			ended_at_unix: 1733241365,
			external_key: 'INC-1',
			primary_rep: 'Rita Rep',
			primary_rep_id: 7,
			public_site_id: 1,
			customers: [{ name: 'Pat', company: 'Contoso', issue: null, os: 'Windows 11' }],
			representatives: [{ id: 7, username: 'rita', seconds_involved: 1800, session_owner: true }],
			events: [{ type: 'Session Start', performed_by: 'System', time: '2024-12-03T15:26:05.000Z' }],
		});
	},
);

test('repeated elements, prefixed namespaces and a running session (no end_time)', () => {
	const doc = xml(`<ns2:session_list xmlns:ns2="${NS.btReporting}">
	  <ns2:session lsid="a"><ns2:start_time timestamp="1733239565">2024-12-03T15:26:05+00:00</ns2:start_time></ns2:session>
	  <ns2:session lsid="b"><ns2:start_time timestamp="1733239600">2024-12-03T15:26:40+00:00</ns2:start_time><ns2:end_time timestamp="1733239700">x</ns2:end_time></ns2:session>
	</ns2:session_list>`);
	const outcome = readAnswer(doc);
	expect(outcome.doc.root).toBe('session_list');
	const sessions = list(outcome.doc.body.session).map((s) => normalizeSession(s, false));
	expect(sessions.map((s) => [s.lsid, s.active])).toEqual([
		['a', true],
		['b', false],
	]);
	expect(sessions[0].customers).toEqual([]);
});

test('logged-in reps and teams: one or many, always arrays', () => {
	const one = readAnswer(
		xml(
			`<logged_in_reps xmlns="${NS.bomgarCommand}"><rep id="1"><public_display_name>Al</public_display_name><support_session_count>2</support_session_count><showing_on_rep_list>1</showing_on_rep_list></rep></logged_in_reps>`,
		),
	);
	expect(list(one.doc.body.rep).map(normalizeRepresentative)).toEqual([
		expect.objectContaining({
			id: 1,
			display_name: 'Al',
			support_session_count: 2,
			showing_on_rep_list: true,
			queue_id: 'rep:1',
		}),
	]);
	const none = readAnswer(xml(`<logged_in_reps xmlns="${NS.btCommand}"/>`));
	expect(none.kind).toBe('ok');
	expect(list(none.doc.body.rep)).toEqual([]);
	const teams = readAnswer(
		xml(
			`<support_teams xmlns="${NS.btCommand}"><support_team id="3"><name>T</name><members><representative id="1"><display_name>Al</display_name></representative></members><issues><issue id="9"><code_name>vpn</code_name></issue><issue id="10"><code_name>mail</code_name></issue></issues></support_team></support_teams>`,
		),
	);
	expect(list(teams.doc.body.support_team).map(normalizeTeam)).toEqual([
		{
			id: 3,
			name: 'T',
			code_name: null,
			queue_id: 'team:3',
			members: [{ id: 1, display_name: 'Al' }],
			issues: [
				{ id: 9, code_name: 'vpn', description: null },
				{ id: 10, code_name: 'mail', description: null },
			],
		},
	]);
});

test.each([
	[
		'root <error>',
		`<error xmlns="${NS.bomgarCommand}">Invalid queue_id "team:99".</error>`,
		'error',
		'Invalid queue_id "team:99".',
	],
	[
		'<error> child of a list root',
		`<logged_in_reps xmlns="${NS.btCommand}"><error>You do not have permission.</error></logged_in_reps>`,
		'error',
		'You do not have permission.',
	],
	[
		'no sessions found',
		`<error xmlns="${NS.btReporting}">No sessions found for the given search criteria.</error>`,
		'empty',
		'No sessions found for the given search criteria.',
	],
	[
		'no archives found (older wording)',
		`<error xmlns="${NS.bomgarReporting}">No archives found for the given search criteria.</error>`,
		'empty',
		'No archives found for the given search criteria.',
	],
	[
		'access_denied in XML',
		`<error xmlns="${NS.btCommand}">access_denied: The resource owner or authorization server denied the request.</error>`,
		'denied',
		'access_denied: The resource owner or authorization server denied the request.',
	],
	[
		'error with a code attribute',
		`<error code="1" xmlns="${NS.btReporting}">Invalid report type.</error>`,
		'error',
		'Invalid report type.',
	],
])('%s', (_name, body, kind, message) => {
	expect(readAnswer(xml(body))).toEqual({ kind, message });
});

test('JSON access_denied from the OAuth layer, malformed and empty bodies', () => {
	expect(
		readAnswer({
			error: 'access_denied',
			message: 'The resource owner or authorization server denied the request.',
		}).kind,
	).toBe('denied');
	expect(readAnswer('{"error":"access_denied"}').kind).toBe('denied');
	expect(readAnswer('<session_list><session lsid="a">').kind).toBe('malformed');
	expect(readAnswer('').kind).toBe('malformed');
	expect(readAnswer('<html><body>Login</body></html>').kind).toBe('ok'); // well-formed: the caller finds no expected elements
});

test('character references are decoded in text and attributes; named entities still work', () => {
	const answer = readAnswer(
		xml(`<session_list xmlns="${NS.btReporting}"><session lsid="a&#x31;">
  <customer_list><customer gsnumber="1"><username>Jos&#233; &#x1F600; &#x41;&#65;</username>
  <info><name>Tom &amp; Jerry &lt;ok&gt; &quot;q&quot; &apos;s&apos;</name></info></customer></customer_list>
</session></session_list>`),
	);
	expect(answer.kind).toBe('ok');
	const [session] = list(answer.doc.body.session);
	expect(session['@lsid']).toBe('a1');
	const [customer] = list(session.customer_list.customer);
	expect(customer.username).toBe('José 😀 AA');
	expect(customer.info.name).toBe('Tom & Jerry <ok> "q" \'s\'');
});

test('character references decode once, never twice; forbidden code points become U+FFFD', () => {
	const one = (inner) => readAnswer(xml(`<error>${inner}</error>`)).message;
	// `&amp;#233;` is the text "&#233;": decoding it again would forge characters.
	expect(one('a &amp;#233; b &amp;amp; c')).toBe('a &#233; b &amp; c');
	// NUL, a C0 control, a lone surrogate, U+FFFE, beyond U+10FFFF: never passed on.
	expect(one('x&#0;&#x1;&#xD800;&#xFFFE;&#x110000;&#99999999999999999999;y')).toBe(
		'x\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDy',
	);
	// Tab and newline are characters XML allows; an unknown name is left as written.
	expect(one('a&#9;b &nbsp; &unknown;')).toBe('a\tb &nbsp; &unknown;');
	// CDATA is literal text.
	expect(one('<![CDATA[&#233;&amp;]]>')).toBe('&#233;&amp;');
});

test('many references in one answer: linear, each decoded to one character', () => {
	const many = '&#x41;'.repeat(50_000);
	expect(readAnswer(xml(`<error>${many}</error>`)).message).toBe('A'.repeat(50_000));
});

test('the build bundles fast-xml-parser: no runtime require of it anywhere in dist', () => {
	const files = fs
		.readdirSync(path.resolve(__dirname, '../../dist'), { recursive: true })
		.filter((f) => f.endsWith('.js'));
	const offenders = files.filter((f) =>
		/require\(["']fast-xml-parser["']\)/.test(
			fs.readFileSync(path.resolve(__dirname, '../../dist', f), 'utf8'),
		),
	);
	expect(offenders).toEqual([]);
	const pkg = require('../../package.json');
	expect(pkg.dependencies).toBeUndefined();
	expect(pkg.devDependencies['fast-xml-parser']).toMatch(/^\d+\.\d+\.\d+$/);
});
