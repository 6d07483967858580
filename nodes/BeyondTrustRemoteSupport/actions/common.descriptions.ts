import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_REQUEST_TIMEOUT_S } from '../transport/request';
import {
	optionsCollection as sharedOptionsCollection,
	requestTimeoutOption,
	returnAllAndLimit,
} from '../../shared/descriptions';
import { MAX_SECONDS } from '../../shared/validation';

export const teamLocator: INodeProperties = {
	displayName: 'Team',
	name: 'team',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTeams', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3',
			validation: [
				{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A team ID is a number' } },
			],
		},
	],
};

export const representativeLocator: INodeProperties = {
	displayName: 'Representative',
	name: 'representative',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The list shows representatives who are logged in now',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRepresentatives', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A representative ID is a number' },
				},
			],
		},
	],
};

const LSID_PATTERN = '[0-9a-fA-F]{32}';

/**
 * The session field every Session operation starts with: a session from the list (started in the
 * last 24 hours) or its ID. A plain string saved before the field had modes still works:
 * readLsid/readLsids take either.
 */
export const lsidField = (description: string, several = false): INodeProperties => ({
	displayName: 'Session ID (LSID)',
	name: 'lsid',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSessions', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: several
				? 'e.g. 5e8c5d8a1f9a4c7e9b1d2f3a4b5c6d7e, 0f1e2d3c4b5a69788796a5b4c3d2e1f0'
				: 'e.g. 5e8c5d8a1f9a4c7e9b1d2f3a4b5c6d7e',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: several
							? `^\\s*${LSID_PATTERN}(\\s*,\\s*${LSID_PATTERN})*\\s*$`
							: `^\\s*${LSID_PATTERN}\\s*$`,
						errorMessage: several
							? 'A session ID is 32 hexadecimal characters; separate several with commas'
							: 'A session ID is 32 hexadecimal characters',
					},
				},
			],
		},
	],
});

export const returnAllFields = (resource: string, operation: string): INodeProperties[] =>
	returnAllAndLimit({ resource: [resource], operation: [operation] });

/** Node-wide options, shown for every operation. */
export const optionsCollection: INodeProperties = sharedOptionsCollection([
	requestTimeoutOption(
		DEFAULT_REQUEST_TIMEOUT_S,
		`How long one HTTP request to BeyondTrust may take, at most ${MAX_SECONDS.requestTimeout} s. A read that times out is retried; generating a key or terminating a session is not, because the site may have acted on it.`,
	),
	{
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		default: DEFAULT_MAX_REQUESTS_PER_SECOND,
		typeOptions: { minValue: 1, maxValue: 20 },
		description:
			'How many requests per second this node may send with this API account; BeyondTrust allows 20. Use a lower value when other n8n workers or tools use the same API account.',
	},
]);
