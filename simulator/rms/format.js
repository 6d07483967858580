'use strict';
// Value formats RMS uses on the wire (docs/vendor-behaviour.md, RMS: loose types):
// "Y-m-d H:i:s" without a time zone, and deterministic ids for channels and Connect links.

const crypto = require('crypto');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function formatDateTime(ms) {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** 64 alphanumeric characters derived from `seed` (channel tokens look like this). */
function alnum64(seed) {
	const bytes = crypto.createHash('sha512').update(String(seed)).digest();
	return Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('');
}

/** Bare Connect host name, no scheme: <32 hex>.proxy1-connect.rms.teltonika-networks.com */
function connectHost(seed) {
	const hex = crypto.createHash('md5').update(`rms-sim-session-${seed}`).digest('hex');
	return `${hex}.proxy1-connect.rms.teltonika-networks.com`;
}

module.exports = { formatDateTime, alnum64, connectHost };
