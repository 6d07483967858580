// n8n-workflow ICredentialsHelper for tests. Unlike n8n's own test helper it does what the
// real n8n CredentialsHelper does: applies property defaults, runs the credential type's
// `authenticate` (generic object form and function form) and its `preAuthentication`.
const { ICredentialsHelper, NodeHelpers, isExpression } = require('n8n-workflow');

class TestCredentialsHelper extends ICredentialsHelper {
	/**
	 * @param credentialTypes CredentialTypes from type-registry.js
	 * @param credentialsMap  { [typeName]: data } injected by the test (copied, then updated
	 *                        in place like n8n's database would be)
	 * @param shared          use credentialsMap itself as the store, so runs side by side read
	 *                        and write one record, as executions of one n8n instance share its database
	 */
	constructor(credentialTypes, credentialsMap = {}, { shared = false } = {}) {
		super();
		this.credentialTypes = credentialTypes;
		this.store = shared ? credentialsMap : JSON.parse(JSON.stringify(credentialsMap));
		this.preAuthCalls = []; // { type, expired } per preAuthentication run
		this.updates = []; // { type, data } per persisted update
	}

	getParentTypes(name) {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type) {
		const own = this.credentialTypes.recognizes(type)
			? this.credentialTypes.getByName(type).properties
			: [];
		const merged = [];
		for (const parent of this.getParentTypes(type).reverse()) {
			if (this.credentialTypes.recognizes(parent)) {
				NodeHelpers.mergeNodeProperties(merged, this.credentialTypes.getByName(parent).properties);
			}
		}
		NodeHelpers.mergeNodeProperties(merged, own);
		return merged;
	}

	async getDecrypted(_additionalData, _nodeCredentials, type, mode, _executeData, raw, resolve) {
		if (!(type in this.store)) throw new Error(`No test credentials injected for "${type}"`);
		const stored = this.store[type];
		if (raw) return stored;
		const defaults = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) defaults[property.name] = property.default;
		}
		const data = { ...defaults, ...stored };
		return this.resolveExpressions(data, mode, resolve);
	}

	// Credential fields may hold expressions (e.g. a default of "={{$self.baseUrl}}/x").
	resolveExpressions(data, mode, resolve) {
		const hasExpression = Object.values(data).some((value) => isExpression(value));
		if (!hasExpression || !resolve || !resolve.workflow) return data;
		return resolve.workflow.expression.getComplexParameterValue(
			resolve.node,
			data,
			mode || 'internal',
			{},
			undefined,
			undefined,
			data,
		);
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		// Generic form: { properties: { headers: { Authorization: '=Bearer {{$credentials.x}}' } } }
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			requestOptions[outerKey] = requestOptions[outerKey] || {};
			for (const [key, value] of Object.entries(entries)) {
				const resolvedKey = this.resolveValue(key, credentials, workflow, node);
				requestOptions[outerKey][resolvedKey] = this.resolveValue(
					value,
					credentials,
					workflow,
					node,
				);
			}
		}
		return requestOptions;
	}

	resolveValue(value, credentials, workflow, node) {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}

	// Same rule as n8n's CredentialsHelper: only for types with a hidden `expirable` property;
	// call when that value is empty or the request said the credentials expired (401); persist.
	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const type = this.credentialTypes.getByName(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const current = credentials[expirable.name];
		if (current !== '' && !credentialsExpired) return undefined;

		this.preAuthCalls.push({ type: typeName, expired: credentialsExpired });
		const output = await type.preAuthentication.call(helpers, credentials);
		if (!output || output[expirable.name] === undefined) return undefined;
		await this.updateCredentials(node.credentials?.[typeName], typeName, {
			...this.store[typeName],
			...output,
		});
		return Object.assign(credentials, output);
	}

	async getCredentials(nodeCredentials, type) {
		const store = this.store;
		return {
			id: nodeCredentials?.id ?? null,
			name: nodeCredentials?.name ?? '',
			type,
			getData: () => store[type],
		};
	}

	async updateCredentials(_nodeCredentials, type, data) {
		this.store[type] = data;
		this.updates.push({ type, data });
	}

	async updateCredentialsOauthTokenData(nodeCredentials, type, data) {
		await this.updateCredentials(nodeCredentials, type, {
			...this.store[type],
			oauthTokenData: data.oauthTokenData,
		});
	}

	isCredentialUsableByNode() {
		return true;
	}
}

module.exports = { TestCredentialsHelper };
