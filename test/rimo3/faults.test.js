// Fault matrix, Rimo3 side: every operation under every fault in rimo3-cases.js,
// through n8n-core's engine against the simulator (assertions in test/helpers/fault-matrix.js).
'use strict';
const { defineClientCredentialsMatrix } = require('../helpers/fault-matrix');

defineClientCredentialsMatrix(require('./fault-cases'));
