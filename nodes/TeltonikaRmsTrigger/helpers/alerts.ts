import type { IDataObject } from 'n8n-workflow';
import { ordered, toNumber } from '../../TeltonikaRms/helpers/normalize';
import { requestAllItems } from '../../TeltonikaRms/transport/pagination';
import { addSeen, entryId, isSeen, readSeen } from './seen';
import type { PollInput, PollOutcome } from './types';

/** Ids kept between polls; older alerts count as seen through the floor. */
const MAX_SEEN = 2000;

export interface AlertFilters {
	deviceId?: number;
	companyId?: number;
	type?: string;
}

export function alertQuery(filters: AlertFilters): IDataObject {
	const qs: IDataObject = {};
	if (filters.deviceId !== undefined) qs.device_id = filters.deviceId;
	if (filters.companyId !== undefined) qs.company_id = filters.companyId;
	if (filters.type) qs.type = filters.type;
	return qs;
}

/** An alert as an event: its id and device first (the vocabulary's order). */
function alertEvent(alert: IDataObject): IDataObject {
	return ordered(
		{ event: 'newAlert', id: toNumber(alert.id), device_id: toNumber(alert.device_id) },
		alert,
	);
}

/**
 * GET /alerts has no sort or date filter, so every poll reads the whole (filtered) list,
 * ⌈alerts / 100⌉ requests, and an alert is new when its id was never seen.
 */
export async function pollAlerts(input: PollInput, filters: AlertFilters): Promise<PollOutcome> {
	const alerts = await requestAllItems(input.client, {
		path: '/alerts',
		qs: alertQuery(filters),
		action: 'list RMS alerts for the trigger',
		scope: 'devices:read',
	});
	const withIds = alerts
		.map((alert) => ({ alert, id: entryId(alert) }))
		.filter((a): a is { alert: IDataObject; id: number } => a.id !== undefined)
		.sort((a, b) => a.id - b.id);
	const seen = readSeen(input.saved?.seen);
	const fresh = withIds.filter((a) => !isSeen(seen, a.id));
	return {
		events: fresh.map(({ alert }) => alertEvent(alert)),
		latest: withIds.length ? alertEvent(withIds[withIds.length - 1].alert) : undefined,
		state: {
			seen: addSeen(
				seen,
				withIds.map((a) => a.id),
				MAX_SEEN,
			) as unknown as IDataObject,
		},
	};
}
