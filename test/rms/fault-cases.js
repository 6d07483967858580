// The RMS side of the fault matrix: one workflow per operation against the simulator's seed
// (simulator/README.md), and the fault each case injects. Shared by the jest matrix and
// the README table generator so the two cannot drift apart.
'use strict';
const { rmsWorkflow } = require('../helpers/remote-access-workflows');
const { RMS_ACTIVE_SESSIONS, RMS_LOGS_LAST_7_DAYS } = require('../helpers/operation-parameters');

const NODE_TYPE = 'n8n-nodes-remote-access.teltonikaRms';
const SERIAL = '1111111111'; // device 1001 "RUTX11 Office", online
const FAST = { pollInterval: 0.02, pollTimeout: 2 };

const device = (value = SERIAL) => ({ __rl: true, mode: 'serial', value });

/**
 * kind read: repeating changes nothing. kind write: changes state in RMS. createsConfig / counter:
 * the configuration name / simulator counter a duplicate would show up in.
 */
const OPERATIONS = {
	'device.get': {
		kind: 'read',
		route: 'GET /api/devices',
		parameters: { resource: 'device', operation: 'get', device: device() },
	},
	'device.getAll': {
		kind: 'read',
		route: 'GET /api/devices',
		parameters: { resource: 'device', operation: 'getAll', returnAll: true },
	},
	'remoteAccess.create': {
		kind: 'write',
		route: 'POST /api/devices/remote-access',
		parameters: {
			resource: 'remoteAccess',
			operation: 'create',
			device: device(),
			name: 'Fault_Web',
			destinationIp: '192.168.1.50',
			destinationPort: 8080,
			protocol: 'http',
		},
		createsConfig: 'Fault_Web',
	},
	'remoteAccess.getAccessId': {
		kind: 'read',
		route: 'GET /api/devices/remote-access',
		parameters: {
			resource: 'remoteAccess',
			operation: 'getAccessId',
			device: device(),
			name: 'Camera_HTTPS',
		},
	},
	'remoteAccess.getAll': {
		kind: 'read',
		route: 'GET /api/devices/remote-access',
		parameters: {
			resource: 'remoteAccess',
			operation: 'getAll',
			scope: 'account',
			returnAll: true,
		},
	},
	'remoteAccess.delete': {
		kind: 'write',
		route: 'DELETE /api/devices/remote-access',
		parameters: { resource: 'remoteAccess', operation: 'delete', accessId: '62005' },
	},
	'connectSession.generateLink': {
		kind: 'write',
		route: 'POST /api/devices/connect/{access_id}',
		parameters: {
			resource: 'connectSession',
			operation: 'generateLink',
			device: device(),
			name: 'Fault_Link',
			destinationIp: '192.168.1.60',
			destinationPort: 443,
			protocol: 'https',
			duration: 600,
		},
		createsConfig: 'Fault_Link',
	},
	'connectSession.start': {
		kind: 'write',
		route: 'POST /api/devices/connect/{access_id}',
		parameters: {
			resource: 'connectSession',
			operation: 'start',
			accessId: '62002',
			duration: 600,
		},
	},
	'connectSession.getAll': {
		kind: 'read',
		route: 'GET /api/devices/connect/{access_id}/sessions',
		parameters: RMS_ACTIVE_SESSIONS,
	},
	'connectSession.getLogs': {
		kind: 'read',
		route: 'GET /api/devices/connect/logs',
		parameters: RMS_LOGS_LAST_7_DAYS,
	},
	'device.generateLink': {
		kind: 'write',
		route: 'POST /api/devices/{id}/connect/webui',
		parameters: {
			resource: 'device',
			operation: 'generateLink',
			device: device(),
			linkType: 'webui',
			duration: 600,
		},
		counter: 'webuiLinks',
	},
	'connectSession.close': {
		kind: 'write',
		route: 'DELETE /api/devices/connect/sessions/{session_id}',
		parameters: { resource: 'connectSession', operation: 'close', sessionId: '9001' },
	},
};

/**
 * Each fault: how to inject it, and what a user must see. `outcome(op)` is `success` (after
 * bounded retries) or `error`; `message` is what the error must say.
 */
const FAULTS = {
	'429 + Retry-After': {
		inject: (route) => ({ kind: 'status', status: 429, retryAfter: 1, route, count: 1 }),
		outcome: () => 'success', // a 429 was never acted on, so even a write is safe to repeat
	},
	'429 beyond the wait budget': {
		inject: (route) => ({ kind: 'status', status: 429, retryAfter: 3600, route }),
		outcome: () => 'error',
		message: /quota or rate limit/i,
	},
	500: {
		inject: (route) => ({ kind: 'status', status: 500, route, count: 1 }),
		outcome: (op) => (op.kind === 'read' ? 'success' : 'error'),
		message: /\(HTTP 500\)|500/,
	},
	503: {
		inject: (route) => ({ kind: 'status', status: 503, route, count: 1 }),
		outcome: (op) => (op.kind === 'read' ? 'success' : 'error'),
		message: /503/,
	},
	'dropped connection': {
		inject: (route) => ({ kind: 'drop', route, count: 1 }),
		outcome: (op) => (op.kind === 'read' ? 'success' : 'error'),
		message: /closed the connection|did not answer/i,
	},
	'malformed JSON': {
		inject: (route) => ({ kind: 'malformed', route, count: 1 }),
		outcome: (op) => (op.kind === 'read' ? 'success' : 'error'),
		message: /could not be read|malformed|not valid JSON|unreadable/i,
	},
	'request timeout': {
		inject: (route) => ({ kind: 'latency', ms: 1500, route, count: 1 }),
		options: { requestTimeout: 0.5 },
		outcome: (op) => (op.kind === 'read' ? 'success' : 'error'),
		message: /did not answer in time/i,
	},
	'status channel error': {
		writesOnly: true,
		inject: (route) => ({ kind: 'channel', outcome: 'error', route, count: 1 }),
		outcome: () => 'error',
		message: /RMS could not/i,
	},
	'status channel warning': {
		writesOnly: true,
		inject: (route) => ({ kind: 'channel', outcome: 'warning', route, count: 1 }),
		outcome: () => 'error',
		message: /RMS could not/i,
	},
	'channel never completes': {
		writesOnly: true,
		inject: (route) => ({ kind: 'channel', outcome: 'never', route, count: 1 }),
		options: { pollTimeout: 1 }, // the shortest the node allows
		outcome: () => 'error',
		message: /did not finish .* within 1 s/i,
	},
	'token revoked mid-run': {
		inject: (route) => ({ kind: 'status', status: 401, route }),
		outcome: () => 'error',
		message: /rejected the credential.*401/i,
	},
	'wrong token': {
		token: 'rms-wrong-token-0000',
		outcome: () => 'error',
		message: /rejected the credential.*401/i,
	},
	'missing scope': {
		token: (sim, op) =>
			op.kind === 'write' ? sim.rms.tokens.readOnly : sim.rms.tokens.devicesOnly,
		// every token has devices:read, so only the device writes can lack a scope
		skip: (name) => name === 'device.get' || name === 'device.getAll',
		outcome: () => 'error',
		message: /lacks the scope "(devices|device_remote_access):(read|write)"/,
	},
};

function workflowFor(op, options = {}) {
	return rmsWorkflow('RMS', { ...op.parameters, options: { ...FAST, ...options } });
}

module.exports = { OPERATIONS, FAULTS, workflowFor, NODE_TYPE, SERIAL };
