import { NodeOperationError } from 'n8n-workflow';
import type { RmsClient } from '../transport/request';
import { requestChange } from '../transport/statusChannel';
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
	const startedAt = Math.floor(Date.now() / 1000);
	const event = await requestChange(
		client,
		{
			method: 'POST',
			path: `/devices/connect/${pathSegment(accessId, 'Access ID')}`,
			body: { duration },
			action: `start a connect session for access ID ${accessId}`,
			scope: 'device_remote_access:write',
			itemIndex: i,
		},
		options,
		deviceId,
	);
	const link = toHttpsLink(event?.link);
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
