'use strict';
// Session attributes for the BeyondTrust personality: set_session_attributes and
// get_session_attributes on running sessions (docs/vendor-behaviour.md, BeyondTrust:
// set_session_attributes; BeyondTrust: get_session_attributes). Values live on the session in the
// state, so reset() restores the seed and SupportSession reports show what was set.

const { el } = require('./xml');

const PREFIX = 'session.custom.';
const MAX_CHARS = 1024;
const MAX_TOTAL = 10240;
const CODE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const DISPLAY_NAMES = { ticket: 'Ticket' };

/** A seeded session carries its ticket as the `ticket` custom field until something is set. */
function customOf(session) {
	if (!session.custom) session.custom = session.externalKey ? { ticket: session.externalKey } : {};
	return session.custom;
}

/** `<custom_attribute>` elements, as the SupportSession report and get_session_attributes list them. */
function customAttributeElements(session) {
	return Object.entries(customOf(session)).map(([code, value]) =>
		el('custom_attribute', { display_name: DISPLAY_NAMES[code] || code, code_name: code }, value),
	);
}

/**
 * The two commands, keyed by action. `api.state()` is the current state, `api.xml(root)` and
 * `api.apiError(message)` build Command API answers, `api.counters` counts what was set and
 * `api.readOnly(ctx)` tells a read-only API account (which may read but not set).
 */
function attributeCommands(api) {
	const running = (lsid) => api.state().sessions.find((s) => s.lsid === lsid && s.end === null);
	const noSession = (lsid) => api.apiError(`No active session found with lsid "${lsid}".`);

	function setAttributes(p, ctx) {
		if (api.readOnly(ctx))
			return api.apiError('You do not have permission to perform this action.');
		const session = running(String(p.lsid || ''));
		if (!session) return noSession(p.lsid || '');
		const given = Object.entries(p).filter(([k]) => k.startsWith(PREFIX));
		let total = 0;
		for (const [key, value] of given) {
			const code = key.slice(PREFIX.length);
			if (!CODE_NAME.test(code)) return api.apiError(`Invalid custom attribute "${code}".`);
			if (String(value).length > MAX_CHARS)
				return api.apiError(`The value of "${code}" is longer than ${MAX_CHARS} characters.`);
			total += String(value).length;
		}
		if (total > MAX_TOTAL) return api.apiError('Custom attributes exceed 10KB in total.');
		const custom = customOf(session);
		for (const [key, value] of given) {
			const code = key.slice(PREFIX.length);
			if (code === 'external_key') session.externalKey = value === '' ? null : String(value);
			else if (value === '') delete custom[code];
			else custom[code] = String(value);
		}
		api.counters().btAttributesSet += 1;
		return api.xml(el('success', {}, 'Session attributes were set'));
	}

	function getAttributes(p) {
		const session = running(String(p.lsid || ''));
		if (!session) return noSession(p.lsid || '');
		const externalKey = session.externalKey
			? el(
					'custom_attribute',
					{ display_name: 'External Key', code_name: 'external_key' },
					session.externalKey,
				)
			: null;
		return api.xml(el('custom_attributes', {}, externalKey, customAttributeElements(session)));
	}

	return { set_session_attributes: setAttributes, get_session_attributes: getAttributes };
}

module.exports = { attributeCommands, customAttributeElements };
