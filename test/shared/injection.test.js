// Values from responses and inputs that could steer a request: an RMS status-channel name with
// "../" must never become a path, a binary's mime type with CR/LF must never become a multipart
// header, and `user:password@` in a URL must never reach a message.
'use strict';
const { startServer, stopAfterEach, json } = require('./servers');
const { SERVICES, startOrigin, runNode } = require('./origins');
const { rmsParameters } = require('../helpers/operation-parameters');

const track = stopAfterEach();

test('RMS: a channel name "../../evil/steal?x=1" from a connect answer reaches no path; the node fails', async () => {
	const completed = {
		success: true,
		data: {
			1001: [
				{
					status: 'completed',
					type: 'text',
					value: 'done',
					errorCode: 0,
					link: 'abc.proxy1-connect.rms.teltonika-networks.com',
				},
			],
		},
	};
	const origin = await track(
		startOrigin(SERVICES.rms, {
			api: (r) =>
				r.path.startsWith('/api/devices/connect/')
					? json(200, { success: true, meta: { channel: '../../evil/steal?x=1' } })
					: json(200, completed),
		}),
	);
	const parameters = rmsParameters({ pollInterval: 0.25, pollTimeout: 5 }).start();
	const result = await runNode(SERVICES.rms, origin.url, { parameters });
	expect(origin.requests.map((r) => r.path)).toContain('/api/devices/connect/62002');
	expect(origin.requests.filter((r) => /evil/i.test(r.url))).toEqual([]);
	expect(result.error).toBeDefined();
});

test('Rimo3 upload: a mime type with CR/LF never becomes a multipart header line', async () => {
	const service = SERVICES.rimo3;
	const origin = await track(
		startOrigin(service, {
			api: () =>
				json(200, {
					sequenceIdentifier: '00000000-0000-4000-8000-000000000901',
					applicationPackageId: '00000000-0000-4000-8000-000000000201',
				}),
		}),
	);
	const parameters = {
		resource: 'applicationPackage',
		operation: 'upload',
		binaryPropertyName: 'data',
		displayName: 'Widget 2.0',
		fileName: 'setup.exe',
		progressStep: 2,
	};
	const binary = {
		data: {
			data: Buffer.from('PK fake zip').toString('base64'),
			mimeType: 'text/plain\r\nX-Injected: 1',
			fileName: 'widget.zip',
		},
	};
	const result = await runNode(service, origin.url, { parameters, input: [{ json: {}, binary }] });
	const injected = origin.requests.filter(
		(r) => /(^|[\r\n])X-Injected/i.test(r.body) || 'x-injected' in r.headers,
	);
	expect(injected).toEqual([]);
	// Either the upload went out with a clean header, or the node refused it before any call.
	if (result.error)
		expect(
			origin.requests.filter((r) => r.path === '/api/v2/application-packages/upload/manual'),
		).toEqual([]);
});

test.each([
	[
		'answers 500',
		() =>
			json(500, { success: false, errors: [{ code: 'SERVER_ERROR', message: 'Server error.' }] }),
	],
	['closes the connection', () => ({ drop: true })],
])(
	'RMS: user:password@ in the API URL is not in the message, the host is (the server %s)',
	async (_name, answer) => {
		const origin = await track(startServer(answer));
		const credentials = {
			baseUrl: `http://user:sekret@${origin.host}/api`,
			statusUrl: `http://user:sekret@${origin.host}/status`,
		};
		const result = await runNode(SERVICES.rms, origin.url, { credentials });
		expect(origin.requests.length).toBeGreaterThan(0);
		expect(result.error).toBeDefined();
		expect(result.error.message).toContain(origin.host);
		expect(`${result.error.message} ${result.error.description}`).not.toContain('sekret');
	},
);
