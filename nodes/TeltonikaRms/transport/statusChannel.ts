import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import type { RmsClient, RmsRequest } from './request';

export interface ChannelWait {
	/** The key the result is filed under: the device id for device operations. */
	key?: string | number;
	intervalMs: number;
	timeoutMs: number;
	action: string;
	scope: string;
	itemIndex: number;
}

export type ChannelEvent = IDataObject & { status?: string; value?: string; link?: string };

/** A channel is not queryable for a moment after it is created; after this long "not found" means expired. */
const NOT_FOUND_GRACE_MS = 10_000;

/** The longest wait between two checks: a slow channel is still seen within a few seconds. */
export const MAX_POLL_WAIT_MS = 5_000;

/** Each wait is this share of the time already waited, so the number of polls grows slowly. */
const POLL_GROWTH = 0.2;

/**
 * How long to wait before the next check of a status channel. RMS needs a moment to create the
 * channel, so the first check waits twice the interval; after that the wait is the interval or a
 * fifth of the time already waited, whichever is longer, and never more than MAX_POLL_WAIT_MS
 * (unless the interval itself is longer). A fast channel answers fast, a slow one costs few polls.
 */
export function nextPollWaitMs(attempt: number, elapsedMs: number, intervalMs: number): number {
	if (attempt === 0) return intervalMs * 2;
	return Math.max(intervalMs, Math.min(MAX_POLL_WAIT_MS, Math.round(elapsedMs * POLL_GROWTH)));
}

function latestEvent(data: IDataObject, key?: string | number): ChannelEvent | undefined {
	const keys = Object.keys(data);
	const wanted =
		key !== undefined && keys.includes(String(key))
			? String(key)
			: keys.length === 1
				? keys[0]
				: undefined;
	if (wanted === undefined) return undefined;
	const entry = data[wanted];
	const events = (Array.isArray(entry) ? entry : [entry]).filter((e) => e && typeof e === 'object');
	return events[events.length - 1] as ChannelEvent | undefined;
}

function eventCode(event: ChannelEvent): string {
	const code = event.errorCode ?? event.errorcode;
	return code === undefined || code === null ? '' : ` (code ${String(code)})`;
}

/**
 * Polls an RMS status channel until its event for `key` is terminal: `completed` resolves,
 * `error` and `warning` reject with the event's own text. Sleeps before every poll (see
 * nextPollWaitMs), so a run of non-terminal answers can never burn the attempts in a burst.
 */
export async function waitForChannel(
	client: RmsClient,
	channel: string,
	wait: ChannelWait,
): Promise<ChannelEvent> {
	const started = Date.now();
	const fail = (message: string, description: string) =>
		new NodeOperationError(client.node, `${message} [item ${wait.itemIndex}]`, {
			itemIndex: wait.itemIndex,
			description,
		});
	let pause = nextPollWaitMs(0, 0, wait.intervalMs);
	for (let attempt = 1; ; attempt++) {
		await sleep(pause);
		const poll = await client.pollChannel(channel, {
			action: `check the status of "${wait.action}"`,
			scope: wait.scope,
			itemIndex: wait.itemIndex,
		});
		const elapsed = Date.now() - started;
		if (poll.notFound) {
			if (elapsed > NOT_FOUND_GRACE_MS && elapsed > wait.intervalMs * 3) {
				throw fail(
					`RMS status channel for "${wait.action}" expired before it reported a result`,
					'Check in RMS whether the action took effect before running again.',
				);
			}
		} else {
			const event = latestEvent(poll.data, wait.key);
			const status = String(event?.status ?? '').toLowerCase();
			if (event && status === 'completed') return event;
			if (event && (status === 'error' || status === 'warning')) {
				throw fail(
					`RMS could not ${wait.action}: ${String(event.value ?? status)}${eventCode(event)}`,
					status === 'warning'
						? 'RMS finished with a warning, which means the action did not take effect.'
						: 'The router or RMS reported this; check the device is online and the values are right.',
				);
			}
		}
		pause = nextPollWaitMs(attempt, elapsed, wait.intervalMs);
		if (elapsed + pause > wait.timeoutMs) {
			throw fail(
				`RMS did not finish "${wait.action}" within ${Math.round(wait.timeoutMs / 1000)} s`,
				'The device may be slow or offline. Raise "Poll Timeout" in the node options, and check RMS before running again: the action may still complete.',
			);
		}
	}
}

export interface PollSettings {
	pollIntervalMs: number;
	pollTimeoutMs: number;
}

/**
 * Sends one RMS change (a write answered with a status channel) and waits for the channel's
 * result: the terminal event, or undefined when RMS answered without a channel. Changes are
 * repeated only when RMS certainly did not act on them.
 */
export async function requestChange(
	client: RmsClient,
	req: Omit<RmsRequest, 'retry' | 'itemIndex'> & { itemIndex: number },
	poll: PollSettings,
	key?: string | number,
): Promise<ChannelEvent | undefined> {
	const envelope = await client.request({ ...req, retry: 'rejectedOnly' });
	const channel = String(envelope.meta?.channel ?? '');
	if (!channel) return undefined;
	return await waitForChannel(client, channel, {
		key,
		intervalMs: poll.pollIntervalMs,
		timeoutMs: poll.pollTimeoutMs,
		action: req.action,
		scope: req.scope,
		itemIndex: req.itemIndex,
	});
}
