import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listRepresentatives } from '../actions/representative/getAll.operation';
import { listTeams } from '../actions/team/getAll.operation';
import { normalizeSession } from '../helpers/normalize';
import { BtClient } from '../transport/request';
import { list } from '../transport/xml';

/** The session list covers sessions started this long ago at most. */
const SESSION_LIST_HOURS = 24;

const matches = (filter: string | undefined, ...values: unknown[]) =>
	!filter ||
	values.some((v) =>
		String(v ?? '')
			.toLowerCase()
			.includes(filter.toLowerCase()),
	);

/** Support teams for the "From List" mode (get_support_teams). */
export async function searchTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const teams = await listTeams(await BtClient.create(this));
	return {
		results: teams
			.filter((t) => matches(filter, t.name, t.code_name, t.id))
			.map((t) => ({ name: `${String(t.name)} (team:${String(t.id)})`, value: String(t.id) })),
	};
}

/** Logged-in representatives for the "From List" mode (get_logged_in_reps). */
export async function searchRepresentatives(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const reps = await listRepresentatives(await BtClient.create(this));
	return {
		results: reps
			.filter((r) => matches(filter, r.display_name, r.private_display_name, r.id))
			.map((r) => ({
				name: `${String(r.display_name)} (rep:${String(r.id)})`,
				value: String(r.id),
			})),
	};
}

/**
 * Support sessions started in the last 24 hours for the "From List" mode (one SupportSession
 * report): running ones first, then the newest.
 */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await BtClient.create(this);
	const answer = await client.call({
		api: 'reporting',
		qs: {
			generate_report: 'SupportSession',
			start_time: Math.floor(Date.now() / 1000) - SESSION_LIST_HOURS * 3600,
			duration: 0,
		},
		action: 'list support sessions',
		permission: 'Reporting: Allow Access to Support Session Reports and Recordings',
	});
	const sessions = answer.empty
		? []
		: list(answer.doc.body.session).map((s) => normalizeSession(s, false));
	const order = (s: (typeof sessions)[number]) =>
		(s.active ? 1e12 : 0) + Number(s.started_at_unix ?? 0);
	return {
		results: sessions
			.filter((s) => matches(filter, s.lsid, s.external_key, s.primary_customer, s.primary_rep))
			.sort((a, b) => order(b) - order(a))
			.map((s) => ({
				name: [
					s.external_key ? `${String(s.external_key)}:` : '',
					String(s.primary_customer ?? 'Unknown customer'),
					`with ${String(s.primary_rep ?? 'no representative')}`,
					`(${s.active ? 'running' : 'ended'}, started ${String(s.started_at ?? '?')
						.slice(0, 16)
						.replace('T', ' ')} UTC)`,
				]
					.filter(Boolean)
					.join(' '),
				value: String(s.lsid),
			})),
	};
}
