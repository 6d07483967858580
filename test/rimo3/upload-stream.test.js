// Rimo3 upload from n8n's binary store in filesystem mode: the package is streamed, never read
// into a buffer, and arrives byte for byte; a repeat after a refusal sends a fresh stream.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startSimulator } = require('../../simulator');
const { runWorkflow } = require('../helpers/workflow-runner');
const { rimo3Workflow, rimo3Credentials } = require('../helpers/remote-access-workflows');
const { useFilesystemBinaryData, storeBinary } = require('./binary-store');

const ROUTE = 'POST /rimo3/api/v2/application-packages/upload/manual';
const PARAMS = {
	resource: 'applicationPackage',
	operation: 'upload',
	binaryPropertyName: 'data',
	displayName: 'Big Package',
	fileName: 'setup.exe',
	progressStep: 2,
	additionalFields: { tags: 'a, b' },
};

let sim;
let store;
beforeAll(async () => {
	store = await useFilesystemBinaryData(fs.mkdtempSync(path.join(os.tmpdir(), 'rimo3-bin-')));
});
afterAll(() => store.restore());
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.stop());

// 3 MB of varied bytes, the boundary text included, so a framing slip changes the hash.
function packageBytes() {
	const chunks = [];
	for (let i = 0; i < 48; i++)
		chunks.push(crypto.randomBytes(64 * 1024), Buffer.from('\r\n------n8nRimo3'));
	return Buffer.concat(chunks);
}
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

async function upload(bytes, spy) {
	const binary = await storeBinary(bytes, { fileName: 'big.zip', mimeType: 'application/zip' });
	return await runWorkflow(rimo3Workflow(PARAMS), {
		credentials: rimo3Credentials(sim),
		input: [{ json: {}, binary: { data: binary } }],
		...spy,
	});
}

test('a filesystem binary is streamed: the simulator receives the exact bytes, framing intact', async () => {
	const bytes = packageBytes();
	const calls = store.spy();
	const result = await upload(bytes);
	expect(result.error).toBeUndefined();
	expect(result.outputs.Node[0]).toMatchObject({
		uploadedFile: 'big.zip',
		uploadedBytes: bytes.length,
	});
	// Read through n8n's binary stream helper, never as a whole buffer.
	expect(calls()).toEqual({ getAsBuffer: 0, getAsStream: 1 });
	expect(sim.rimo3.received()).toEqual([
		{
			name: 'file',
			fileName: 'big.zip',
			contentType: 'application/zip',
			size: bytes.length,
			sha256: sha256(bytes),
			displayName: 'Big Package',
		},
	]);
	const [request] = sim.requests({ route: ROUTE });
	expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=----n8nRimo3/);
	expect(Number(request.headers['content-length'])).toBeGreaterThan(bytes.length);
	expect(request.headers['transfer-encoding']).toBeUndefined();
	expect(request.body.multipart.fields).toEqual({
		displayName: ['Big Package'],
		fileName: ['setup.exe'],
		name: ['Big Package'],
		progressStep: ['2'],
		tags: ['a', 'b'],
	});
});

test('a 429 on the upload is repeated from a fresh stream: one package, exact bytes', async () => {
	const bytes = packageBytes();
	sim.setFaults({ kind: 'status', status: 429, retryAfter: 0, route: ROUTE, count: 1 });
	const calls = store.spy();
	const result = await upload(bytes);
	expect(result.error).toBeUndefined();
	expect(sim.requests({ route: ROUTE }).map((r) => r.status)).toEqual([429, 200]);
	expect(calls()).toEqual({ getAsBuffer: 0, getAsStream: 2 });
	expect(sim.rimo3.received().map((f) => [f.size, f.sha256])).toEqual([
		[bytes.length, sha256(bytes)],
	]);
	expect(sim.stats().personalities.rimo3.rimo3Uploads).toBe(1);
});

test('a 503 on the upload is not repeated: no second package', async () => {
	sim.setFaults({ kind: 'status', status: 503, route: ROUTE, count: 1 });
	const result = await upload(packageBytes());
	expect(result.error.message).toMatch(/failed to upload the application package \(HTTP 503\)/);
	expect(sim.requests({ route: ROUTE })).toHaveLength(1);
	expect(sim.rimo3.received()).toEqual([]);
});

test('a package over 10 GiB is refused before any call, naming the field and item', async () => {
	const binary = await storeBinary(Buffer.from('PK small'), {
		fileName: 'huge.zip',
		mimeType: 'application/zip',
	});
	// The size n8n recorded for the file is what the limit is checked against.
	const fileId = binary.id.slice(binary.id.indexOf(':') + 1);
	const metadataPath = path.join(store.storagePath, `${fileId}.metadata`);
	const metadata = JSON.parse(fs.readFileSync(metadataPath, 'utf8'));
	fs.writeFileSync(metadataPath, JSON.stringify({ ...metadata, fileSize: 11 * 1024 ** 3 }));
	const result = await runWorkflow(rimo3Workflow(PARAMS), {
		credentials: rimo3Credentials(sim),
		input: [{ json: {}, binary: { data: binary } }],
	});
	expect(result.error.message).toMatch(
		/^Input Binary Field .*at most 10737418240 \(10 GiB\).*\[item 0\]$/,
	);
	expect(sim.requests({ route: ROUTE })).toEqual([]);
});
