// Fault matrix, BeyondTrust side: every operation under every fault in bt-cases.js,
// through n8n-core's engine against the simulator (assertions in test/helpers/fault-matrix.js).
'use strict';
const { defineClientCredentialsMatrix } = require('../helpers/fault-matrix');

defineClientCredentialsMatrix(require('./fault-cases'));
