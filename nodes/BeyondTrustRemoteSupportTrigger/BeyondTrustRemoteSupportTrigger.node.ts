import type {
	IDataObject,
	IDisplayOptions,
	IHookFunctions,
	INodeType,
	INodePropertyOptions,
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

/** The events offered, by their BeyondTrust display names (also used in the canvas subtitle). */
const EVENT_OPTIONS: INodePropertyOptions[] = [
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
];

const EVENT_LABELS = JSON.stringify(
	Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])),
);

/** "On Session Started, Session Ended": the selected events by display name. */
const SUBTITLE = `={{"On " + ($parameter["events"] || []).map((e) => (${EVENT_LABELS})[e] || e).join(", ")}}`;

const RECIPIENT_PLACE =
	'In BeyondTrust, open /login → Management → Outbound Events → Add HTTP Recipient, paste the URL under URL and tick the same events under Events to Send.';

/** What to paste into BeyondTrust, when no secret is set and when one is. */
const URL_NOTICE = {
	withoutSecret: `URL to paste into BeyondTrust: this trigger's Production URL (Webhook URLs above), e.g. https://n8n.example.com/webhook/1a2b3c4d-…/webhook. ${RECIPIENT_PLACE} To send a test event: click Listen for Test Event, paste the Test URL (…/webhook-test/…/webhook) in the same place, then start or end a support session. Set a Secret under Options so that only your appliance can start this workflow.`,
	withSecret: `URL to paste into BeyondTrust: this trigger's Production URL (Webhook URLs above) followed by ?secret= and your Secret, e.g. https://n8n.example.com/webhook/1a2b3c4d-…/webhook?secret=your-secret. ${RECIPIENT_PLACE} To send a test event: click Listen for Test Event, paste the Test URL followed by ?secret= and your Secret (…/webhook-test/…/webhook?secret=your-secret) in the same place, then start or end a support session.`,
};

/** Shown when the Secret option holds a value (or an expression). */
const SECRET_SET: IDisplayOptions['show'] = { '/options.secret': [{ _cnd: { exists: true } }] };

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
		subtitle: SUBTITLE,
		description:
			'Starts the workflow when a BeyondTrust Remote Support appliance sends an outbound event (a session begins, ends, gains or loses a member, ...)',
		defaults: { name: 'BeyondTrust Remote Support Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		triggerPanel: {
			header: 'Send a test event from BeyondTrust',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click 'Listen for Test Event', then register the Test URL (followed by ?secret= and your Secret when you set one) as an HTTP recipient in BeyondTrust's /login → Management → Outbound Events, and start or end a support session. The Test URL takes one event while n8n is listening.<br /><br /><b>Once your workflow works</b>, publish (activate) it and register the Production URL instead: every event then starts an execution, shown in the <a data-key=\"executions\">executions list</a>.",
				active:
					"<b>While building your workflow</b>, click 'Listen for Test Event' and register the Test URL (followed by ?secret= and your Secret when you set one) in BeyondTrust's Outbound Events to see one event here.<br /><br /><b>Your workflow is live</b>: events sent to the Production URL start an execution, shown in the <a data-key=\"executions\">executions list</a>.",
			},
		},
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
				displayName: URL_NOTICE.withoutSecret,
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { hide: SECRET_SET },
			},
			{
				displayName: URL_NOTICE.withSecret,
				name: 'setupNoticeSecret',
				type: 'notice',
				default: '',
				displayOptions: { show: SECRET_SET },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_OPTIONS,
				default: [BEGIN, END],
				description:
					'Events that start the workflow. Other events BeyondTrust sends are accepted and ignored. For the session details, add a BeyondTrust Remote Support node (Get a support session) after this trigger.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'IP(s) Allowlist',
						name: 'allowedIps',
						type: 'string',
						default: '',
						placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24, 2001:db8::/32',
						description:
							"Comma-separated list of allowed IP addresses or CIDR ranges (IPv4 or IPv6): the addresses your BeyondTrust appliance sends from. Leave empty to allow all IPs. Other senders get 403. When n8n runs behind a reverse proxy, n8n must be set up to pass on the sender's address, as for the Webhook node.",
					},
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'A long random value that only you and BeyondTrust know. When set, the URL in BeyondTrust must end in ?secret= and this value (see the note above); requests without it get 401.',
					},
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether to skip an event that BeyondTrust sends a second time (same event, session, time and fields), e.g. after a network problem, instead of running the workflow twice',
					},
					{
						displayName: 'Repeat Window (Minutes)',
						name: 'repeatWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1440 },
						default: 60,
						description:
							'How long an event is remembered for Ignore Repeated Deliveries, at most 1440 (one day)',
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
