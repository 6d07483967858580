// Fault matrix, BeyondTrust side: every operation under every fault in bt-cases.js,
// through n8n-core's engine against the simulator (assertions in oauth-matrix.js).
'use strict';
const { defineMatrix } = require('./oauth-matrix');

defineMatrix(require('./bt-cases'));
