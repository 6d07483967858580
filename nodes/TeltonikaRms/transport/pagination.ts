import type { IDataObject } from 'n8n-workflow';
import type { RmsClient, RmsRequest } from './request';

/** RMS silently defaults to 10 results per page, so every list call names its page size. */
export const PAGE_SIZE = 100;

/**
 * Collects a list by `limit`/`offset` pages until `meta.total` is reached, a page comes back
 * short, or `max` items are collected.
 */
export async function requestAllItems(
	client: RmsClient,
	req: Omit<RmsRequest, 'method'>,
	max = Infinity,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const pageSize = Math.min(PAGE_SIZE, max - items.length);
		const envelope = await client.request({
			...req,
			method: 'GET',
			qs: { ...req.qs, limit: pageSize, offset },
		});
		const page = Array.isArray(envelope.data) ? (envelope.data as IDataObject[]) : [];
		items.push(...page);
		offset += page.length;
		const total = Number(envelope.meta?.total);
		const reachedTotal = Number.isFinite(total) ? offset >= total : true;
		if (page.length === 0 || page.length < pageSize || reachedTotal || items.length >= max) break;
	}
	return items.slice(0, max);
}
