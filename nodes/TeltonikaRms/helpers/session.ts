import { NodeOperationError } from 'n8n-workflow';
import type { RmsClient } from '../transport/request';
import { waitForChannel } from '../transport/statusChannel';
import { toHttpsLink } from './normalize';
import type { NodeOptions } from './options';
import { pathSegment } from '../../shared/url';

export interface StartedSession {
	link: string;
	expires_at: string;
	expires_at_unix: number;
}

/** Starts an RMS Connect session and waits for the channel to hand over its link. */
export async function startConnectSession(
	client: RmsClient,
	accessId: number,
	duration: number,
	deviceId: number | undefined,
	options: NodeOptions,
	i: number,
): Promise<StartedSession> {
	const scope = 'device_remote_access:write';
	const action = `start a connect session for access ID ${accessId}`;
	const startedAt = Math.floor(Date.now() / 1000);
	const envelope = await client.request({
		method: 'POST',
		path: `/devices/connect/${pathSegment(accessId, 'Access ID')}`,
		body: { duration },
		action,
		scope,
		retry: 'rejectedOnly',
		itemIndex: i,
	});
	const event = await waitForChannel(client, String(envelope.meta?.channel ?? ''), {
		key: deviceId,
		intervalMs: options.pollIntervalMs,
		timeoutMs: options.pollTimeoutMs,
		action,
		scope,
		itemIndex: i,
	});
	const link = toHttpsLink(event.link);
	if (!link) {
		throw new NodeOperationError(
			client.node,
			`RMS completed the session for access ID ${accessId} without a link [item ${i}]`,
			{
				itemIndex: i,
				description: 'List the sessions of this access ID to find the link, or try again.',
			},
		);
	}
	const expiresUnix = startedAt + duration;
	return {
		link,
		expires_at: new Date(expiresUnix * 1000).toISOString(),
		expires_at_unix: expiresUnix,
	};
}
