// rimo3Upload.*: extra memory of one Rimo3 upload of a 256 MB package from n8n's binary store in
// filesystem mode, through the real n8n-core engine to the simulator. The upload runs in a child
// process so the RSS is its own (the simulator stays here); the peak is sampled every 10 ms.
'use strict';
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startSimulator } = require('../simulator');
const { round } = require('./stats');

const MB = 1024 * 1024;
const PACKAGE_MB = 256;

async function measureRimo3Upload() {
	const sim = await startSimulator({ port: 0 });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rimo3-'));
	try {
		// Asynchronous: the simulator in this process must keep answering.
		const out = await new Promise((resolve, reject) => {
			const run = execFile(
				process.execPath,
				['--expose-gc', __filename, 'child'],
				{
					encoding: 'utf8',
					env: {
						...process.env,
						BENCH_RIMO3: JSON.stringify({ ...sim.rimo3, dir, bytes: PACKAGE_MB * MB }),
					},
					timeout: 120000,
				},
				(error, stdout) => (error ? reject(error) : resolve(stdout)),
			);
			run.stderr.pipe(process.stderr);
		});
		const child = JSON.parse(out.trim().split('\n').pop());
		const [received] = sim.rimo3.received();
		if (!received || received.size !== PACKAGE_MB * MB || received.sha256 !== child.sha256)
			throw new Error('the simulator did not receive the package byte for byte');
		return {
			packageMB: PACKAGE_MB,
			extraRssMB: round(child.extraRss / MB, 1),
			baselineRssMB: round(child.baseline / MB, 1),
			peakRssMB: round(child.peak / MB, 1),
		};
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
		await sim.stop();
	}
}

async function child() {
	const crypto = require('crypto');
	// The test harness keeps a copy of every request body (request log) and nock sits on
	// http.request: both would measure themselves. Only the simulator on 127.0.0.1 is called.
	require('../test/helpers/request-recorder').recordRequests = () => ({ requests: [], stop() {} });
	const nock = require('nock');
	const { runWorkflow } = require('../test/helpers/workflow-runner');
	nock.restore();
	nock.disableNetConnect = nock.enableNetConnect = () => {};
	const { rimo3Workflow } = require('../test/helpers/remote-access-workflows');
	const { useFilesystemBinaryData, storeBinary } = require('../test/rimo3/binary-store');
	const cfg = JSON.parse(process.env.BENCH_RIMO3);
	await useFilesystemBinaryData(cfg.dir);
	// The package is written to the store as a stream, as n8n stores a large download.
	const hash = crypto.createHash('sha256');
	const block = crypto.randomBytes(MB);
	async function* bytes() {
		for (let i = 0; i < cfg.bytes / MB; i++) {
			const chunk = Buffer.from(block.map((b) => b ^ i));
			hash.update(chunk);
			yield chunk;
		}
	}
	const { Readable } = require('stream');
	const binary = await storeBinary(Readable.from(bytes()), {
		fileName: 'package.zip',
		mimeType: 'application/zip',
	});
	const workflow = rimo3Workflow({
		resource: 'applicationPackage',
		operation: 'upload',
		binaryPropertyName: 'data',
		displayName: 'Bench Package',
		fileName: 'setup.exe',
		progressStep: 2,
	});
	const options = {
		credentials: {
			rimo3OAuth2Api: {
				baseUrl: cfg.baseUrl,
				clientId: cfg.clientId,
				clientSecret: cfg.clientSecret,
			},
		},
		input: [{ json: {}, binary: { data: binary } }],
	};
	global.gc();
	await new Promise((resolve) => setTimeout(resolve, 200));
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	const result = await runWorkflow(workflow, options);
	clearInterval(timer);
	peak = Math.max(peak, process.memoryUsage().rss);
	if (result.error) throw result.error;
	process.stdout.write(
		`${JSON.stringify({ baseline, peak, extraRss: peak - baseline, sha256: hash.digest('hex') })}\n`,
	);
}

if (require.main === module && process.argv[2] === 'child')
	child().then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);

module.exports = { measureRimo3Upload };
