// `http://` to a host that is not loopback is refused before any request (the secret would travel
// in clear), unless the credential's "allow insecure HTTP" toggle is on. Loopback stays allowed.
// The runner lets nothing but 127.0.0.1 leave the process; with the toggle on, the .invalid host
// is answered by nock inside the process, so nothing is ever sent.
'use strict';
const nock = require('nock');
const { SERVICES, startOrigin, runNode, tokenAnswer } = require('./origins');
const { stopAfterEach } = require('./servers');

const track = stopAfterEach();

const INSECURE = {
	rms: {
		baseUrl: 'http://rms.example.invalid/api',
		statusUrl: 'http://rms.example.invalid/status',
	},
	beyondtrust: { siteUrl: 'http://support.example.invalid' },
	rimo3: { baseUrl: 'http://rimo3.example.invalid' },
};

describe.each(Object.entries(SERVICES))('%s', (key, service) => {
	test('http:// to a non-loopback host: refused before any request, the message says https', async () => {
		const result = await runNode(service, 'unused', { credentials: INSECURE[key] });
		expect(result.requests).toEqual([]);
		expect(result.error).toBeDefined();
		expect(result.error.message).toMatch(/https/i);
	});

	test('with allowInsecureHttp the call is made and succeeds', async () => {
		const origin = new URL(Object.values(INSECURE[key])[0]).origin;
		const answer = (reply) => () => [reply.status, reply.body, reply.headers];
		const scope = nock(origin).persist();
		if (service.tokenPath) scope.post(service.tokenPath).reply(answer(tokenAnswer()));
		scope
			.intercept(service.apiPath, service.apiMethod || 'GET')
			.query(true)
			.reply(answer(service.ok()));
		try {
			const result = await runNode(service, 'unused', {
				credentials: { ...INSECURE[key], allowInsecureHttp: true },
			});
			expect(result.error).toBeUndefined();
			expect(result.outputs.Node).toHaveLength(1);
			expect(result.requests.map((r) => new URL(r.url).origin)).toContain(origin);
		} finally {
			nock.cleanAll();
		}
	});

	test('http://127.0.0.1 works without the toggle', async () => {
		const origin = await track(startOrigin(service));
		const result = await runNode(service, origin.url);
		expect(result.error).toBeUndefined();
		expect(result.outputs.Node).toHaveLength(1);
	});
});
