import type { IDataObject } from 'n8n-workflow';
import type { RmsClient } from '../../TeltonikaRms/transport/request';

export interface PollInput {
	client: RmsClient;
	/** What the last complete poll saved, or undefined on the first one. */
	saved: IDataObject | undefined;
	nowMs: number;
}

export interface PollOutcome {
	/** New events, oldest first. */
	events: IDataObject[];
	/** The newest real entry, for "Fetch Test Event". */
	latest: IDataObject | undefined;
	/** What the next poll starts from; saved only when the whole poll succeeded. */
	state: IDataObject;
}
