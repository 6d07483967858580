// Rimo3 node + credential on n8n-core's WorkflowExecute against the simulator.
const { simulatorPerTest } = require('../helpers/simulator-hooks');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rimo3Workflow, rimo3Credentials } = require('../helpers/remote-access-workflows');

const sim = simulatorPerTest();
const r3 = () => sim.stats().personalities.rimo3;
/** Runs the Rimo3 node with `parameters` on `input` (one empty item unless given). */
const run = (parameters, input = [{}]) =>
	runWorkflow(rimo3Workflow(parameters), { credentials: rimo3Credentials(sim), input });
const sequencesOf = (id) => ({
	resource: 'applicationPackage',
	operation: 'getSequences',
	applicationPackage: { __rl: true, mode: 'id', value: id },
});
/** Upload of the file in binary field `data` as package `displayName` (file name setup.exe). */
const binaryUpload = (displayName, progressStep, extra) => ({
	resource: 'applicationPackage',
	operation: 'upload',
	binaryPropertyName: 'data',
	displayName,
	fileName: 'setup.exe',
	progressStep,
	...extra,
});
/** An input item whose binary field `data` holds a zip file of this name and content (base64). */
const zipItem = (fileName, base64) => ({
	json: {},
	binary: { data: { data: base64, mimeType: 'application/zip', fileName } },
});

test('500 items in one execution: exactly one token minted', async () => {
	const result = await run(
		{
			resource: 'applicationPackage',
			operation: 'getAll',
			returnAll: true,
			filters: { manufacturer: 'Contoso' },
		},
		Array.from({ length: 500 }, () => ({})),
	);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node).toHaveLength(500);
	expect(result.outputs.Node[0]).toMatchObject({
		displayName: 'Contoso Viewer',
		productVersion: '1.2.3',
	});
	expect(r3().rimo3TokensMinted).toBe(1);
	console.log(`Rimo3 500 items: ${r3().rimo3TokensMinted} token minted`);
});

test('token revoked mid-run: one re-mint, no probe, no failed item', async () => {
	sim.setFaults({ kind: 'latency', ms: 3, route: 'GET /rimo3/api/v2/application-packages' });
	const timer = setInterval(() => {
		if (sim.requests({ path: '/rimo3/api/v2/application-packages' }).length >= 30) {
			clearInterval(timer);
			sim.rimo3.revokeAll();
		}
	}, 2);
	const result = await run(
		{
			resource: 'applicationPackage',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		},
		Array.from({ length: 200 }, () => ({})),
	);
	clearInterval(timer);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node).toHaveLength(200);
	expect(r3().rimo3TokensRevoked).toBe(1);
	expect(r3().rimo3TokensMinted).toBe(2);
	// The first token, then one renewal after the 401, both through the shared token cache: the
	// node marks the token it sent as refused (no probe of it) and n8n's preAuthentication is not used.
	expect(result.preAuthCalls).toEqual([]);
	expect(sim.stats().routes['GET /rimo3/api/v2/connect/test'] || 0).toBe(0);
});

test('get sequences by package id; unknown id is a clear 404; bad id fails before the call', async () => {
	const ok = await run(sequencesOf('00000000-0000-4000-8000-000000000102'));
	expect(ok.outputs.Node.map((s) => s.step)).toEqual(['Import', 'Discovery', 'Baseline']);
	const missing = await run(sequencesOf('nope'));
	expect(missing.error.message).toMatch(/could not find .* \(404\)/);
	const bad = await run(sequencesOf('a/b'));
	expect(bad.error.message).toBe('Application Package "a/b" is not a package ID [item 0]');
});

test('upload: binary from the previous node as multipart, progressStep 3 adds the test stage', async () => {
	const zip = Buffer.from('PK\u0003\u0004 fake zip content for the simulator');
	const params = binaryUpload('Widget 2.0', 3, {
		additionalFields: { publisher: 'Widgets Inc', version: '2.0', tags: 'n8n, pilot' },
	});
	const result = await run(params, [zipItem('widget.zip', zip.toString('base64'))]);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node[0]).toMatchObject({
		displayName: 'Widget 2.0',
		uploadedFile: 'widget.zip',
		uploadedBytes: zip.length,
		progressStep: 3,
	});
	expect(result.outputs.Node[0].sequenceIdentifier).toMatch(/^[0-9a-f-]{36}$/);
	const created = sim.rimo3.state().packages.find((p) => p.displayName === 'Widget 2.0');
	expect(created).toMatchObject({
		manufacturer: 'Widgets Inc',
		productVersion: '2.0',
		fileName: 'setup.exe',
		tags: ['n8n', 'pilot'],
	});
	expect(created.sequences.map((s) => s.step)).toEqual(['Import', 'Discovery', 'Baseline', 'Test']);
	const upload = sim.requests({
		route: 'POST /rimo3/api/v2/application-packages/upload/manual',
	})[0];
	expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
	expect(r3().rimo3Uploads).toBe(1);
});

test('upload without a binary fails before any call; a 500 on upload is not repeated', async () => {
	const params = binaryUpload('X', 2);
	const missing = await run(params);
	expect(missing.error.message).toBe(
		'Input Binary Field "data" holds no file on this item [item 0]',
	);
	expect(sim.requests({ path: '/rimo3/api' })).toHaveLength(0);
	sim.setFaults({
		kind: 'status',
		status: 500,
		route: 'POST /rimo3/api/v2/application-packages/upload/manual',
		count: 1,
	});
	const failed = await run(params, [zipItem('x.zip', Buffer.from('zip').toString('base64'))]);
	expect(failed.error.message).toMatch(
		/Rimo3 failed to upload the application package \(HTTP 500\)/,
	);
	expect(
		sim.requests({ route: 'POST /rimo3/api/v2/application-packages/upload/manual' }),
	).toHaveLength(1);
});

const LINK_ROUTE = 'POST /rimo3/api/v2/application-packages/upload/manual/link';
const linkUpload = (extra) => ({
	resource: 'applicationPackage',
	operation: 'upload',
	source: 'link',
	fileLink: 'https://downloads.example.com/widget-3.0.msi?sig=s3cr3t-signature',
	displayName: 'Widget 3.0',
	fileName: 'widget-3.0.msi',
	...extra,
});

test('upload from a link: JSON body with fileLink and a numeric progressStep, one upload', async () => {
	const result = await run(
		linkUpload({ additionalFields: { publisher: 'Widgets Inc', tags: 'n8n, pilot' } }),
	);
	expect(result.error).toBeUndefined();
	const [out] = result.outputs.Node;
	expect(out).toMatchObject({
		displayName: 'Widget 3.0',
		uploadedFrom: 'downloads.example.com',
		progressStep: 0,
	});
	expect(out.sequenceIdentifier).toMatch(/^[0-9a-f-]{36}$/);
	// A signed link carries its own secret: only its host reaches the output.
	expect(JSON.stringify(result.outputs)).not.toContain('s3cr3t-signature');
	const [sent] = sim.requests({ route: LINK_ROUTE });
	expect(sent.headers['content-type']).toMatch(/^application\/json/);
	expect(sent.body).toEqual({
		fileLink: 'https://downloads.example.com/widget-3.0.msi?sig=s3cr3t-signature',
		displayName: 'Widget 3.0',
		fileName: 'widget-3.0.msi',
		name: 'Widget 3.0',
		publisher: 'Widgets Inc',
		progressStep: 0,
		tags: ['n8n', 'pilot'],
	});
	const created = sim.rimo3.state().packages.find((p) => p.displayName === 'Widget 3.0');
	expect(created.manufacturer).toBe('Widgets Inc');
	expect(r3().rimo3Uploads).toBe(1);
	expect(sim.requests({ route: 'POST /rimo3/api/v2/application-packages/upload/manual' })).toEqual(
		[],
	);
});

test('upload from a link: a bad link fails before any request, naming the field and item', async () => {
	const result = await run(linkUpload({ fileLink: '={{ $json.link }}' }), [
		{ link: 'https://ok.example/a.zip' },
		{ link: 'https://user:pw@dl.example/a.zip' },
	]);
	expect(result.error.message).toBe(
		'File Link must not hold a user name or password (user:password@host) [item 1]',
	);
	expect(JSON.stringify(result.error)).not.toContain('pw@');
	// The first item was uploaded, the second one never sent.
	expect(sim.requests({ route: LINK_ROUTE })).toHaveLength(1);
});

test.each([
	[400, /failed to upload the application package from a link \(HTTP 400\)/],
	[500, /failed to upload the application package from a link \(HTTP 500\)/],
])('upload from a link: HTTP %i is a clear error and never repeated', async (status, message) => {
	sim.setFaults({ kind: 'status', status, route: LINK_ROUTE, count: 1 });
	const result = await run(linkUpload());
	expect(result.error.message).toMatch(message);
	expect(result.error.message).toMatch(/\[item 0\]$/);
	expect(sim.requests({ route: LINK_ROUTE })).toHaveLength(1);
	expect(r3().rimo3Uploads).toBe(0);
});

test('upload from a link: answer lost after Rimo3 acted: one package, no repeat', async () => {
	sim.setFaults({ kind: 'drop', after: true, route: LINK_ROUTE, count: 1 });
	const result = await run(linkUpload());
	expect(result.error.message).toMatch(/closed the connection .*\[item 0\]$/);
	expect(result.error.description).toMatch(/check Rimo3 for the package before running again/);
	expect(sim.requests({ route: LINK_ROUTE })).toHaveLength(1);
	expect(r3().rimo3Uploads).toBe(1);
});

test('upload from a link: progress step 3 is sent as the number 3', async () => {
	const result = await run(linkUpload({ progressStep: 3 }));
	expect(result.error).toBeUndefined();
	expect(sim.requests({ route: LINK_ROUTE })[0].body.progressStep).toBe(3);
	const created = sim.rimo3.state().packages.find((p) => p.displayName === 'Widget 3.0');
	expect(created.sequences.map((s) => s.step)).toEqual(['Import', 'Discovery', 'Baseline', 'Test']);
});

test('wrong secret: clear error, no secret in it', async () => {
	const secret = 'totally-wrong-rimo3-secret';
	const result = await runWorkflow(
		rimo3Workflow({ resource: 'applicationPackage', operation: 'getAll', returnAll: true }),
		{
			credentials: rimo3Credentials(sim, { clientSecret: secret }),
			input: [{}],
		},
	);
	expect(result.error.message).toMatch(
		/Rimo3 at 127\.0\.0\.1:\d+ rejected the client ID or client secret \(invalid_client\)/,
	);
	expect(JSON.stringify(result.error)).not.toContain(secret);
});

test.each([0, 2.5, -1])(
	'get many: Limit %p fails before any call, naming the field and item',
	async (limit) => {
		const result = await run({ resource: 'applicationPackage', operation: 'getAll', limit });
		expect(result.error.message).toBe(
			`Limit must be a whole number from 1 to 10000 (got "${limit}"); use Return All for more [item 0]`,
		);
		expect(sim.requests({ path: '/rimo3/api/v2/application-packages' })).toHaveLength(0);
		expect(r3().rimo3TokensMinted).toBe(0);
	},
);
