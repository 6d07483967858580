// A tiny community package written to a temp folder, so the runner can be proven before (and
// independently of) the real node. One node ("echo") POSTs each item to the credential's
// base URL; three credential types cover generic auth, function auth + preAuthentication,
// and OAuth2.
const fs = require('fs');
const os = require('os');
const path = require('path');

const WORKFLOW = JSON.stringify(require.resolve('n8n-workflow'));

const NODE = `
const { NodeOperationError } = require(${WORKFLOW});
class Echo {
	constructor() {
		this.description = {
			displayName: 'Echo', name: 'echo', group: ['transform'], version: 1,
			defaults: { name: 'Echo' }, inputs: ['main'], outputs: ['main'],
			credentials: [
				{ name: 'echoApi', required: true, displayOptions: { show: { authentication: ['token'] } } },
				{ name: 'echoSessionApi', required: true, displayOptions: { show: { authentication: ['session'] } } },
				{ name: 'echoOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			],
			properties: [
				{ displayName: 'Authentication', name: 'authentication', type: 'options', default: 'token',
					options: [{ name: 'Token', value: 'token' }, { name: 'Session', value: 'session' }, { name: 'OAuth2', value: 'oAuth2' }] },
				{ displayName: 'Path', name: 'path', type: 'string', default: '/echo' },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const credentialType = { token: 'echoApi', session: 'echoSessionApi', oAuth2: 'echoOAuth2Api' }[
			this.getNodeParameter('authentication', 0)];
		const returnData = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const path = this.getNodeParameter('path', i);
				if (!path.startsWith('/')) throw new NodeOperationError(this.getNode(), 'Path must start with /', { itemIndex: i });
				const { baseUrl } = await this.getCredentials(credentialType, i);
				const response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					method: 'POST', url: baseUrl + path, qs: { item: i }, body: items[i].json, json: true,
				});
				returnData.push({ json: response, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: error.message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	}
}
module.exports = { Echo };
`;

const TOKEN_CREDENTIAL = `
class EchoApi {
	constructor() {
		this.name = 'echoApi';
		this.displayName = 'Echo API';
		this.properties = [
			{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://echo.example.com' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } } };
	}
}
module.exports = { EchoApi };
`;

// Mints a session token with preAuthentication; applies it with a function authenticate.
const SESSION_CREDENTIAL = `
class EchoSessionApi {
	constructor() {
		this.name = 'echoSessionApi';
		this.displayName = 'Echo Session API';
		this.properties = [
			{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://echo.example.com' },
		];
	}
	async preAuthentication(credentials) {
		const { token } = await this.helpers.httpRequest({
			method: 'POST', url: credentials.baseUrl + '/login', body: { password: credentials.password }, json: true,
		});
		return { sessionToken: token };
	}
	async authenticate(credentials, requestOptions) {
		requestOptions.headers = { ...requestOptions.headers, 'X-Session': credentials.sessionToken };
		return requestOptions;
	}
}
module.exports = { EchoSessionApi };
`;

const OAUTH2_CREDENTIAL = `
class EchoOAuth2Api {
	constructor() {
		this.name = 'echoOAuth2Api';
		this.extends = ['oAuth2Api'];
		this.displayName = 'Echo OAuth2 API';
		this.properties = [
			{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://echo.example.com' },
		];
	}
}
module.exports = { EchoOAuth2Api };
`;

const PACKAGE_JSON = {
	name: 'n8n-nodes-throwaway',
	version: '0.0.1',
	n8n: {
		n8nNodesApiVersion: 1,
		nodes: ['dist/Echo.node.js'],
		credentials: [
			'dist/EchoApi.credentials.js',
			'dist/EchoSessionApi.credentials.js',
			'dist/EchoOAuth2Api.credentials.js',
		],
	},
};

/** Writes the package to a new temp folder and returns its path. */
function writeThrowawayPackage() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-throwaway-'));
	fs.mkdirSync(path.join(dir, 'dist'));
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(PACKAGE_JSON, null, 2));
	fs.writeFileSync(path.join(dir, 'dist/Echo.node.js'), NODE);
	fs.writeFileSync(path.join(dir, 'dist/EchoApi.credentials.js'), TOKEN_CREDENTIAL);
	fs.writeFileSync(path.join(dir, 'dist/EchoSessionApi.credentials.js'), SESSION_CREDENTIAL);
	fs.writeFileSync(path.join(dir, 'dist/EchoOAuth2Api.credentials.js'), OAUTH2_CREDENTIAL);
	return dir;
}

module.exports = { writeThrowawayPackage, ECHO_TYPE: 'n8n-nodes-throwaway.echo' };
