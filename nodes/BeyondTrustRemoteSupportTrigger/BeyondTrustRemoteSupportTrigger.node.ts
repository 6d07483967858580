import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../BeyondTrustRemoteSupport/transport/request';
import { EVENT_NAMES, eventItem, parseEvent } from './helpers/event';
import { parseAllowList } from './helpers/ipAllowList';
import { checkSender } from './helpers/senderCheck';
import { detailsFor } from './helpers/sessionDetails';

const [BEGIN, END, MEMBER_ADDED, MEMBER_DEPARTED, OWNER_CHANGED, CUSTOMER_SURVEY, REP_SURVEY] =
	EVENT_NAMES;

interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** Answers the request here and now; n8n then sends nothing more (docs/vendor-behaviour.md, n8n: webhook answers from the node). */
function answer(res: PlainResponse, status: number, body: string): IWebhookResponseData {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
	res.end(body);
	return { noWebhookResponse: true };
}

export class BeyondTrustRemoteSupportTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BeyondTrust Remote Support Trigger',
		name: 'beyondTrustRemoteSupportTrigger',
		icon: { light: 'file:beyondTrustTrigger.svg', dark: 'file:beyondTrustTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + ($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when a BeyondTrust Remote Support appliance sends an outbound event (a session begins, ends, gains or loses a member, ...)',
		defaults: { name: 'BeyondTrust Remote Support Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_TYPE,
				required: true,
				displayOptions: { show: { fetchSessionDetails: [true] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'In BeyondTrust, open /login → Management → Outbound Events, add an HTTP Recipient whose URL is this node\'s Production URL (with "?secret=" and the Secret option\'s value appended when you set one), and tick the same events under Events to Send. The appliance waits for each event to be accepted before it sends the next: this trigger answers 200 at once.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Customer Exit Survey Completed',
						value: CUSTOMER_SURVEY,
						description: 'The customer submitted the exit survey',
					},
					{
						name: 'Member Added',
						value: MEMBER_ADDED,
						description: 'A customer or representative joined the session',
					},
					{
						name: 'Member Departed',
						value: MEMBER_DEPARTED,
						description: 'A customer or representative left the session',
					},
					{
						name: 'Owner Changed',
						value: OWNER_CHANGED,
						description: 'Another representative now owns the session',
					},
					{
						name: 'Representative Exit Survey Completed',
						value: REP_SURVEY,
						description: 'A representative submitted the exit survey',
					},
					{ name: 'Session Ended', value: END, description: 'A support session ended' },
					{ name: 'Session Started', value: BEGIN, description: 'A support session began' },
				],
				default: [BEGIN, END],
				description:
					'Events that start the workflow. Other events are accepted (answered 200, so the appliance queue moves on) and ignored.',
			},
			{
				displayName: 'Fetch Session Details',
				name: 'fetchSessionDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to add session_details (duration, representatives, customer, chat URL) to Session Ended events, with one SupportSession report call using the BeyondTrust credential. Other events are not affected.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Allowed IPs',
						name: 'allowedIps',
						type: 'string',
						default: '',
						placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24, 2001:db8::/32',
						description:
							"Comma-separated addresses and CIDR ranges (IPv4 or IPv6) the appliance sends from; other senders get 403. n8n sees the proxy's address behind a reverse proxy unless it trusts X-Forwarded-For (N8N_PROXY_HOPS), as for the Webhook node's IP allowlist.",
					},
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'When set, the event URL must end in ?secret=&lt;this value&gt; (add it to the URL in BeyondTrust); requests without it get 401',
					},
				],
			},
		],
	};

	/**
	 * The HTTP recipient is set up by hand in BeyondTrust's /login (docs/vendor-behaviour.md,
	 * BeyondTrust: outbound event recipients): nothing to create or remove on (de)activation.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const ips = String(options.allowedIps ?? '').trim();
		const verdict = checkSender(
			req,
			String(options.secret ?? ''),
			ips ? parseAllowList(ips) : undefined,
		);
		if (!verdict.ok) return answer(res, verdict.status, verdict.body);

		const parsed = parseEvent(req);
		if (!parsed.ok) return answer(res, 400, `Bad Request: ${parsed.problem}`);
		const events = this.getNodeParameter('events', []) as string[];
		const event = String(parsed.fields.event);
		// Any answer but 200 would hold up every later event on the appliance: accept, run nothing.
		if (!events.includes(event)) return answer(res, 200, 'OK (event not selected, ignored)');

		// The appliance has its 200 before the optional details call, so it never waits on it.
		answer(res, 200, 'OK');
		const item = eventItem(parsed.fields);
		if (event === END && this.getNodeParameter('fetchSessionDetails', false) === true) {
			const result = await detailsFor(this, parsed.fields.lsid);
			if ('details' in result) item.session_details = result.details;
			else item.session_details_error = result.error;
		}
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}
}
