import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { RmsClient } from '../transport/request';

const PAGE = 50;

/** Devices for the "From List" mode, searchable by name or serial, one page per scroll. */
export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await RmsClient.create(this);
	const offset = Number(paginationToken ?? 0) || 0;
	const envelope = await client.request({
		method: 'GET',
		path: '/devices',
		qs: { limit: PAGE, offset, fields: 'id,name,serial,model', ...(filter ? { q: filter } : {}) },
		action: 'list devices',
		scope: 'devices:read',
	});
	const devices = (Array.isArray(envelope.data) ? envelope.data : []) as IDataObject[];
	const total = Number(envelope.meta?.total ?? 0);
	return {
		results: devices.map((d) => ({
			name: `${String(d.name ?? d.serial)} (${String(d.serial ?? '')}${d.model ? `, ${String(d.model)}` : ''})`,
			value: String(d.id),
		})),
		paginationToken: offset + devices.length < total ? String(offset + devices.length) : undefined,
	};
}
