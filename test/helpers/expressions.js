// Evaluates n8n expressions with n8n-workflow's own engine, as the node after the Manual Trigger
// sees them for one input item: for example workflows whose nodes come from n8n-nodes-base
// (not loaded here), so only their expressions can be checked.
'use strict';
const { Workflow } = require('n8n-workflow');
const { loadTypes } = require('./type-registry');
const { manualStart } = require('./remote-access-workflows');

/** Resolves to `evaluate(expression, json)`: the expression's value for an item `{ json }`. */
async function expressionEvaluator() {
	const { nodeTypes } = await loadTypes();
	const workflow = new Workflow({
		nodes: [manualStart()],
		connections: {},
		active: false,
		nodeTypes,
	});
	return (expression, json) =>
		workflow.expression.getParameterValue(
			expression,
			null,
			0,
			0,
			'Start',
			[{ json }],
			'manual',
			{},
		);
}

module.exports = { expressionEvaluator };
