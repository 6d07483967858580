// The Rimo3 side of the fault matrix: one workflow per operation against the
// simulator's seed (simulator/README.md), and the faults each case injects.
// Shared by the jest matrix (faults.test.js) and the table in docs/testing.md (matrix-table.js).
'use strict';
const { RIMO3_TYPE, RIMO3_CRED, rimo3Credentials } = require('../helpers/remote-access-workflows');
const { COMMON_FAULTS, singleNodeWorkflow } = require('../shared/client-credentials-faults');

const ZIP = Buffer.from('PK\u0003\u0004 fault matrix package');
const binaryItem = () => ({
	json: {},
	binary: {
		data: { data: ZIP.toString('base64'), mimeType: 'application/zip', fileName: 'fault.zip' },
	},
});

/** kind read: repeating changes nothing. kind write: changes state in Rimo3. */
const OPERATIONS = {
	'applicationPackage.getAll': {
		kind: 'read',
		route: 'GET /rimo3/api/v2/application-packages',
		parameters: { resource: 'applicationPackage', operation: 'getAll', returnAll: true },
	},
	'applicationPackage.getSequences': {
		kind: 'read',
		route: 'GET /rimo3/api/v2/application-packages/{id}/sequences',
		parameters: {
			resource: 'applicationPackage',
			operation: 'getSequences',
			applicationPackage: { __rl: true, mode: 'id', value: '00000000-0000-4000-8000-000000000102' },
		},
	},
	'applicationPackage.upload': {
		kind: 'write',
		route: 'POST /rimo3/api/v2/application-packages/upload/manual',
		parameters: {
			resource: 'applicationPackage',
			operation: 'upload',
			binaryPropertyName: 'data',
			displayName: 'Fault Package',
			fileName: 'setup.exe',
			progressStep: 2,
		},
		input: () => [binaryItem()],
		creates: 'rimo3Uploads',
	},
	'applicationPackage.upload (link)': {
		kind: 'write',
		route: 'POST /rimo3/api/v2/application-packages/upload/manual/link',
		parameters: {
			resource: 'applicationPackage',
			operation: 'upload',
			source: 'link',
			fileLink: 'https://downloads.example.com/fault-package.zip',
			displayName: 'Fault Link Package',
			fileName: 'setup.exe',
			progressStep: 0,
		},
		creates: 'rimo3Uploads',
	},
};

const FAULTS = {
	...COMMON_FAULTS,
	'malformed body': { ...COMMON_FAULTS['malformed body'], message: /not valid JSON/ },
};

const SERVICE = {
	name: 'Rimo3',
	credentialType: RIMO3_CRED,
	personality: 'rimo3',
	tokenRoute: 'POST /rimo3/api/v2/connect/token',
	counters: { minted: 'rimo3TokensMinted', revoked: 'rimo3TokensRevoked' },
	primeOperation: 'applicationPackage.getAll',
	credentials: (sim, overrides) => rimo3Credentials(sim, overrides),
	account: (sim) => sim.rimo3,
	secrets: (sim) => [sim.rimo3.clientSecret],
	workflowFor: (op, { options = {}, parameters = {} } = {}) =>
		singleNodeWorkflow(RIMO3_TYPE, RIMO3_CRED, { ...op.parameters, ...parameters, options }),
	/** Anything shaped like a simulator token (r3-<40 hex>). */
	tokenPattern: /\br3-[0-9a-f]{40}\b/,
};

module.exports = { SERVICE, OPERATIONS, FAULTS, binaryItem };
