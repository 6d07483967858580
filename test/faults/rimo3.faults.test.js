// Fault matrix, Rimo3 side: every operation under every fault in rimo3-cases.js,
// through n8n-core's engine against the simulator (assertions in oauth-matrix.js).
'use strict';
const { defineMatrix } = require('./oauth-matrix');

defineMatrix(require('./rimo3-cases'));
