import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { EVENT_NAMES, eventItem, parseEvent } from './helpers/event';
import { parseAllowList } from './helpers/ipAllowList';
import { fingerprint, isRepeat, REPEAT_WINDOW } from './helpers/repeats';
import { checkSender } from './helpers/senderCheck';

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

/** The window option, held to 1 ... REPEAT_WINDOW.maxMinutes whatever was typed. */
function windowMinutes(value: unknown): number {
	const n = Number(value ?? REPEAT_WINDOW.defaultMinutes);
	if (!Number.isFinite(n)) return REPEAT_WINDOW.defaultMinutes;
	return Math.min(REPEAT_WINDOW.maxMinutes, Math.max(1, n));
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
		// n8n answers accepted events itself ('onReceived', body "OK"): n8n 2.x only after it has
		// created the execution, 1.x just before (docs/vendor-behaviour.md, n8n: onReceived answers).
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'OK',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'In BeyondTrust, open /login → Management → Outbound Events, add an HTTP Recipient whose URL is this node\'s Production URL (with "?secret=" and the Secret option\'s value appended when you set one), and tick the same events under Events to Send. The appliance waits for each event to be accepted before it sends the next: this trigger answers 200 as soon as n8n has the event. For session details, add a BeyondTrust Session → Get node after it.',
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
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether a delivery identical to one accepted within the window (same event, session, timestamp and fields: the appliance re-sends an event whose answer it missed) is answered 200 without starting the workflow again. On unless switched off here.',
					},
					{
						displayName: 'Repeat Window (Minutes)',
						name: 'repeatWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1440 },
						default: 60,
						description:
							'How long a delivery is remembered for Ignore Repeated Deliveries (at most 1440, one day; the last 1000 deliveries at most)',
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

		// Nothing slow (no network call) between here and n8n taking the event.
		if (options.ignoreRepeats !== false) {
			const minutes = windowMinutes(options.repeatWindowMinutes);
			const seen = this.getWorkflowStaticData('node');
			const key = `${this.getWorkflow().id ?? ''}:${this.getNode().name}`;
			const now = Math.floor(Date.now() / 1000);
			if (isRepeat(seen, key, fingerprint(parsed.fields), now, minutes))
				return answer(res, 200, 'OK (repeated delivery, ignored)');
		}
		// No answer from the node: n8n sends the 200 (body "OK") itself, see the webhook above.
		return { workflowData: [[{ json: eventItem(parsed.fields) }]] };
	}
}
