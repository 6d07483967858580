import type { INode, NodeApiError } from 'n8n-workflow';
import type { FailureSite } from '../../shared/apiError';
import {
	explainCommon,
	failureToApiError,
	networkFailure,
	retryAfterHint,
} from '../../shared/apiError';
import type { HttpFailure } from '../../shared/httpFailure';
import { redactAndCut } from '../../shared/redact';

export interface FailureContext extends FailureSite {
	/** The API account permission the call needs, named in permission errors. */
	permission: string;
}

/** What a failed exchange or an `<error>` answer means, said so a user can act on it. */
export interface BtFailure extends HttpFailure {
	/** Text of an `<error>` element (or the OAuth layer's JSON error). */
	apiMessage?: string;
	/** Why an answer could not be read as XML (a DOCTYPE, not well-formed). */
	unreadableReason?: string;
	denied?: boolean;
}

/** What the site said, secrets replaced before it is cut short. */
function clean(text: string, secrets: string[]): string {
	return redactAndCut(text, secrets, 500);
}

function jsonMessage(body: unknown, secrets: string[]): string {
	if (!body) return '';
	if (typeof body === 'string')
		return body.trim().startsWith('<') ? '' : clean(body.trim(), secrets);
	if (typeof body === 'object') {
		const { error, message } = body as { error?: unknown; message?: unknown };
		return clean([error, message].filter((v) => typeof v === 'string').join(': '), secrets);
	}
	return '';
}

export function describeFailure(
	failure: BtFailure,
	ctx: FailureContext,
	secrets: string[] = [],
): { message: string; description: string } {
	const apiText = failure.apiMessage
		? clean(failure.apiMessage, secrets)
		: jsonMessage(failure.body, secrets);
	const said = apiText ? ` BeyondTrust said: ${apiText}` : '';
	const common = explainCommon(failure, secrets);
	if (common) return common;
	if (failure.networkCode) {
		const what =
			failure.networkCode === 'ETIMEDOUT'
				? 'did not answer in time'
				: failure.networkCode === 'ECONNREFUSED'
					? 'refused the connection'
					: 'closed the connection';
		return networkFailure(
			'BeyondTrust',
			ctx,
			failure.networkCode,
			what,
			'Check the site URL in the credential and the network. Reads were retried; generating a key or terminating a session is never repeated unless it certainly did not reach the site, so check BeyondTrust before running again.',
		);
	}
	if (failure.malformedBody) {
		return {
			message: `BeyondTrust answered with XML that could not be read: ${failure.unreadableReason ?? 'the answer is not well-formed XML'} (while trying to ${ctx.action})`,
			description:
				'Check that the site URL points at the appliance itself (not a proxy login page) and that "Enable XML API" is ticked under Management → API Configuration.',
		};
	}
	if (failure.denied || failure.status === 401) {
		return {
			message: `BeyondTrust rejected the access token while trying to ${ctx.action}.${said}`,
			description:
				'A new token was requested once and the call retried once, and it was still rejected. Check that the API account is enabled and its secret was not regenerated.',
		};
	}
	if (failure.status === 403 || /permission|not allowed|not authori[sz]ed/i.test(apiText)) {
		return {
			message: `The BeyondTrust API account may not ${ctx.action}.${said}`,
			description: `Give the API account "${ctx.permission}" under /login → Management → API Configuration.`,
		};
	}
	if (failure.status === 429) {
		const wait = retryAfterHint('BeyondTrust', failure);
		return {
			message: `BeyondTrust rate limit reached while trying to ${ctx.action} (429 Too Many Requests).${wait}`,
			description:
				'An API account may make 20 requests per second and 15,000 per hour. The node stays under both by itself; other clients using the same API account share the budget.',
		};
	}
	if (failure.status === undefined || (failure.status >= 200 && failure.status < 300)) {
		return {
			message: `BeyondTrust could not ${ctx.action}.${said}`,
			description:
				'The API answered with an <error> element. Check the values named in the message.',
		};
	}
	if (failure.status === 404) {
		return {
			message: `BeyondTrust at ${ctx.host} has no such API endpoint (404) while trying to ${ctx.action}.${said}`,
			description:
				'Check the site URL in the credential (e.g. https://support.example.com, without /api or /login).',
		};
	}
	return {
		message: `BeyondTrust failed to ${ctx.action} (HTTP ${failure.status}).${said}`,
		description: 'The site had a problem; reads were retried. Try again later.',
	};
}

export function toNodeApiError(
	node: INode,
	failure: BtFailure,
	ctx: FailureContext,
	secrets: Iterable<string>,
): NodeApiError {
	return failureToApiError(
		node,
		describeFailure,
		failure,
		ctx,
		secrets,
		// An <error> element arrives with HTTP 200: no HTTP status to show for it.
		(f) => (f.status && f.status >= 300 ? f.status : undefined),
	);
}
