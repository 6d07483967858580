import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { MAX_LIMIT, MAX_SECONDS } from './validation';

/** The node-wide Options collection, with the options given in the order given. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Request Timeout (Seconds): the same field and maximum everywhere, the wording the service's. */
export function requestTimeoutOption(defaultSeconds: number, description: string): INodeProperties {
	return {
		displayName: 'Request Timeout (Seconds)',
		name: 'requestTimeout',
		type: 'number',
		default: defaultSeconds,
		typeOptions: { minValue: 0.1, maxValue: MAX_SECONDS.requestTimeout, numberPrecision: 1 },
		description,
	};
}

/** Return All and Limit (default 50); `show` adds conditions for both, Limit also needs no Return All. */
export function returnAllAndLimit(show?: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			...(show ? { displayOptions: { show } } : {}),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
