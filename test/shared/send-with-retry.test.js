// The one send-with-retry every client uses (nodes/shared/sendWithRetry.ts): attempts counted,
// one token renewal not counted, the order of what happens, the policy's say on changes.
'use strict';
const path = require('path');

const { sendWithRetry } = require(
	path.resolve(__dirname, '../../dist/nodes/shared/sendWithRetry.js'),
);

const response = (statusCode, body = '') => ({ statusCode, headers: {}, body });

/** A plan over scripted answers (a response, or an error to throw); records every step. */
function scripted(answers, extra = {}) {
	const log = [];
	let n = 0;
	const plan = {
		maxAttempts: 3,
		policy: 'safe',
		backoff: () => 0,
		exchange: async (renew) => {
			const answer = answers[n++];
			log.push(renew ? 'exchange(renew)' : 'exchange');
			if (answer instanceof Error) throw answer;
			return answer;
		},
		read: (r) =>
			r.statusCode === 200
				? { value: r.body }
				: { failure: { status: r.statusCode }, tokenRefused: r.statusCode === 401 },
		fail: (failure) => new Error(`failed ${failure.status ?? failure.networkCode}`),
		...extra,
	};
	return { plan, log };
}

test('a refused token is renewed once, and that repeat is not counted as an attempt', async () => {
	const { plan, log } = scripted([
		response(503),
		response(401),
		response(503),
		response(200, 'ok'),
	]);
	await expect(sendWithRetry(plan)).resolves.toBe('ok');
	expect(log).toEqual(['exchange', 'exchange', 'exchange(renew)', 'exchange']);
});

test('a token refused again after its renewal is final', async () => {
	const { plan, log } = scripted([response(401), response(401), response(200, 'never')]);
	await expect(sendWithRetry(plan)).rejects.toThrow('failed 401');
	expect(log).toEqual(['exchange', 'exchange(renew)']);
});

test('at most maxAttempts; a change is not repeated after a dropped connection', async () => {
	const five = scripted([response(503), response(503), response(503), response(200, 'late')]);
	await expect(sendWithRetry(five.plan)).rejects.toThrow('failed 503');
	expect(five.log).toHaveLength(3);
	const dropped = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
	const change = scripted([dropped, response(200, 'twice')], { policy: 'rejectedOnly' });
	await expect(sendWithRetry(change.plan)).rejects.toThrow('failed ECONNRESET');
	expect(change.log).toEqual(['exchange']);
});

test('a failure the plan accepts is the answer; the gate is passed before every attempt', async () => {
	const gated = [];
	const { plan, log } = scripted([response(503), response(404)], {
		accept: (failure) => (failure.status === 404 ? { value: 'not there yet' } : undefined),
		gate: async () => {
			gated.push('gate');
			return (r) => gated.push(`done ${r?.statusCode}`);
		},
	});
	await expect(sendWithRetry(plan)).resolves.toBe('not there yet');
	expect(log).toHaveLength(2);
	expect(gated).toEqual(['gate', 'done 503', 'gate', 'done 404']);
});
