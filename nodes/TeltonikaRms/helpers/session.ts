import { NodeOperationError } from 'n8n-workflow';
import type { RmsClient, RmsRequest } from '../transport/request';
import { requestChange } from '../transport/statusChannel';
import { toHttpsLink } from './normalize';
import type { NodeOptions } from './options';
import { pathSegment } from '../../shared/url';

export interface StartedSession {
	link: string;
	expires_at: string;
	expires_at_unix: number;
}

/** A change whose status channel hands over an RMS Connect link valid for `body.duration` seconds. */
export type LinkRequest = Omit<RmsRequest, 'retry' | 'itemIndex' | 'body'> & {
	itemIndex: number;
	body: { duration: number };
};

/**
 * Sends a change that opens a link (a session on an access ID, or a device's own WebUI or CLI),
 * waits for its channel and returns the link, made clickable (docs/vendor-behaviour.md, RMS: links
 * without a scheme), with its expiry. `key` is the device id the channel files the result under.
 */
export async function requestLink(
	client: RmsClient,
	req: LinkRequest,
	key: number | undefined,
	options: NodeOptions,
	missingLinkHint: string,
): Promise<StartedSession> {
	// The expiry is computed before the call: nothing after RMS opened the link may fail on it.
	const expiresUnix = Math.floor(Date.now() / 1000) + req.body.duration;
	const expiresAt = new Date(expiresUnix * 1000).toISOString();
	const event = await requestChange(client, req, options, key);
	const link = toHttpsLink(event?.link);
	if (!link) {
		throw new NodeOperationError(
			client.node,
			`RMS finished "${req.action}" without a link [item ${req.itemIndex}]`,
			{ itemIndex: req.itemIndex, description: missingLinkHint },
		);
	}
	return {
		link,
		expires_at: expiresAt,
		expires_at_unix: expiresUnix,
	};
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
	return await requestLink(
		client,
		{
			method: 'POST',
			path: `/devices/connect/${pathSegment(accessId, 'Access ID')}`,
			body: { duration },
			action: `start a connect session for access ID ${accessId}`,
			scope: 'device_remote_access:write',
			itemIndex: i,
		},
		deviceId,
		options,
		'List the sessions of this access ID to find the link, or try again.',
	);
}
