// Node parameters the tests, the e2e and the benchmarks share: the session lists of RMS and
// BeyondTrust, and builders of RMS operations for tests that change one field at a time
// (`start({ duration: 5 })` is a valid Start with only the duration changed).
'use strict';

/** RMS: List sessions over the whole account, active ones only, every page. */
const RMS_ACTIVE_SESSIONS = {
	resource: 'connectSession',
	operation: 'getAll',
	scope: 'account',
	activeOnly: true,
	returnAll: true,
};

/** BeyondTrust: the support sessions of the last 24 hours that are still running, every page. */
const BT_ACTIVE_SESSIONS = {
	resource: 'session',
	operation: 'getAll',
	hours: 24,
	activeOnly: true,
	returnAll: true,
};

/** RMS: the Connect logs of the last 7 days, every page. */
const RMS_LOGS_LAST_7_DAYS = {
	resource: 'connectSession',
	operation: 'getLogs',
	startDate: '={{ $now.minus({ days: 7 }) }}',
	endDate: '={{ $now }}',
	returnAll: true,
};

/** BeyondTrust: the sessions of the last 24 hours from the listing report (no details), every page. */
const BT_SESSION_LISTING = {
	resource: 'session',
	operation: 'getAll',
	mode: 'listing',
	hours: 24,
	returnAll: true,
};

/** RMS: a 5-minute Connect link to device 1111111111's camera web interface (Camera_HTTPS). */
const RMS_CAMERA_LINK = {
	resource: 'connectSession',
	operation: 'generateLink',
	device: { __rl: true, mode: 'serial', value: '1111111111' },
	destinationIp: '192.168.1.10',
	destinationPort: 443,
	protocol: 'https',
	name: 'Camera_HTTPS',
	duration: 300,
};

const byId = (id) => ({ __rl: true, mode: 'id', value: id });

/** Builders with the given node options, on `device` (default: device 1001 by ID). */
function rmsParameters(options, { device = byId('1001') } = {}) {
	// `fields` is a function so every call gets its own objects (nothing shared between runs).
	const operation = (resource, name, fields) => (p) => ({
		resource,
		operation: name,
		...fields(),
		options,
		...p,
	});
	const link = () => ({ destinationIp: '192.168.1.10', destinationPort: 443, protocol: 'https' });
	return {
		start: operation('connectSession', 'start', () => ({ accessId: 62002, duration: 600 })),
		generate: operation('connectSession', 'generateLink', () => ({
			device: { ...device },
			...link(),
			duration: 600,
		})),
		create: operation('remoteAccess', 'create', () => ({
			device: { ...device },
			name: 'Camera_HTTPS',
			...link(),
		})),
		deviceLink: operation('device', 'generateLink', () => ({
			device: { ...device },
			linkType: 'webui',
			duration: 600,
		})),
	};
}

module.exports = {
	rmsParameters,
	RMS_CAMERA_LINK,
	RMS_ACTIVE_SESSIONS,
	RMS_LOGS_LAST_7_DAYS,
	BT_ACTIVE_SESSIONS,
	BT_SESSION_LISTING,
};
