import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listRepresentatives } from '../actions/representative/getAll.operation';
import { listTeams } from '../actions/team/getAll.operation';
import { BtClient } from '../transport/request';

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
