import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { normalizeRemoteAccess, normalizeSession } from '../helpers/normalize';
import { RmsClient } from '../transport/request';
import { pathSegment } from '../../shared/url';

const PAGE = 50;

/** One page of an RMS list: every search and every scroll costs one request. */
async function page(
	client: RmsClient,
	path: string,
	qs: IDataObject,
	offset: number,
	action: string,
	scope: string,
): Promise<{ rows: IDataObject[]; next: string | undefined }> {
	const envelope = await client.request({
		method: 'GET',
		path,
		qs: { ...qs, limit: PAGE, offset },
		action,
		scope,
	});
	const rows = (Array.isArray(envelope.data) ? envelope.data : []) as IDataObject[];
	const total = Number(envelope.meta?.total ?? 0);
	const seen = offset + rows.length;
	return { rows, next: rows.length > 0 && seen < total ? String(seen) : undefined };
}

const offsetOf = (token?: string) => Math.max(0, Math.floor(Number(token ?? 0) || 0));

/** A field of the node being edited as { mode, value }, or undefined when hidden or missing. */
function currentField(
	ctx: ILoadOptionsFunctions,
	name: string,
): { mode?: unknown; value: unknown } {
	let raw: unknown;
	try {
		raw = ctx.getCurrentNodeParameter(name);
	} catch {
		raw = undefined;
	}
	return typeof raw === 'object' && raw !== null && 'value' in raw
		? (raw as { mode?: unknown; value: unknown })
		: { value: raw };
}

/** A whole number of at least 1 typed or picked in another field, else undefined. */
function idIn(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	return /^[1-9][0-9]*$/.test(text) ? Number(text) : undefined;
}

/** Devices for the "From List" mode, searchable by name or serial, one page per scroll. */
export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await RmsClient.create(this);
	const { rows, next } = await page(
		client,
		'/devices',
		{ fields: 'id,name,serial,model', ...(filter ? { q: filter } : {}) },
		offsetOf(paginationToken),
		'list devices',
		'devices:read',
	);
	return {
		results: rows.map((d) => ({
			name: `${String(d.name ?? d.serial)} (${String(d.serial ?? '')}${d.model ? `, ${String(d.model)}` : ''})`,
			value: String(d.id),
		})),
		paginationToken: next,
	};
}

/**
 * Remote-access configurations for the Access ID list: of the device picked or given by ID in the
 * Device field when the operation has one, else of the account. One page per search or scroll; RMS has no
 * search on this list, so the filter applies to the page.
 */
export async function searchConfigurations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// A serial number would cost a lookup; the list then shows the account's configurations.
	const device = currentField(this, 'device');
	const deviceId = device.mode === 'serial' ? undefined : idIn(device.value);
	const client = await RmsClient.create(this);
	const { rows, next } = await page(
		client,
		'/devices/remote-access',
		deviceId === undefined ? {} : { device_id: deviceId },
		offsetOf(paginationToken),
		'list remote access configurations',
		'device_remote_access:read',
	);
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = rows
		.map(normalizeRemoteAccess)
		.map((c) => {
			const target = `${String(c.protocol ?? 'main WebUI')} ${String(c.destination_ip)}:${String(c.destination_port)}`;
			return {
				name: `${String(c.configuration_name)} (${String(c.device_name ?? c.device_id)}, ${target})`,
				value: String(c.access_id),
			};
		})
		.filter((r) => !needle || r.name.toLowerCase().includes(needle));
	return { results, paginationToken: next };
}

/** The active sessions of the configuration in the Access ID field, one page per scroll. */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	_filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const accessId = idIn(currentField(this, 'accessId').value);
	if (accessId === undefined)
		throw new NodeOperationError(
			this.getNode(),
			'Choose the Access ID first: the list shows the active sessions of that configuration',
		);
	const client = await RmsClient.create(this);
	const { rows, next } = await page(
		client,
		`/devices/connect/${pathSegment(accessId, 'Access ID')}/sessions`,
		{ active: 'true' },
		offsetOf(paginationToken),
		`list sessions of access ID ${accessId}`,
		'device_remote_access:read',
	);
	return {
		results: rows
			.map((s) => normalizeSession(s, { access_id: accessId }))
			.map((s) => ({
				name: `${String(s.id)}${s.email ? ` (${String(s.email)})` : ''}, until ${String(s.expires_at)}`,
				value: String(s.id),
			})),
		paginationToken: next,
	};
}
