// The name n8n gives a new credential: the credential type's display name without the words
// "API", "OAuth1" and "OAuth2", plus " account" (n8n's editor, getAppNameFromCredType). Each
// credential type of the package gets its own; the type names saved workflows refer to stay.
'use strict';
const path = require('path');
const pkg = require('../../package.json');

const root = path.resolve(__dirname, '../..');
const credentials = pkg.n8n.credentials.map((file) => {
	const exported = require(path.join(root, file));
	const Type = Object.values(exported)[0];
	return new Type();
});

const newCredentialName = (displayName) =>
	`${displayName
		.split(' ')
		.filter((word) => !['API', 'OAuth1', 'OAuth2'].includes(word))
		.join(' ')} account`;

test('every credential type gets a default name of its own', () => {
	const names = credentials.map((c) => newCredentialName(c.displayName));
	expect(new Set(names).size).toBe(credentials.length);
	expect(
		Object.fromEntries(credentials.map((c) => [c.name, newCredentialName(c.displayName)])),
	).toEqual({
		teltonikaRmsApi: 'Teltonika RMS Access Token account',
		teltonikaRmsOAuth2Api: 'Teltonika RMS account',
		beyondTrustRemoteSupportOAuth2Api: 'BeyondTrust Remote Support Client Credentials account',
		rimo3OAuth2Api: 'Rimo3 Client Credentials account',
	});
});

test('client-credentials types say so; only the RMS sign-in one is a browser OAuth2 flow', () => {
	for (const c of credentials) {
		const signIn = (c.extends ?? []).includes('oAuth2Api');
		if (signIn) expect(c.displayName).not.toMatch(/Client Credentials/);
		else if (/OAuth2/.test(c.name)) expect(c.displayName).toMatch(/OAuth2 Client Credentials API$/);
	}
	expect(
		credentials.filter((c) => (c.extends ?? []).includes('oAuth2Api')).map((c) => c.name),
	).toEqual(['teltonikaRmsOAuth2Api']);
});
