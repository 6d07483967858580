// A minimal OAuth2 client for the simulator's RMS authorization server (simulator/rms/oauth.js),
// doing over real HTTP what n8n and a browser do: open the authorize page, press Approve, read the
// code from the redirect, exchange it with the PKCE verifier, refresh.
'use strict';
const crypto = require('crypto');

const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
const form = (fields) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function pkcePair() {
	const verifier = crypto.randomBytes(32).toString('base64url');
	return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

/** GET the authorize page; returns { status, html, location } (location when it redirected). */
async function openAuthorize(sim, params) {
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: sim.rmsOAuth.clientId,
		redirect_uri: REDIRECT_URI,
		state: 'st-1',
		code_challenge_method: 'S256',
		...params,
	});
	const res = await fetch(`${sim.rmsOAuth.authUrl}?${query}`, { redirect: 'manual' });
	return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

/** Presses Approve (or Deny) on a consent page; returns the redirect URL. */
async function decide(sim, html, decision = 'approve') {
	const request = /name="request" value="([^"]+)"/.exec(html)[1];
	const res = await fetch(sim.rmsOAuth.authUrl, {
		method: 'POST',
		headers: FORM,
		body: form({ request, decision }),
		redirect: 'manual',
	});
	return new URL(res.headers.get('location'));
}

/** Authorize page + Approve: { code, state, verifier, redirectUri }. */
async function obtainCode(sim, { verifier, scope } = {}) {
	const pair = verifier ? { verifier } : pkcePair();
	const challenge =
		pair.challenge || crypto.createHash('sha256').update(pair.verifier).digest('base64url');
	const page = await openAuthorize(sim, { code_challenge: challenge, ...(scope ? { scope } : {}) });
	const back = await decide(sim, page.html);
	return {
		code: back.searchParams.get('code'),
		state: back.searchParams.get('state'),
		verifier: pair.verifier,
		redirectUri: REDIRECT_URI,
	};
}

/** POST to the token endpoint with the client's credentials in the body; { status, json }. */
async function tokenRequest(sim, fields) {
	const res = await fetch(sim.rmsOAuth.accessTokenUrl, {
		method: 'POST',
		headers: FORM,
		body: form({
			client_id: sim.rmsOAuth.clientId,
			client_secret: sim.rmsOAuth.clientSecret,
			...fields,
		}),
	});
	return { status: res.status, json: await res.json() };
}

const exchange = (sim, { code, verifier, redirectUri = REDIRECT_URI }) =>
	tokenRequest(sim, {
		grant_type: 'authorization_code',
		code,
		redirect_uri: redirectUri,
		code_verifier: verifier,
	});

/** The whole flow: the token answer (access_token, refresh_token, expires_in, scope). */
async function connect(sim) {
	const res = await exchange(sim, await obtainCode(sim));
	if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(res.json)}`);
	return res.json;
}

module.exports = {
	REDIRECT_URI,
	pkcePair,
	openAuthorize,
	decide,
	obtainCode,
	tokenRequest,
	exchange,
	connect,
};
