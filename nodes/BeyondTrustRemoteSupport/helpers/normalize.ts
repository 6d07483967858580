import type { IDataObject } from 'n8n-workflow';
import type { XmlNode } from '../transport/xml';
import { attr, child, list, text } from '../transport/xml';

/** Unix seconds (string) → ISO 8601, or null when absent or zero. */
export function isoFromUnix(value: string): string | null {
	const seconds = Number(value);
	if (!value || !Number.isFinite(seconds) || seconds <= 0) return null;
	return new Date(seconds * 1000).toISOString();
}

function numberOrNull(value: string): number | null {
	if (value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

const flag = (value: string): boolean => value === '1' || value.toLowerCase() === 'true';

/**
 * generate_session_key → the fields a ticket flow needs, in the package's output vocabulary:
 * `link` (BeyondTrust's key_url) and the expiry as `expires_at` (ISO) and `expires_at_unix`.
 * Other fields keep the API's own snake_case element names.
 */
export function normalizeSessionKey(body: XmlNode): IDataObject {
	const expires = text(body.expires);
	return {
		short_key: text(body.short_key),
		external_key: text(body.external_key) || null,
		link: text(body.key_url),
		expires_at: isoFromUnix(expires),
		expires_at_unix: numberOrNull(expires),
		ttl: numberOrNull(text(body.ttl)),
		queue: text(body.queue),
		queue_id: numberOrNull(text(body.queue_id)),
		queue_available:
			attr(body.queue, 'available') === '' ? null : flag(attr(body.queue, 'available')),
		type: text(body.type) || 'support',
		mail_subject: text(body.mail_subject),
		mail_body: text(body.mail_body),
	};
}

/**
 * `<start_time timestamp="1733239565">2024-12-03T15:26:05+00:00</start_time>` → ISO 8601 UTC
 * (`2024-12-03T15:26:05.000Z`) and Unix seconds, from the attribute or else the text.
 */
function timeOf(value: unknown): { iso: string | null; unix: number | null } {
	if (value === undefined) return { iso: null, unix: null };
	const stamp = attr(value, 'timestamp');
	const unix = numberOrNull(stamp);
	if (unix !== null && unix > 0) return { iso: new Date(unix * 1000).toISOString(), unix };
	const raw = text(value);
	const parsed = raw ? Date.parse(raw) : NaN;
	return Number.isNaN(parsed)
		? { iso: null, unix: null }
		: { iso: new Date(parsed).toISOString(), unix: Math.floor(parsed / 1000) };
}

function customAttributes(value: unknown): IDataObject {
	const out: IDataObject = {};
	for (const entry of list(child(value, 'custom_attribute'))) {
		const name = attr(entry, 'code_name') || attr(entry, 'name');
		if (name) out[name] = text(entry);
	}
	return out;
}

/** One `<session lsid="...">` of a SupportSession report. */
export function normalizeSession(session: XmlNode, includeEvents: boolean): IDataObject {
	const start = timeOf(session.start_time);
	const end = timeOf(session.end_time);
	const customers = list(child(session.customer_list, 'customer')).map((c) => ({
		gsnumber: numberOrNull(attr(c, 'gsnumber')),
		username: text(c.username),
		name: text(child(c.info, 'name')) || text(c.username),
		company: text(child(c.info, 'company')) || null,
		issue: text(child(c.info, 'issue')) || null,
		hostname: text(c.hostname) || null,
		public_ip: text(c.public_ip) || null,
		private_ip: text(c.private_ip) || null,
		os: text(c.os) || null,
	}));
	const representatives = list(child(session.rep_list, 'representative')).map((r) => ({
		id: numberOrNull(attr(r, 'id')),
		gsnumber: numberOrNull(attr(r, 'gsnumber')),
		username: text(r.username),
		display_name: text(r.display_name),
		seconds_involved: numberOrNull(text(r.seconds_involved)),
		session_owner: flag(text(r.session_owner)),
	}));
	const result: IDataObject = {
		lsid: attr(session, 'lsid'),
		external_key: text(session.external_key) || null,
		active: end.unix === null,
		session_type: text(session.session_type) || null,
		primary_customer: text(session.primary_customer) || null,
		primary_rep: text(session.primary_rep) || null,
		primary_rep_id: numberOrNull(attr(session.primary_rep, 'id')),
		started_at: start.iso,
		started_at_unix: start.unix,
		ended_at: end.iso,
		ended_at_unix: end.unix,
		duration: text(session.duration) || null,
		public_site: text(session.public_site) || null,
		public_site_id: numberOrNull(attr(session.public_site, 'id')),
		lseq: numberOrNull(text(session.lseq)),
		customers,
		representatives,
		custom_attributes: customAttributes(session.custom_attributes),
		file_transfer_count: numberOrNull(text(session.file_transfer_count)),
	};
	if (includeEvents) {
		result.events = list(child(session.session_details, 'event')).map((e) => ({
			type: attr(e, 'event_type'),
			time: isoFromUnix(attr(e, 'timestamp')),
			performed_by: text(e.performed_by) || null,
			destination: text(e.destination) || null,
			body: text(e.body) || null,
		}));
	}
	return result;
}

/** One `<rep id="...">` of get_logged_in_reps. */
export function normalizeRepresentative(rep: XmlNode): IDataObject {
	const since = timeOf(rep.logged_in_since);
	return {
		id: numberOrNull(attr(rep, 'id')),
		display_name: text(rep.public_display_name) || text(rep.display_name),
		private_display_name: text(rep.private_display_name) || null,
		type: text(rep.type) || null,
		logged_in_since: since.iso,
		logged_in_since_unix: since.unix,
		support_session_count: numberOrNull(text(rep.support_session_count)),
		presentation_count: numberOrNull(text(rep.presentation_count)),
		showing_on_rep_list: flag(text(rep.showing_on_rep_list)),
		queue_id: attr(rep, 'id') ? `rep:${attr(rep, 'id')}` : null,
	};
}

/** One `<support_team id="...">` of get_support_teams. */
export function normalizeTeam(team: XmlNode): IDataObject {
	const id = attr(team, 'id');
	return {
		id: numberOrNull(id),
		name: text(team.name),
		code_name: text(team.code_name) || null,
		queue_id: id ? `team:${id}` : null,
		members: list(child(team.members, 'representative')).map((m) => ({
			id: numberOrNull(attr(m, 'id')),
			display_name: text(m.display_name) || text(m.public_display_name) || text(m),
		})),
		issues: list(child(team.issues, 'issue')).map((i) => ({
			id: numberOrNull(attr(i, 'id')),
			code_name: text(i.code_name),
			description: text(i.description) || null,
		})),
	};
}
