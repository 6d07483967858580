'use strict';
// Entry point: const { startSimulator } = require('./simulator');
const { startSimulator, HOST } = require('./server');
const { FIXTURES } = require('./rms/seed');
const { TOKENS, SCOPES } = require('./rms/tokens');

module.exports = { startSimulator, HOST, rms: { FIXTURES, TOKENS, SCOPES } };
