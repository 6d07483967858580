// Parameters of the Teltonika RMS node's operations, for tests that change one field at a time:
// `start({ duration: 5 })` is a valid Start with only the duration changed.
'use strict';

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

module.exports = { rmsParameters };
