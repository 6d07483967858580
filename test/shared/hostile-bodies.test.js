// Hostile 2xx bodies: BeyondTrust XML with a DOCTYPE (internal entities, entity expansion) is
// refused as unreadable XML with the node's own error, and an answer over the size cap (26 MB
// here) is refused with an error saying it is larger than allowed.
'use strict';
const { json, xml, stopAfterEach } = require('./servers');
const { SERVICES, startOrigin, runNode, userVisible } = require('./origins');

const UNREADABLE_XML = 'BeyondTrust answered with XML that could not be read';
const NS = 'http://www.beyondtrust.com/sra/namespaces/API/command';
const reps = (inner) => `<logged_in_reps xmlns="${NS}"><rep id="1">${inner}</rep></logged_in_reps>`;

const track = stopAfterEach();

describe('BeyondTrust XML with a DOCTYPE', () => {
	const service = SERVICES.beyondtrust;

	test('an internal entity is not expanded into output: the node fails with its own XML error', async () => {
		const body = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY f "forged">]>\n${reps('<public_display_name>&f;</public_display_name><display_name>&f;</display_name>')}`;
		const origin = await track(startOrigin(service, { api: () => xml(200, body) }));
		const result = await runNode(service, origin.url);
		expect(userVisible(result)).not.toContain('forged');
		expect(result.error).toBeDefined();
		expect(result.error.message).toContain(UNREADABLE_XML);
	});

	test('an entity expanded past 100 KB (billion-laughs style) gives the same node error, no raw parser text', async () => {
		const entity = `<!ENTITY lol "${'lol'.repeat(400)}">`; // 1.2 KB, referenced 100 times
		const body = `<?xml version="1.0"?>\n<!DOCTYPE lolz [${entity}]>\n${reps(`<display_name>${'&lol;'.repeat(100)}</display_name>`)}`;
		const origin = await track(startOrigin(service, { api: () => xml(200, body) }));
		const result = await runNode(service, origin.url);
		expect(userVisible(result)).not.toContain('lollollol');
		expect(result.error).toBeDefined();
		expect(result.error.message).toContain(UNREADABLE_XML);
		expect(`${result.error.message} ${result.error.description}`).not.toContain('[EntityReplacer]');
	});
});

describe('a 26 MB answer', () => {
	const PAD = 'x'.repeat(26 * 1024 * 1024);
	const CASES = [
		[
			'RMS JSON',
			SERVICES.rms,
			() =>
				json(200, `{"success":true,"data":[],"meta":{"total":0,"pad":"${PAD}"}}`, {
					'Content-Type': 'application/json',
				}),
		],
		[
			'BeyondTrust XML',
			SERVICES.beyondtrust,
			() => xml(200, `<?xml version="1.0"?>${reps(`<display_name>${PAD}</display_name>`)}`),
		],
		[
			'Rimo3 JSON',
			SERVICES.rimo3,
			() =>
				json(200, `[{"applicationPackageId":"a","displayName":"${PAD}"}]`, {
					'Content-Type': 'application/json',
				}),
		],
	];

	test.each(CASES)(
		'%s is refused: the error says it is larger than allowed',
		async (_name, service, answer) => {
			const origin = await track(startOrigin(service, { api: answer }));
			const result = await runNode(service, origin.url);
			expect(result.error).toBeDefined();
			expect(result.error.message).toMatch(/larger than/i);
		},
		60_000,
	);
});
