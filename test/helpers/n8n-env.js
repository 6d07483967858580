// Prepares the process for n8n-core before it is required: n8n-core keeps its instance
// settings (encryption key, ...) under N8N_USER_FOLDER, so point that at a throwaway folder
// instead of the developer's ~/.n8n.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-test-user-'));
}
// n8n-core loads node classes with a plain require() when NODE_ENV is "test" (jest sets it);
// keep that behaviour outside jest too, so the node and the runner share one n8n-workflow.
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'test';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

module.exports = { userFolder: process.env.N8N_USER_FOLDER };
