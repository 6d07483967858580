// The first columns of items in the package's output vocabulary (identifying fields first, then
// times with their Unix twins), for order checks that several test files make.
'use strict';

/** BeyondTrust session key: the key and the ticket, then the link and its expiry. */
const SESSION_KEY_LEAD = ['short_key', 'external_key', 'link', 'expires_at', 'expires_at_unix'];

/** RMS Connect log row: its id and kind, then when it started and ends. */
const CONNECT_LOG_LEAD = [
	'id',
	'type',
	'started_at',
	'started_at_unix',
	'expires_at',
	'expires_at_unix',
];

module.exports = { SESSION_KEY_LEAD, CONNECT_LOG_LEAD };
