import type { INodeProperties } from 'n8n-workflow';
import {
	optionsCollection as sharedOptionsCollection,
	requestTimeoutOption,
} from '../../shared/descriptions';
import { MAX_SECONDS } from '../../shared/validation';
import { DEFAULT_REQUEST_TIMEOUT_S } from '../transport/request';

/** Node-wide options, shown for every operation. */
export const optionsCollection: INodeProperties = sharedOptionsCollection([
	requestTimeoutOption(
		DEFAULT_REQUEST_TIMEOUT_S,
		`How long one HTTP request to Rimo3 may take, at most ${MAX_SECONDS.requestTimeout} s (uploads of large packages need the most). A read that times out is retried; an upload is not, because Rimo3 may have received it.`,
	),
]);
