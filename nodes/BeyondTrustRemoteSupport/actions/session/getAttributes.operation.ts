import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { lsidField } from '../common.descriptions';
import { readLsid } from '../../helpers/validation';
import type { BtClient } from '../../transport/request';
import type { XmlNode } from '../../transport/xml';
import { attr, list, text } from '../../transport/xml';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [lsidField('The 32-character ID of a running session')];

export const description = operationFields('session', 'getAttributes', properties);

/**
 * `<custom_attributes>` with one `<custom_attribute code_name=… display_name=…>value` each; the
 * external key is read from its code name or from an `<external_key>` element, whichever comes
 * (docs/vendor-behaviour.md, BeyondTrust: get_session_attributes).
 */
export function normalizeAttributes(lsid: string, body: XmlNode): IDataObject {
	const custom: IDataObject = {};
	const names: IDataObject = {};
	let externalKey = text(body.external_key) || null;
	for (const entry of list(body.custom_attribute)) {
		const code = attr(entry, 'code_name');
		if (!code) continue;
		if (code === 'external_key') {
			externalKey = text(entry) || externalKey;
			continue;
		}
		custom[code] = text(entry);
		names[code] = attr(entry, 'display_name') || code;
	}
	return { lsid, external_key: externalKey, custom_attributes: custom, display_names: names };
}

export const execute: Execute<BtClient> = async function (client, i) {
	const lsid = readLsid(this, i);
	const answer = await client.call({
		api: 'command',
		qs: { action: 'get_session_attributes', lsid },
		action: 'read the session attributes',
		permission: 'Command API: Read Only',
		itemIndex: i,
		emptyIsError: true,
	});
	return answer.empty ? [] : [{ json: normalizeAttributes(lsid, answer.doc.body) }];
};
