import type { IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { lsidField } from '../common.descriptions';
import { normalizeSession } from '../../helpers/normalize';
import { readLsids } from '../../helpers/validation';
import type { BtClient } from '../../transport/request';
import type { XmlNode } from '../../transport/xml';
import { attr, list } from '../../transport/xml';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	lsidField(
		'The session, or its 32-character ID from reports and outbound events. Several IDs separated by commas (or an array from an expression, up to 100) are read in one call, one item per session.',
		true,
	),
	{
		displayName: 'Include Events',
		name: 'includeEvents',
		type: 'boolean',
		default: false,
		description: 'Whether to add the session event log (chat, file transfers, ...)',
	},
];

export const description = operationFields('session', 'get', properties);

function notFound(ctx: IExecuteFunctions, lsids: string[], i: number): NodeApiError {
	const which = lsids.length === 1 ? `session ${lsids[0]}` : `sessions ${lsids.join(', ')}`;
	return new NodeApiError(ctx.getNode(), { message: 'not found' } as JsonObject, {
		message: `BeyondTrust has no support ${which} [item ${i}]`,
		description:
			'Check the session ID; reports only include sessions on this site that the API account may see.',
		httpCode: '404',
		itemIndex: i,
	});
}

export const execute: Execute<BtClient> = async function (client, i) {
	const lsids = readLsids(this, i);
	const includeEvents = this.getNodeParameter('includeEvents', i, false) as boolean;
	// One ID keeps `lsid=`; several go in one call as `lsids=a,b,c`
	// (docs/vendor-behaviour.md, BeyondTrust: SupportSession for several sessions).
	const selector = lsids.length === 1 ? { lsid: lsids[0] } : { lsids: lsids.join(',') };
	const answer = await client.call({
		api: 'reporting',
		qs: { generate_report: 'SupportSession', ...selector },
		action: lsids.length === 1 ? 'get a support session' : 'get support sessions',
		permission: 'Reporting: Allow Access to Support Session Reports and Recordings',
		itemIndex: i,
	});
	const sessions = answer.empty ? [] : list(answer.doc.body.session);
	if (lsids.length === 1) {
		const session = sessions.find((s) => (s['@lsid'] as string) === lsids[0]) ?? sessions[0];
		if (!session) throw notFound(this, lsids, i);
		return [{ json: normalizeSession(session, includeEvents) }];
	}
	// The answer's order is BeyondTrust's; items follow the order asked for.
	const byId = new Map(sessions.map((s) => [attr(s, 'lsid').toLowerCase(), s]));
	const missing = lsids.filter((lsid) => !byId.has(lsid.toLowerCase()));
	if (missing.length) throw notFound(this, missing, i);
	return lsids.map((lsid) => ({
		json: normalizeSession(byId.get(lsid.toLowerCase()) as XmlNode, includeEvents),
	}));
};
