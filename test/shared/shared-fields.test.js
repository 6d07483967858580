// The fields and error parts nodes/shared builds for all three services: one Request Timeout
// (same bounds everywhere, the service's own sentence), one Operation picker per resource, and a
// failure turned into a NodeApiError with the status, item and secrets the service passes.
'use strict';
const path = require('path');

const dist = (file) => require(path.resolve(__dirname, '../../dist/nodes', file));
const { MAX_SECONDS } = dist('shared/validation.js');
const { failureToApiError, networkFailure, retryAfterHint } = dist('shared/apiError.js');
const { TeltonikaRms } = dist('TeltonikaRms/TeltonikaRms.node.js');
const { BeyondTrustRemoteSupport } = dist(
	'BeyondTrustRemoteSupport/BeyondTrustRemoteSupport.node.js',
);
const { Rimo3 } = dist('Rimo3/Rimo3.node.js');

const NODES = {
	RMS: new TeltonikaRms(),
	BeyondTrust: new BeyondTrustRemoteSupport(),
	Rimo3: new Rimo3(),
};

describe.each(Object.entries(NODES))('%s node', (service, node) => {
	const { properties } = node.description;

	test('every Request Timeout has the shared bounds and names this service', () => {
		const timeouts = properties
			.filter((p) => p.name === 'options')
			.flatMap((p) => p.options.filter((o) => o.name === 'requestTimeout'));
		expect(timeouts.length).toBeGreaterThan(0);
		for (const option of timeouts) {
			expect(option.displayName).toBe('Request Timeout (Seconds)');
			expect(option.typeOptions).toEqual({
				minValue: 0.1,
				maxValue: MAX_SECONDS.requestTimeout,
				numberPrecision: 1,
			});
			expect(option.description).toContain(`HTTP request to ${service} may take`);
		}
	});

	test('one Operation picker per resource, shown for that resource only', () => {
		const resources = properties.find((p) => p.name === 'resource').options.map((o) => o.value);
		const pickers = properties.filter((p) => p.name === 'operation');
		expect(pickers.map((p) => p.displayOptions.show.resource)).toEqual(
			expect.arrayContaining(resources.map((r) => [r])),
		);
		expect(pickers).toHaveLength(resources.length);
		for (const picker of pickers) {
			expect(picker.noDataExpression).toBe(true);
			expect(picker.options.map((o) => o.value)).toContain(picker.default);
		}
	});
});

describe('failure helpers', () => {
	const node = { name: 'Test', type: 'test', typeVersion: 1, parameters: {} };
	const ctx = { action: 'list things', host: 'api.example.com', itemIndex: 2 };

	test('failureToApiError passes the secrets to the wording and replaces them in the error', () => {
		const seen = [];
		const describe = (failure, c, secrets) => {
			seen.push(secrets);
			return { message: `failed to ${c.action} with s3cr3t-value`, description: 'details' };
		};
		const error = failureToApiError(
			node,
			describe,
			{ status: 500 },
			ctx,
			new Set(['s3cr3t-value']),
		);
		expect(seen).toEqual([['s3cr3t-value']]);
		expect(error.message).not.toContain('s3cr3t-value');
		expect(error.message).toMatch(/\[item 2\]$/);
		expect(error.httpCode).toBe('500');
	});

	test('failureToApiError shows the status the service gives, or none', () => {
		const describe = () => ({ message: 'm', description: 'd' });
		const hidden = failureToApiError(node, describe, { status: 200 }, ctx, [], () => undefined);
		expect(hidden.httpCode).toBeNull();
		expect(failureToApiError(node, describe, { status: 404 }, ctx, []).httpCode).toBe('404');
	});

	test('networkFailure keeps the raw code out of the message', () => {
		const explained = networkFailure('Svc', ctx, 'ECONNRESET', 'closed the connection', 'Check.');
		expect(explained).toEqual({
			message: 'Svc at api.example.com closed the connection while trying to list things',
			description: 'Network error ECONNRESET. Check.',
		});
	});

	test('retryAfterHint rounds the wait up and is empty without one', () => {
		expect(retryAfterHint('Svc', { retryAfterSeconds: 1.2 })).toBe(' Svc asks to wait 2 s.');
		expect(retryAfterHint('Svc', {})).toBe('');
	});
});
