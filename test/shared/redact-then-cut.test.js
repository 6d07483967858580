// Server texts are shortened for messages (BeyondTrust 500 characters, Rimo3 300, OAuth2 300):
// secrets are replaced first, then the text is cut, so no part of a secret stands at the cut; and
// a secret is also found in the shapes a server or the node itself escapes it to (JSON, URL and
// form encoding), not only as typed.
'use strict';
const path = require('path');
const { json, xml, stopAfterEach } = require('./servers');
const { SECRETS, SERVICES, startOrigin, runNode, CONTINUE_ON_FAIL } = require('./origins');

const { redact, redactAndCut, REDACTED } = require(
	path.resolve(__dirname, '../../dist/nodes/shared/redact.js'),
);
const { readFailure } = require(path.resolve(__dirname, '../../dist/nodes/shared/httpFailure.js'));
const { explainCommon, buildApiError } = require(
	path.resolve(__dirname, '../../dist/nodes/shared/apiError.js'),
);

const track = stopAfterEach();
const { beyondtrust, rimo3 } = SERVICES;

/** The texts a user sees: the error's message and description, and every output string. */
function visibleTexts(result) {
	const texts = [result.error?.message, result.error?.description];
	const walk = (value) => {
		if (typeof value === 'string') texts.push(value);
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(result.outputs);
	return texts.filter((t) => typeof t === 'string').join('\n');
}

const bearer = (r) => (r.headers.authorization || '').replace(/^Bearer /, '');
const btError = (text) => xml(200, `<?xml version="1.0"?><error>${text}</error>`);

// Each secret starts 20 characters before the cut, so the old code showed its first 20 characters.
const CUT_CASES = [
	[
		'BeyondTrust <error>: the client secret at the 500-character cut',
		beyondtrust,
		() => btError(`${'x'.repeat(480)}${SECRETS.clientSecret} and more`),
		SECRETS.clientSecret,
	],
	[
		'BeyondTrust <error>: the access token at the 500-character cut',
		beyondtrust,
		(r) => btError(`${'x'.repeat(480)}${bearer(r)} and more`),
		SECRETS.accessToken,
	],
	[
		'Rimo3 problem errors: the client secret at the 300-character cut',
		rimo3,
		// JSON.stringify({ file: ['…'] }) starts with 10 characters before the text.
		() =>
			json(400, {
				title: 'Invalid',
				errors: { file: [`${'x'.repeat(270)}${SECRETS.clientSecret}`] },
			}),
		SECRETS.clientSecret,
	],
	[
		'Rimo3 text answer: the access token at the 300-character cut',
		rimo3,
		(r) => ({
			status: 502,
			body: `${'x'.repeat(280)}${bearer(r)} and more`,
			headers: { 'Content-Type': 'text/plain' },
		}),
		SECRETS.accessToken,
	],
];

describe.each(CUT_CASES)('%s', (_name, service, answer, secret) => {
	const prefix = secret.slice(0, 15);

	test('no prefix of the secret shows in the error', async () => {
		const origin = await track(startOrigin(service, { api: answer }));
		const result = await runNode(service, origin.url);
		expect(result.error).toBeDefined();
		const visible = visibleTexts(result);
		expect(visible).toContain('xxxxxxxxxx'); // the server's text is quoted
		expect(visible).not.toContain(prefix);
	});

	test('Continue On Fail: no prefix of the secret shows in the output item', async () => {
		const origin = await track(startOrigin(service, { api: answer }));
		const result = await runNode(service, origin.url, { node: CONTINUE_ON_FAIL });
		expect(result.error).toBeUndefined();
		expect(result.outputs.Node).toHaveLength(1);
		expect(visibleTexts(result)).not.toContain(prefix);
	});
});

// A secret with characters JSON and URLs escape; its distinctive tail survives every escaping.
const TAIL = 'Wm4LpQ7xT';
const ODD_SECRET = `sec"re\\t /+Zq8${TAIL}`;

const ESCAPE_CASES = [
	[
		'Rimo3 problem errors quote the secret: the node JSON-escapes it (\\" and \\\\)',
		rimo3,
		() => json(400, { title: 'Invalid', errors: { clientSecret: [`bad value ${ODD_SECRET}`] } }),
	],
	[
		'BeyondTrust <error> quotes a JSON body that carries the secret JSON-escaped',
		beyondtrust,
		() => btError(`upstream said ${JSON.stringify({ client_secret: ODD_SECRET })}`),
	],
	[
		'BeyondTrust <error> quotes the form-encoded token request (space as +)',
		beyondtrust,
		() =>
			btError(
				`bad request: ${new URLSearchParams({ grant_type: 'client_credentials', client_secret: ODD_SECRET })}`.replace(
					/&/g,
					'&amp;',
				),
			),
	],
	[
		'Rimo3 text answer quotes the secret URL-encoded with lower-case hex',
		rimo3,
		() => ({
			status: 400,
			body: `bad client_secret=${encodeURIComponent(ODD_SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
			headers: { 'Content-Type': 'text/plain' },
		}),
	],
];

describe.each(ESCAPE_CASES)('%s', (_name, service, answer) => {
	test('the escaped secret does not show', async () => {
		const origin = await track(startOrigin(service, { api: answer }));
		const result = await runNode(service, origin.url, {
			credentials: { clientSecret: ODD_SECRET },
		});
		expect(result.error).toBeDefined();
		const visible = visibleTexts(result);
		expect(visible).toContain(REDACTED); // the server's text is quoted, the secret replaced
		expect(visible).not.toContain(TAIL);
	});
});

describe('the shared redact-then-cut function', () => {
	const secret = 'client-secret-Zm3Kd6Jy1FsA';

	test.each([0, 1, 5, 13, 25, 26, 40])(
		'a secret starting %i characters before the cut never shows a prefix',
		(before) => {
			const text = `${'a'.repeat(100 - before)}${secret}${'b'.repeat(50)}`;
			const out = redactAndCut(text, [secret], 100);
			expect(out.length).toBeLessThanOrEqual(101);
			for (let n = 6; n <= secret.length; n++) expect(out).not.toContain(secret.slice(0, n));
			expect(out).not.toMatch(/\[reda?c?t?e?d?$/);
		},
	);

	test('a text cut short by the server, ending with the start of a secret, loses that end', () => {
		expect(redact(`invalid secret ${secret.slice(0, 12)}`, [secret])).toBe(
			`invalid secret ${REDACTED}`,
		);
	});

	test('escaped forms: JSON (also PHP-style), URL, form, HTML and base64', () => {
		const odd = `a/b"c\\d é&<'${TAIL}`;
		const forms = [
			JSON.stringify(odd).slice(1, -1),
			JSON.stringify(JSON.stringify(odd).slice(1, -1)).slice(1, -1),
			JSON.stringify(odd).slice(1, -1).replace(/\//g, '\\/').replace('é', '\\u00e9'),
			encodeURIComponent(odd),
			new URLSearchParams({ v: odd }).toString().slice(2),
			odd
				.replace(/&/g, '&amp;')
				.replace(/</g, '&lt;')
				.replace(/"/g, '&quot;')
				.replace(/'/g, '&#39;'),
			Buffer.from(odd).toString('base64'),
		];
		for (const form of forms) {
			expect(redact(`seen: ${form} end`, [odd])).toBe(`seen: ${REDACTED} end`);
		}
	});

	test('a long text is searched far enough that the cut lies inside what was searched', () => {
		// Many secrets replaced by a shorter mark: the first 300 characters come from far into the text.
		const long = 'S'.repeat(400);
		const text = `${long.repeat(200)}${'q'.repeat(100)}`;
		const out = redactAndCut(text, [long], 300);
		expect(out).not.toContain('SSSSSS');
		expect(out.startsWith(REDACTED.repeat(29))).toBe(true);
	});

	test('an OAuth2 refusal is cut only after the secret is replaced', () => {
		const error = {
			code: 'EAUTH',
			body: { error: 'invalid_grant', error_description: `${'x'.repeat(270)}${secret}` },
		};
		const explained = explainCommon(readFailure(error), [secret]);
		const node = { name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
		const built = buildApiError(node, explained, { secrets: [secret] });
		expect(built.message).toContain('xxxxxxxxxx');
		expect(built.message).not.toContain(secret.slice(0, 10));
	});
});
