'use strict';
// The Rimo3 Cloud personality under /rimo3 (docs/vendor-behaviour.md, the Rimo3 entries): token
// at /api/v2/connect/token (Basic client_id:secret), /api/v2/connect/test, application packages
// (a bare JSON array), per-package sequences, the multipart manual upload and the JSON upload
// from a download link (never fetched here). Reply shapes that no public source shows
// (sequences, upload answer beyond sequenceIdentifier, errors) are invented here and say so.

const crypto = require('crypto');
const { OAuthClients } = require('../oauth-clients');
const { parseForm, parseJson, parseMultipart } = require('../http-utils');
const { readMultipartStream } = require('./multipart-stream');

const PREFIX = '/rimo3';
const CLIENT = { clientId: 'rimo3-sim-client-3a7c', clientSecret: 'rimo3-sim-secret-e81f0b52' };
const STEPS = ['Import', 'Discovery', 'Baseline', 'Test'];

const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function buildSeed() {
	const pkg = (n, displayName, manufacturer, productVersion, fileName, done) => ({
		applicationPackageId: uuid(n),
		displayName,
		manufacturer,
		productVersion,
		fileName,
		sequences: STEPS.slice(0, done).map((step, i) => ({
			sequenceIdentifier: uuid(n * 100 + i),
			step,
			status: 'Completed',
			result: step === 'Test' ? 'Passed' : 'Succeeded',
		})),
	});
	return {
		packages: [
			pkg(101, 'Contoso Viewer', 'Contoso', '1.2.3', 'setup.exe', 4),
			pkg(102, 'Fabrikam Agent', 'Fabrikam', '7.0.1', 'agent.msi', 3),
			pkg(103, 'Northwind CRM', 'Northwind', '2024.2', 'install.cmd', 1),
		],
		next: 200,
	};
}

// A package as the API lists it: without the simulator's own sequence records.
function publicPackage(pkg) {
	const listed = { ...pkg };
	delete listed.sequences;
	return listed;
}
const problem = (status, title, errors) => ({
	status,
	body: { title, status, ...(errors ? { errors } : {}) },
});

/** Validation of the JSON link upload, in the manner of the multipart one (messages invented). */
function linkUploadErrors(body) {
	const errors = {};
	const text = (v) => typeof v === 'string' && v.trim() !== '';
	if (!text(body.fileLink) || !/^https?:\/\/[^\s/@]+(\/\S*)?$/i.test(body.fileLink))
		errors.fileLink = ['fileLink must be an http(s) URL.'];
	if (!text(body.displayName)) errors.displayName = ['The displayName field is required.'];
	if (!text(body.fileName)) errors.fileName = ['The fileName field is required.'];
	if (![0, 2, 3].includes(body.progressStep))
		errors.progressStep = ['progressStep must be the number 0, 2 or 3.'];
	if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every(text)))
		errors.tags = ['tags must be an array of strings.'];
	return errors;
}

function createRimo3Personality(options = {}) {
	const clock = options.clock || Date.now;
	const oauth = new OAuthClients({ accounts: [CLIENT], clock, prefix: 'r3' });
	let state = buildSeed();
	let counters = { rimo3Uploads: 0, rimo3Tests: 0 };
	const received = [];

	/** A new package with its pipeline queued; the answer as the manual upload gives it. */
	function createPackage({ displayName, publisher, version, fileName, tags, fileLink, steps }) {
		const n = state.next++;
		const sequenceIdentifier = crypto.randomUUID();
		state.packages.push({
			applicationPackageId: uuid(n),
			displayName,
			manufacturer: publisher || null,
			productVersion: version || null,
			fileName,
			tags,
			...(fileLink ? { fileLink } : {}),
			sequences: STEPS.slice(0, steps).map((step, i) => ({
				sequenceIdentifier: i === 0 ? sequenceIdentifier : crypto.randomUUID(),
				step,
				status: i === 0 ? 'InProgress' : 'Queued',
				result: null,
			})),
		});
		counters.rimo3Uploads += 1;
		return { status: 200, body: { sequenceIdentifier, applicationPackageId: uuid(n) } };
	}

	const routes = [
		{
			method: 'POST',
			path: `${PREFIX}/api/v2/connect/token`,
			public: true,
			handler: (ctx) => oauth.mint(ctx.headers, ctx.body || { grant_type: 'client_credentials' }),
		},
		{
			method: 'GET',
			path: `${PREFIX}/api/v2/connect/test`,
			handler: () => {
				counters.rimo3Tests += 1;
				return { status: 200, body: { message: 'Authenticated' } };
			},
		},
		{
			method: 'GET',
			path: `${PREFIX}/api/v2/application-packages`,
			handler: () => ({ status: 200, body: state.packages.map(publicPackage) }),
		},
		{
			method: 'GET',
			path: `${PREFIX}/api/v2/application-packages/{id}/sequences`,
			handler: ({ params }) => {
				const found = state.packages.find((p) => p.applicationPackageId === params.id);
				if (!found) return problem(404, 'Application package not found.');
				return {
					status: 200,
					body: found.sequences.map((s) => ({
						applicationPackageId: found.applicationPackageId,
						...s,
					})),
				};
			},
		},
		{
			method: 'POST',
			path: `${PREFIX}/api/v2/application-packages/upload/manual`,
			handler: ({ body }) => {
				if (!body || !body.multipart) return problem(415, 'Expected multipart/form-data.');
				const { fields, files } = body.multipart;
				const one = (name) => (fields[name] || [])[0];
				const errors = {};
				const file = files.find((f) => f.name === 'file');
				if (!file || !file.size) errors.file = ['A file is required.'];
				if (!one('displayName')) errors.displayName = ['The displayName field is required.'];
				if (!one('fileName')) errors.fileName = ['The fileName field is required.'];
				if (!['2', '3'].includes(one('progressStep')))
					errors.progressStep = ['progressStep must be 2 or 3.'];
				if (Object.keys(errors).length)
					return problem(400, 'One or more validation errors occurred.', errors);
				received.push({ ...file, displayName: one('displayName') });
				return createPackage({
					displayName: one('displayName'),
					publisher: one('publisher'),
					version: one('version'),
					fileName: one('fileName'),
					tags: fields.tags || [],
					steps: one('progressStep') === '3' ? 4 : 3,
				});
			},
		},
		{
			method: 'POST',
			path: `${PREFIX}/api/v2/application-packages/upload/manual/link`,
			handler: ({ body }) => {
				if (!body || typeof body !== 'object' || Array.isArray(body))
					return problem(415, 'Expected a JSON object.');
				const errors = linkUploadErrors(body);
				if (Object.keys(errors).length)
					return problem(400, 'One or more validation errors occurred.', errors);
				return createPackage({
					...body,
					tags: body.tags || [],
					// 0's effect is not known: here it runs the import only (invented).
					steps: { 0: 1, 2: 3, 3: 4 }[body.progressStep],
				});
			},
		},
	];

	return {
		name: 'rimo3',
		prefixes: [PREFIX],
		routes,
		/** The file upload is read as it streams in (hashed and counted, never held whole). */
		readsBody: (req, pathname) =>
			req.method === 'POST' &&
			pathname === `${PREFIX}/api/v2/application-packages/upload/manual` &&
			/multipart\/form-data/i.test(String(req.headers['content-type'] || '')),
		async readBody(req) {
			const multipart = await readMultipartStream(req, req.headers['content-type']);
			// As JSON text, so the request log shows the fields and the file's size and hash.
			return JSON.stringify(multipart ? { multipart } : { badMultipart: true });
		},
		parseBody(raw, headers) {
			const type = String(headers['content-type'] || '');
			if (/multipart\/form-data/i.test(type) && raw.startsWith('{')) {
				const summary = JSON.parse(raw);
				return summary.multipart ? { value: summary } : { error: new Error('bad multipart') };
			}
			if (/multipart\/form-data/i.test(type)) {
				const multipart = parseMultipart(raw, type);
				return multipart ? { value: { multipart } } : { error: new Error('bad multipart') };
			}
			if (/x-www-form-urlencoded/i.test(type)) return { value: parseForm(raw) };
			return parseJson(raw);
		},
		authorize(ctx, route) {
			if (route.public) return null;
			const principal = oauth.principal(ctx.headers);
			if (!principal) return { status: 401, body: { title: 'Unauthorized', status: 401 } };
			ctx.principal = principal;
			return null;
		},
		errorResponse: (status, { message } = {}) =>
			problem(status, message || (status === 429 ? 'Too many requests.' : `HTTP ${status}`)),
		tick: () => oauth.expire(),
		reset() {
			state = buildSeed();
			counters = { rimo3Uploads: 0, rimo3Tests: 0 };
			received.length = 0;
			oauth.reset();
		},
		stats: () => ({
			...counters,
			rimo3TokensMinted: oauth.counters.minted,
			rimo3TokensRevoked: oauth.counters.revoked,
			rimo3ValidTokens: oauth.validTokens(),
		}),
		info: (url) => ({
			baseUrl: `${url}${PREFIX}`,
			clientId: CLIENT.clientId,
			clientSecret: CLIENT.clientSecret,
			revokeAll: () => oauth.revokeAll(),
			rotateSecret: (newSecret) => oauth.rotateSecret(CLIENT.clientId, newSecret),
			stats: () => ({ ...counters, tokensMinted: oauth.counters.minted }),
			state: () => JSON.parse(JSON.stringify(state)),
			/** Files of accepted uploads as received: name, size, sha256, display name. */
			received: () => received.map((f) => ({ ...f })),
		}),
	};
}

module.exports = { createRimo3Personality, CLIENT };
