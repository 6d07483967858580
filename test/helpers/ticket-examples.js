// Checks shared by the examples' tests: how a failure is answered (the vendor node's error output →
// an IF on the error's class → Respond to Webhook 502 or 422), what reaches that output, and which
// output fields the node after the vendor node reads.
const RESPOND = 'n8n-nodes-base.respondToWebhook';

/** The example's wiring for failures; returns the two responders' nodes. */
function expectFailureAnswers(example, serviceNodeName) {
	const byName = Object.fromEntries(example.nodes.map((n) => [n.name, n]));
	expect(byName[serviceNodeName].onError).toBe('continueErrorOutput');
	const [[success], [failure]] = example.connections[serviceNodeName].main;
	expect(byName[success.node].type).toBe(RESPOND);
	const decide = byName[failure.node];
	expect(decide.type).toBe('n8n-nodes-base.if');
	const [condition] = decide.parameters.conditions.conditions;
	expect(condition).toMatchObject({
		leftValue: '={{ $json.error.name }}',
		rightValue: 'NodeApiError',
		operator: { operation: 'equals' },
	});
	const [[whenApi], [otherwise]] = example.connections[decide.name].main;
	const serviceFailed = byName[whenApi.node];
	const badInput = byName[otherwise.node];
	for (const [node, code] of [
		[serviceFailed, 502],
		[badInput, 422],
	]) {
		expect(node.type).toBe(RESPOND);
		expect(node.parameters.options.responseCode).toBe(code);
		expect(node.parameters.responseBody).toContain('error: $json.error.message');
	}
	return { serviceFailed, badInput };
}

/** Items on the node's error output (output 1) in a runWorkflow result. */
function errorOutput(result, nodeName) {
	const [run] = result.run.data.resultData.runData[nodeName];
	return (run.data.main[1] || []).map((item) => item.json);
}

/** The `$json.<field>` names a node's parameters read, sorted, once each. */
function jsonFieldsRead(node) {
	const found = JSON.stringify(node.parameters).matchAll(/\$json\.(\w+)/g);
	return [...new Set([...found].map((m) => m[1]))].sort();
}

module.exports = { expectFailureAnswers, errorOutput, jsonFieldsRead };
