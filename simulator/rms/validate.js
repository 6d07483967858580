'use strict';
// Field rules for remote-access bodies, after the spec's device_remote_access_post_data
// (POST and PUT /devices/remote-access). Names are only length-checked: the spec says alpha_dash,
// but real clients send names with spaces (docs/vendor-behaviour.md, RMS: remote-access names).
// telnet and sftp are accepted, beyond the spec's enum, as the node offers them
// (docs/vendor-behaviour.md, RMS: remote-access protocols).

const PROTOCOLS = ['http', 'https', 'ssh', 'rdp', 'vnc', 'telnet', 'sftp'];
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const isInteger = (v) =>
	(typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\d+$/.test(v));

const RULES = {
	device_id: (v, { deviceExists }) => {
		if (!isInteger(v) || Number(v) < 1) return 'The device id must be an integer of at least 1.';
		if (!deviceExists(Number(v))) return 'The selected device id is invalid.';
		return null;
	},
	name: (v) =>
		typeof v === 'string' && v.trim().length >= 3 && v.length <= 50
			? null
			: 'The name must be a string between 3 and 50 characters.',
	destination_ip: (v) =>
		typeof v === 'string' && IPV4.test(v)
			? null
			: 'The destination ip must be a valid IPv4 address.',
	destination_port: (v) =>
		isInteger(v) && Number(v) >= 1 && Number(v) <= 65535
			? null
			: 'The destination port must be an integer between 1 and 65535.',
	protocol: (v) =>
		PROTOCOLS.includes(v)
			? null
			: `The selected protocol is invalid. Allowed: ${PROTOCOLS.join(', ')}.`,
	credentials_required: (v) =>
		[true, false, 0, 1, '0', '1'].includes(v)
			? null
			: 'The credentials required field must be true or false.',
};

const REQUIRED_ON_CREATE = ['device_id', 'name', 'destination_ip', 'destination_port'];

/** Returns [{ source, message }] for one item; `partial` = update (nothing required). */
function remoteAccessProblems(item, { deviceExists, partial = false }) {
	if (!item || typeof item !== 'object' || Array.isArray(item)) {
		return [{ source: 'data', message: 'Each item must be an object.' }];
	}
	const problems = [];
	for (const [field, rule] of Object.entries(RULES)) {
		const value = item[field];
		if (value === undefined || value === null || value === '') {
			if (!partial && REQUIRED_ON_CREATE.includes(field)) {
				problems.push({
					source: field,
					message: `The ${field.replace(/_/g, ' ')} field is required.`,
				});
			}
			continue;
		}
		const message = rule(value, { deviceExists });
		if (message) problems.push({ source: field, message });
	}
	return problems;
}

module.exports = { remoteAccessProblems, PROTOCOLS };
