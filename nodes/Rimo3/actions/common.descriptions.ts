import type { INodeProperties } from 'n8n-workflow';
import { MAX_SECONDS } from '../../shared/validation';
import { DEFAULT_REQUEST_TIMEOUT_S } from '../transport/request';

/** Node-wide options, shown for every operation. */
export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'requestTimeout',
			type: 'number',
			default: DEFAULT_REQUEST_TIMEOUT_S,
			typeOptions: { minValue: 0.1, maxValue: MAX_SECONDS.requestTimeout, numberPrecision: 1 },
			description: `How long one HTTP request to Rimo3 may take, at most ${MAX_SECONDS.requestTimeout} s (uploads of large packages need the most). A read that times out is retried; an upload is not, because Rimo3 may have received it.`,
		},
	],
};
