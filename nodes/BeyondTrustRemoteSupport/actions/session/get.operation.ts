import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { normalizeSession } from '../../helpers/normalize';
import { readLsid } from '../../helpers/validation';
import type { BtClient } from '../../transport/request';
import { list } from '../../transport/xml';

const properties: INodeProperties[] = [
	{
		displayName: 'Session ID (LSID)',
		name: 'lsid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5e8c5d8a1f9a4c7e9b1d2f3a4b5c6d7e',
		description: 'The 32-character session ID shown in reports and outbound events',
	},
	{
		displayName: 'Include Events',
		name: 'includeEvents',
		type: 'boolean',
		default: false,
		description: 'Whether to add the session event log (chat, file transfers, ...)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: BtClient,
	i: number,
): Promise<INodeExecutionData[]> {
	const lsid = readLsid(this, i);
	const includeEvents = this.getNodeParameter('includeEvents', i, false) as boolean;
	const answer = await client.call({
		api: 'reporting',
		qs: { generate_report: 'SupportSession', lsid },
		action: 'get a support session',
		permission: 'Reporting: Allow Access to Support Session Reports and Recordings',
		itemIndex: i,
	});
	const session = answer.empty
		? undefined
		: (list(answer.doc.body.session).find((s) => (s['@lsid'] as string) === lsid) ??
			list(answer.doc.body.session)[0]);
	if (!session) {
		throw new NodeApiError(this.getNode(), { message: 'not found' } as JsonObject, {
			message: `BeyondTrust has no support session ${lsid} [item ${i}]`,
			description:
				'Check the session ID; reports only include sessions on this site that the API account may see.',
			httpCode: '404',
			itemIndex: i,
		});
	}
	return [{ json: normalizeSession(session, includeEvents) }];
}
