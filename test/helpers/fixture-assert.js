// Checks a fixture run against the expectations the fixture carries (jest `expect`).
// Output: pinData per node, compared like n8n's harness (exactly; pairedItem only when the
// expected item states it). Error: test.error. Mocks: every mock must have been used.

function errorText(error) {
	return `${error?.message ?? ''}\n${error?.description ?? ''}`.toLowerCase();
}

function expectError(result, expected) {
	const { error } = result;
	expect(error).toBeDefined();
	const spec = typeof expected === 'string' ? { message: expected } : expected;
	if (spec.message !== undefined) expect(error.message).toBe(spec.message);
	if (spec.description !== undefined) expect(error.description).toBe(spec.description);
	if (spec.httpCode !== undefined) expect(String(error.httpCode)).toBe(String(spec.httpCode));
	if (spec.itemIndex !== undefined) expect(error.context?.itemIndex).toBe(spec.itemIndex);
	if (spec.node !== undefined) expect(error.node?.name).toBe(spec.node);
	for (const part of spec.contains || []) expect(errorText(error)).toContain(part.toLowerCase());
}

function comparable(actualItems, expectedItems) {
	return actualItems.map((item, index) => {
		const keepPairedItem = expectedItems[index] && 'pairedItem' in expectedItems[index];
		const json = JSON.parse(JSON.stringify(item.json)); // Error objects -> plain data
		return keepPairedItem ? { json, pairedItem: item.pairedItem } : { json };
	});
}

function expectOutputs(result, expectedByNode) {
	for (const [nodeName, expectedItems] of Object.entries(expectedByNode)) {
		const actual = result.items[nodeName];
		if (!actual) throw new Error(`Node "${nodeName}" produced no output: ${result.error?.message}`);
		expect(comparable(actual, expectedItems)).toEqual(expectedItems);
	}
}

function expectRequests(result, expected) {
	expect(result.requests).toHaveLength(expected.length);
	expected.forEach((request, index) => expect(result.requests[index]).toMatchObject(request));
}

/** Asserts everything the fixture declares. */
function expectFixtureResult(result) {
	const { expected, test } = result.fixture;
	if (test.error) expectError(result, test.error);
	else if (result.error) throw result.error; // shows the real failure instead of a diff
	expectOutputs(result, expected);
	if (test.requests) expectRequests(result, test.requests);
	expect(result.pendingMocks).toEqual([]);
}

module.exports = { expectFixtureResult, expectError };
