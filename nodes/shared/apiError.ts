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

/** Where a failure happened: what each service's error wording is given. */
export interface FailureSite {
	/** Human name of what was attempted, e.g. "list devices". */
	action: string;
	host: string;
	itemIndex?: number;
}

/**
 * The NodeApiError for one failed exchange, in the service's own words (`describe`);
 * `shownStatus` picks the HTTP status to show (a service may count a 2xx answer as failed).
 */
export function failureToApiError<F extends HttpFailure, C extends FailureSite>(
	node: INode,
	describe: (failure: F, ctx: C, secrets: string[]) => Explained,
	failure: F,
	ctx: C,
	secrets: Iterable<string>,
	shownStatus: (failure: F) => number | undefined = (f) => f.status,
): NodeApiError {
	const values = [...secrets];
	return buildApiError(node, describe(failure, ctx, values), {
		status: shownStatus(failure),
		itemIndex: ctx.itemIndex,
		secrets: values,
	});
}

/** The wait a 429 answer asked for, as a sentence naming the service ('' when it named none). */
export function retryAfterHint(service: string, failure: HttpFailure): string {
	return failure.retryAfterSeconds !== undefined
		? ` ${service} asks to wait ${Math.ceil(failure.retryAfterSeconds)} s.`
		: '';
}

/** No answer arrived: `what` says how the service failed, `advice` what to check. */
export function networkFailure(
	service: string,
	ctx: FailureSite,
	code: string,
	what: string,
	advice: string,
): Explained {
	// The raw code goes in the description: n8n replaces a message that contains one.
	return {
		message: `${service} at ${ctx.host} ${what} while trying to ${ctx.action}`,
		description: `Network error ${code}. ${advice}`,
	};
}
