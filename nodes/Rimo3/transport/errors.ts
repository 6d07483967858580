import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';
import type { Explained, FailureSite } from '../../shared/apiError';
import { explainCommon, failureToApiError, networkFailure } from '../../shared/apiError';
import type { HttpFailure } from '../../shared/httpFailure';
import { redactAndCut } from '../../shared/redact';

export type FailureContext = FailureSite;

/** What Rimo3 said, secrets replaced before it is cut short. */
function apiText(body: unknown, secrets: string[]): string {
	if (!body) return '';
	if (typeof body === 'string') return redactAndCut(body.trim(), secrets, 300);
	const b = body as IDataObject;
	const parts = [b.title, b.message, b.detail, b.error, b.error_description].filter(
		(v): v is string => typeof v === 'string',
	);
	const errors = b.errors && typeof b.errors === 'object' ? JSON.stringify(b.errors) : '';
	return [
		...parts.map((part) => redactAndCut(part, secrets, 300)),
		redactAndCut(errors, secrets, 300),
	]
		.filter(Boolean)
		.join(' ');
}

/** Turns one failed exchange into the message and hint a user can act on. */
export function describeFailure(
	failure: HttpFailure,
	{ action, host }: FailureContext,
	secrets: string[] = [],
): Explained {
	const text = apiText(failure.body, secrets);
	const said = text ? ` Rimo3 said: ${text}` : '';
	const common = explainCommon(failure, secrets);
	if (common) return common;
	if (failure.networkCode) {
		const code = failure.networkCode;
		const what =
			code === 'ETIMEDOUT'
				? 'did not answer in time'
				: code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
					? 'could not be reached'
					: 'closed the connection';
		return networkFailure(
			'Rimo3',
			{ action, host },
			code,
			what,
			'Check the base URL in the credential and the network. Reads were retried; an upload is not repeated unless it certainly did not arrive, so check Rimo3 for the package before running again.',
		);
	}
	if (failure.malformedBody) {
		return {
			message: `Rimo3 answered "${action}" with a body that is not valid JSON`,
			description:
				'Reads were retried. Check that the base URL points at the Rimo3 API (not a proxy or login page); an upload is not repeated, so check Rimo3 for the package before running again.',
		};
	}
	switch (failure.status) {
		case 401:
			return {
				message: `Rimo3 rejected the access token while trying to ${action} (401).${said}`,
				description:
					'A new token was requested once and the call retried once. Check the API account and its secret.',
			};
		case 403:
			return {
				message: `The Rimo3 API account may not ${action} (403).${said}`,
				description:
					'Check the role of the API account in Rimo3 (Admin & Support → Integrations → API Accounts).',
			};
		case 404:
			return {
				message: `Rimo3 could not find what was asked for while trying to ${action} (404).${said}`,
				description: 'Check the application package ID.',
			};
		case 429:
			return {
				message: `Rimo3 rate limit reached while trying to ${action} (429).`,
				description: 'Wait and run again, or run fewer items at once.',
			};
		default:
			return {
				message: `Rimo3 failed to ${action} (HTTP ${failure.status ?? 'error'}).${said}`,
				description:
					failure.status && failure.status < 500
						? 'Correct the values named in the message and run again.'
						: 'The service had a problem; reads were retried. Try again later.',
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
