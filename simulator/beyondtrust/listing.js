'use strict';
// Reporting for the BeyondTrust personality beyond the full report: the SupportSessionListing
// report (docs/vendor-behaviour.md, BeyondTrust: SupportSessionListing) and the choice of sessions
// shared with SupportSession: `lsid`, `lsids` (comma-separated; docs/vendor-behaviour.md,
// BeyondTrust: SupportSession for several sessions) or a start_time window.

const { el } = require('./xml');

const WINDOW_REQUIRED =
	'A start_date, start_time, end_date, end_time, lsid or lsids parameter is required.';

/** The sessions a report asks for, or `{ error }` with the API's text. */
function selectSessions(sessions, p, { byId = true } = {}) {
	const ids = p.lsids ? String(p.lsids).split(',') : p.lsid ? [String(p.lsid)] : null;
	if (ids && byId) return { sessions: sessions.filter((s) => ids.includes(s.lsid)) };
	if (p.start_time === undefined) return { error: WINDOW_REQUIRED };
	const start = Number(p.start_time);
	const duration = Number(p.duration || 0);
	if (!Number.isFinite(start)) return { error: 'Invalid start_time.' };
	return {
		sessions: sessions.filter(
			(s) => s.start >= start && (duration === 0 || s.start < start + duration),
		),
	};
}

/** `<session_summary_list>`: an empty list when nothing matched, not an `<error>`. */
function listingXml(sessions) {
	return el(
		'session_summary_list',
		{},
		sessions.map((s) =>
			el(
				'session_summary',
				{ lsid: s.lsid, has_recording: s.end === null ? 0 : 1 },
				s.externalKey ? el('external_key', {}, s.externalKey) : null,
			),
		),
	);
}

module.exports = { selectSessions, listingXml };
