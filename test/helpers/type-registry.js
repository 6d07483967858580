// Node and credential types, loaded the way n8n loads a community package: n8n-core's
// PackageDirectoryLoader reads the `n8n` block of package.json and requires the built files.
require('./n8n-env');
const fs = require('fs');
const path = require('path');
const { PackageDirectoryLoader } = require('n8n-core');
const { NodeHelpers, UnexpectedError } = require('n8n-workflow');
const { ManualTrigger, MANUAL_TRIGGER_TYPE } = require('./manual-trigger');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const cache = new Map();

function assertBuilt(packageDir) {
	const { n8n = {} } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const missing = [...(n8n.nodes || []), ...(n8n.credentials || [])].filter(
		(file) => !fs.existsSync(path.join(packageDir, file)),
	);
	if (missing.length) {
		throw new Error(`Package not built (missing ${missing.join(', ')}): run \`npm run build\``);
	}
}

async function loadPackage(packageDir) {
	assertBuilt(packageDir);
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	return loader;
}

/** Implements n8n-workflow's INodeTypes over full type names ("<package>.<node>"). */
class NodeTypes {
	constructor(byFullName) {
		this.byFullName = byFullName;
	}

	getByName(type) {
		const found = this.byFullName[type];
		if (!found) throw new UnexpectedError(`Unknown node type "${type}" (is it loaded?)`);
		return found;
	}

	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/** Credential types by name, with n8n's `extends` chain resolved. */
class CredentialTypes {
	constructor(byName) {
		this.byName = byName;
	}

	recognizes(name) {
		return name in this.byName;
	}

	getByName(name) {
		const found = this.byName[name];
		if (!found) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return found;
	}

	// Parents that are not loaded (e.g. oAuth2Api from n8n-nodes-base) are still reported:
	// n8n-core only needs the name to pick its OAuth2 request path.
	getParentTypes(name) {
		const parents = (this.byName[name] && this.byName[name].extends) || [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}
}

/** Loads every package dir once (per jest module registry) and returns both registries. */
async function loadTypes(packageDirs = [REPO_ROOT]) {
	const key = packageDirs.join('|');
	if (!cache.has(key)) {
		const loading = buildTypes(packageDirs);
		loading.catch(() => cache.delete(key)); // a later build can succeed
		cache.set(key, loading);
	}
	return cache.get(key);
}

async function buildTypes(packageDirs) {
	const nodes = { [MANUAL_TRIGGER_TYPE]: new ManualTrigger() };
	const credentials = {};
	for (const dir of packageDirs) {
		const loader = await loadPackage(dir);
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
			nodes[`${loader.packageName}.${name}`] = type;
		}
		for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
			credentials[name] = type;
		}
	}
	return { nodeTypes: new NodeTypes(nodes), credentialTypes: new CredentialTypes(credentials) };
}

module.exports = { loadTypes, NodeTypes, CredentialTypes, REPO_ROOT };
