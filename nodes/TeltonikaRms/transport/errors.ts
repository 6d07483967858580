import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';
import type { FailureSite } from '../../shared/apiError';
import {
	explainCommon,
	failureToApiError,
	networkFailure,
	retryAfterHint,
} from '../../shared/apiError';
import type { HttpFailure } from '../../shared/httpFailure';
import { redactAndCut } from '../../shared/redact';

export type { HttpFailure };

/** The RMS error envelope: { success: false, errors: [{ code, source, message }] }. */
export function apiMessages(body: unknown): string {
	const errors = (body as IDataObject | undefined)?.errors;
	if (!Array.isArray(errors)) return '';
	return (errors as IDataObject[])
		.map((e) => [e.source ? `${e.source}:` : '', e.message ?? e.code ?? ''].join(' ').trim())
		.filter(Boolean)
		.join('; ');
}

export interface FailureContext extends FailureSite {
	/** Scope the call needs, named in the 403 message. */
	scope: string;
}

/** Turns one failed exchange into the message and hint a user can act on. */
export function describeFailure(
	failure: HttpFailure,
	ctx: FailureContext,
	secrets: string[] = [],
): { message: string; description: string } {
	// What RMS said, secrets replaced before it is cut short.
	const apiText = redactAndCut(apiMessages(failure.body), secrets, 500);
	const said = apiText ? ` RMS said: ${apiText}` : '';
	const common = explainCommon(failure, secrets);
	if (common) return common;
	if (failure.networkCode) {
		const what =
			failure.networkCode === 'ETIMEDOUT' ? 'did not answer in time' : 'closed the connection';
		return networkFailure(
			'RMS',
			ctx,
			failure.networkCode,
			what,
			'Check the API URL in the credential and your network; reads were retried, changes were not (RMS may have acted on them, so check before running again).',
		);
	}
	if (failure.malformedBody) {
		return {
			message: `RMS answered "${ctx.action}" with a body that is not valid JSON`,
			description:
				'The service may be degraded; try again later. The call was retried where that is safe.',
		};
	}
	switch (failure.status) {
		case 401:
			return {
				message: `RMS rejected the credential while trying to ${ctx.action} (401 Unauthorized).${said}`,
				description:
					'The access token is wrong, expired or revoked. Create a new Personal Access Token in RMS (Account settings → API → Access tokens) and paste it into the credential.',
			};
		case 403:
			return {
				message: `The RMS token lacks the scope "${ctx.scope}" needed to ${ctx.action} (403 Forbidden).${said}`,
				description: `Create a token that includes the scope ${ctx.scope} (RMS needs devices:read, device_remote_access:read and device_remote_access:write for this node) and update the credential.`,
			};
		case 404:
			return {
				message: `RMS could not find what was asked for while trying to ${ctx.action} (404 Not Found).${said}`,
				description: 'Check the ID, serial number or name; it may have been deleted.',
			};
		case 409:
		case 422:
		case 400:
			return {
				message: `RMS refused to ${ctx.action} (${failure.status}).${said}`,
				description: 'Correct the value named in the message and run again.',
			};
		case 429: {
			const wait = retryAfterHint('RMS', failure);
			return {
				message: `RMS quota or rate limit reached while trying to ${ctx.action} (429 Too Many Requests).${wait}`,
				description:
					'RMS allows about 100,000 API requests per month per account, and every status poll counts. Wait, run less often, or raise the poll interval in the node options.',
			};
		}
		default:
			return {
				message: `RMS at ${ctx.host} failed to ${ctx.action} (HTTP ${failure.status ?? 'error'}).${said}`,
				description:
					'The service had a problem; the call was retried where that is safe. Try again later.',
			};
	}
}

export function toNodeApiError(
	node: INode,
	failure: HttpFailure,
	ctx: FailureContext,
	secrets: Iterable<string>,
): NodeApiError {
	return failureToApiError(node, describeFailure, failure, ctx, secrets);
}
