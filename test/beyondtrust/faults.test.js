// Fault matrix, BeyondTrust side: every operation under every fault in bt-cases.js,
// through n8n-core's engine against the simulator (assertions in test/shared/client-credentials-matrix.js).
'use strict';
const { defineMatrix } = require('../shared/client-credentials-matrix');

defineMatrix(require('./fault-cases'));
