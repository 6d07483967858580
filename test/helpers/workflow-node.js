// Pieces of a hand-built n8n-workflow `Workflow` for tests that call a node method directly (list
// searches, subtitles, the credential Test, trigger contexts) instead of running a workflow.
'use strict';
const { NodeHelpers } = require('n8n-workflow');

/** Node `name` (id `id`) of `type` at the origin, version 1 unless `more` says otherwise. */
const workflowNode = (id, name, type, parameters, more = {}) => ({
	id,
	name,
	type,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	...more,
});

/** A node-type registry that knows one node type only, whatever name it is asked for. */
const onlyNodeType = (nodeType) => ({
	getByName: () => nodeType,
	getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
	getKnownTypes: () => ({}),
});

module.exports = { workflowNode, onlyNodeType };
