import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { RMS_CREDENTIALS } from '../TeltonikaRms/helpers/authentication';
import type { RmsContext } from '../TeltonikaRms/transport/request';
import { RmsClient } from '../TeltonikaRms/transport/request';
import { pollAlerts } from './helpers/alerts';
import type { EventName } from './helpers/description';
import { EVENTS, properties } from './helpers/description';
import { pollDevices } from './helpers/devices';
import { pollSessions } from './helpers/sessions';
import type { PollInput, PollOutcome } from './helpers/types';

/** The canvas subtitle: "On Device Went Offline", the event's display name. */
const EVENT_SUBTITLE = `={{"On " + (${JSON.stringify(
	Object.fromEntries(EVENTS.map((e) => [e.value, e.name])),
)}[$parameter["event"]] || $parameter["event"])}}`;

const NOTHING_LOST =
	' Nothing was lost: the trigger keeps the position of its last complete poll, and the next poll starts from there.';

function positiveInt(ctx: IPollFunctions, field: string, value: unknown): number | undefined {
	if (value === undefined || value === '' || value === null) return undefined;
	const n = Number(value);
	if (!Number.isSafeInteger(n) || n < 1)
		throw new NodeOperationError(ctx.getNode(), `${field} must be a whole number of at least 1`, {
			description: `Got "${String(value)}". Nothing was sent to RMS.`,
		});
	return n;
}

/** The poll's error, saying that the saved position is untouched (a 429 or a lost quota included). */
function keptPosition(ctx: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.description = `${error.description ?? ''}${NOTHING_LOST}`.trim();
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, {
		description: NOTHING_LOST.trim(),
	});
}

/** What the chosen event reads, and the settings that make a saved position unusable when changed. */
function plan(
	ctx: IPollFunctions,
	event: EventName,
): { key: string; run: (i: PollInput) => Promise<PollOutcome> } {
	if (event === 'newAlert') {
		const raw = ctx.getNodeParameter('alertFilters', {}) as IDataObject;
		const filters = {
			deviceId: positiveInt(ctx, 'Filters → Device ID', raw.deviceId),
			companyId: positiveInt(ctx, 'Filters → Company ID', raw.companyId),
			type: typeof raw.type === 'string' && raw.type.trim() ? raw.type.trim() : undefined,
		};
		return {
			key: JSON.stringify([event, filters]),
			run: async (i) => await pollAlerts(i, filters),
		};
	}
	if (event === 'deviceWentOffline' || event === 'deviceCameOnline')
		return { key: event, run: async (i) => await pollDevices(i, event) };
	const hours = Number(ctx.getNodeParameter('longestSessionHours', 24));
	if (!Number.isFinite(hours) || hours < 1 || hours > 720)
		throw new NodeOperationError(
			ctx.getNode(),
			'Longest Session (Hours) must be between 1 and 720',
			{
				description: `Got "${String(hours)}". Nothing was sent to RMS.`,
			},
		);
	return { key: event, run: async (i) => await pollSessions(i, event, hours) };
}

export class TeltonikaRmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Teltonika RMS Trigger',
		name: 'teltonikaRmsTrigger',
		icon: { light: 'file:teltonikaRmsTrigger.svg', dark: 'file:teltonikaRmsTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description:
			'Starts the workflow when RMS raises an alert, a router goes offline or comes back, or an RMS Connect session starts or ends (polls RMS)',
		defaults: { name: 'Teltonika RMS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: RMS_CREDENTIALS,
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as EventName;
		if (!EVENTS.some((e) => e.value === event))
			throw new NodeOperationError(
				this.getNode(),
				`Event "${String(event)}" is not one this trigger knows`,
			);
		const { key, run } = plan(this, event);
		const staticData = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';
		const saved = staticData.key === key ? (staticData.state as IDataObject) : undefined;

		// The poll context has every helper RmsClient uses (credentials, parameters, HTTP).
		const client = await RmsClient.create(this as unknown as RmsContext);
		let outcome: PollOutcome;
		try {
			outcome = await run({ client, saved, nowMs: Date.now() });
		} catch (error) {
			throw keptPosition(this, error);
		}

		if (manual) {
			if (!outcome.latest) {
				const label = EVENTS.find((e) => e.value === event)?.name ?? event;
				throw new NodeOperationError(
					this.getNode(),
					`RMS has nothing yet for "${label}" to show as a test event`,
					{
						description:
							'Fetch Test Event shows the newest real entry RMS has (an alert, a device in that state, a Connect log entry). Make one happen in RMS, or activate the workflow and wait for the first event.',
					},
				);
			}
			return [[{ json: outcome.latest }]];
		}

		// Only a complete poll moves the saved position (a failed one threw above).
		staticData.key = key;
		staticData.state = outcome.state;
		if (!saved) return null; // first activation: the baseline, nothing to report
		if (!outcome.events.length) return null;
		return [outcome.events.map((json) => ({ json }))];
	}
}
