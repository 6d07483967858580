// Every vendor suite the e2e run covers. Add a file next to rms.js with the same shape
// (name, key, nodeType, credentials(sim), credentialRef, operations, examples, editor) and list it here.
'use strict';
module.exports = [
	require('./rms'),
	require('./beyondtrust'),
	require('./rimo3'),
	require('./rms-mcp'),
	require('./beyondtrust-events'),
	require('./rms-trigger'),
];
