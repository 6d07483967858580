import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { HttpFailure } from './httpFailure';
import { redact, redactAndCut } from './redact';

export interface Explained {
	message: string;
	description: string;
}

/** Failures every service explains the same way: a refused URL or redirect, no token. */
export function explainCommon(
	failure: HttpFailure,
	secrets: Iterable<string> = [],
): Explained | undefined {
	if (failure.unsafeMessage) {
		return {
			message: failure.unsafeMessage,
			description:
				'Nothing more was sent. Credentials are only sent over https to the host configured in the credential.',
		};
	}
	if (failure.oauthMessage) {
		return {
			message: `The OAuth2 access token could not be refreshed (${redactAndCut(failure.oauthMessage, secrets, 300)})`,
			description:
				'The authorization server refused the refresh token: it was revoked or has expired, or the application lost its access. Open the credential and connect it again.',
		};
	}
	if (failure.tokenMessage) {
		return {
			message: failure.tokenMessage,
			description: 'The node could not get an access token for the API account in the credential.',
		};
	}
	return undefined;
}

/**
 * The package's one NodeApiError builder: built from a plain object so no request details travel
 * with it, with every secret value in use replaced.
 */
export function buildApiError(
	node: INode,
	explained: Explained,
	opts: { status?: number; itemIndex?: number; secrets: Iterable<string> },
): NodeApiError {
	const secrets = [...opts.secrets];
	const message = redact(explained.message, secrets);
	const description = redact(explained.description, secrets);
	const httpCode = opts.status ? String(opts.status) : undefined;
	return new NodeApiError(node, { message, httpCode: httpCode ?? null } as JsonObject, {
		message: opts.itemIndex === undefined ? message : `${message} [item ${opts.itemIndex}]`,
		description,
		httpCode,
		itemIndex: opts.itemIndex,
	});
}
