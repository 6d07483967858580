import type { INodeProperties } from 'n8n-workflow';
import { MAX_SECONDS } from './validation';

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
