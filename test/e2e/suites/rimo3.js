// Rimo3 in a real n8n: the OAuth2 client-credentials credential and one workflow per operation
// (upload included: a Code node makes the file; the upload from a link needs none) with
// assertions on its output.
// test/e2e/run.js runs every suite listed in suites/index.js.
'use strict';
const { RIMO3_TYPE } = require('../../helpers/remote-access-workflows');
const assert = require('assert');

const { RIMO3: CREDENTIAL, credentials, refOf } = require('../../../simulator/credentials');
const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`; // as the simulator's seed
const ZIP_B64 = 'UEsDBCBmYWtlIHppcCBjb250ZW50IGZyb20gdGhlIGUyZSBDb2RlIG5vZGU='; // "PK\3\4 fake zip content from the e2e Code node"
const ZIP_BYTES = 44;
const FILE_LINK = 'https://downloads.example.com/e2e/widget-3.0.msi?sig=e2e-signature';

const r3Stats = (sim) => sim.stats().personalities.rimo3;

const operations = [
	{
		key: 'applicationPackage.getAll',
		parameters: {
			resource: 'applicationPackage',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		},
		check(items, { sim }) {
			assert.deepStrictEqual(
				items.map((p) => p.displayName),
				['Contoso Viewer', 'Fabrikam Agent', 'Northwind CRM'],
			);
			assert.strictEqual(items[0].applicationPackageId, uuid(101));
			assert.strictEqual(items[0].productVersion, '1.2.3');
			assert.strictEqual(r3Stats(sim).rimo3TokensMinted, 1);
		},
	},
	{
		key: 'applicationPackage.getSequences',
		parameters: {
			resource: 'applicationPackage',
			operation: 'getSequences',
			applicationPackage: { __rl: true, mode: 'id', value: uuid(102) },
		},
		check(items) {
			assert.deepStrictEqual(
				items.map((s) => s.step),
				['Import', 'Discovery', 'Baseline'],
			);
			assert.ok(items.every((s) => s.applicationPackageId === uuid(102)));
		},
	},
	{
		key: 'applicationPackage.upload',
		// The file comes from a Code node between the trigger and the Rimo3 node (binary property "data").
		inputNode: {
			name: 'Make file',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				mode: 'runOnceForAllItems',
				jsCode: `return [{ json: {}, binary: { data: { data: '${ZIP_B64}', mimeType: 'application/zip', fileName: 'widget.zip' } } }];`,
			},
		},
		parameters: {
			resource: 'applicationPackage',
			operation: 'upload',
			binaryPropertyName: 'data',
			displayName: 'E2E Widget 2.0',
			fileName: 'setup.exe',
			progressStep: 3,
			additionalFields: { publisher: 'Widgets Inc', version: '2.0' },
		},
		check([r], { sim }) {
			assert.strictEqual(r.displayName, 'E2E Widget 2.0');
			assert.strictEqual(r.uploadedFile, 'widget.zip');
			assert.strictEqual(r.uploadedBytes, ZIP_BYTES);
			assert.strictEqual(r.progressStep, 3);
			assert.match(r.sequenceIdentifier, /^[0-9a-f-]{36}$/);
			const created = sim.rimo3.state().packages.find((p) => p.displayName === 'E2E Widget 2.0');
			assert.ok(created, 'the package exists in the simulator');
			assert.strictEqual(created.manufacturer, 'Widgets Inc');
			assert.deepStrictEqual(
				created.sequences.map((s) => s.step),
				['Import', 'Discovery', 'Baseline', 'Test'],
			);
			assert.strictEqual(r3Stats(sim).rimo3Uploads, 1);
		},
	},
	{
		key: 'applicationPackage.uploadLink',
		parameters: {
			resource: 'applicationPackage',
			operation: 'upload',
			source: 'link',
			fileLink: FILE_LINK,
			displayName: 'E2E Link Widget 3.0',
			fileName: 'widget-3.0.msi',
			progressStep: 0,
			additionalFields: { publisher: 'Widgets Inc', tags: 'n8n' },
		},
		check([r], { sim }) {
			assert.strictEqual(r.displayName, 'E2E Link Widget 3.0');
			assert.strictEqual(r.uploadedFrom, 'downloads.example.com');
			assert.strictEqual(r.progressStep, 0);
			assert.match(r.sequenceIdentifier, /^[0-9a-f-]{36}$/);
			assert.ok(!JSON.stringify(r).includes('e2e-signature'), 'the signed link stays out');
			const [sent] = sim.requests({
				route: 'POST /rimo3/api/v2/application-packages/upload/manual/link',
			});
			assert.strictEqual(sent.body.fileLink, FILE_LINK);
			assert.strictEqual(sent.body.progressStep, 0);
			assert.deepStrictEqual(sent.body.tags, ['n8n']);
			const created = sim.rimo3
				.state()
				.packages.find((p) => p.displayName === 'E2E Link Widget 3.0');
			assert.ok(created, 'the package exists in the simulator');
			assert.strictEqual(created.manufacturer, 'Widgets Inc');
			assert.strictEqual(r3Stats(sim).rimo3Uploads, 1);
		},
	},
];

module.exports = {
	name: 'Rimo3',
	key: 'rimo3',
	nodeType: RIMO3_TYPE,
	credentialType: CREDENTIAL.type,
	credentials: credentials.rimo3,
	credentialRef: refOf(CREDENTIAL),
	operations,
	examples: [],
	editor: {
		search: 'Rimo3',
		nodeDisplayName: 'Rimo3',
		actions: [
			'Get many application packages',
			'Get sequences of an application package',
			'Upload an application package',
		],
		credentialName: CREDENTIAL.name,
		credentialTestPath: '/rimo3/api/v2/connect/test',
		workflowId: 'e2erimo3Op01', // the applicationPackage.getAll workflow (run.js names them e2e<key>OpNN)
		runTrigger: 'Start',
		runExpectSuccess: ['applicationPackage.getAll'],
		docsShot: false,
	},
};
