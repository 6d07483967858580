import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
// `sleep`, not `sleepWithAbort`: the n8n-workflow bundled with n8n 2.40.7 has no sleepWithAbort.
import { sleep } from 'n8n-workflow';
import { normalizeSession } from '../../BeyondTrustRemoteSupport/helpers/normalize';
import { LSID } from '../../BeyondTrustRemoteSupport/helpers/validation';
import { BtClient } from '../../BeyondTrustRemoteSupport/transport/request';
import type { XmlNode } from '../../BeyondTrustRemoteSupport/transport/xml';
import { list, text } from '../../BeyondTrustRemoteSupport/transport/xml';

/**
 * The details call runs after the appliance has its 200, but the execution only starts when it
 * is done: this bounds that wait (the call itself has the transport's own retries and timeout).
 */
export const DETAILS_DEADLINE_MS = 10_000;

export type DetailsResult = { details: IDataObject } | { error: string };

/** The chat transcript link, only when it is an http(s) URL (it goes into tickets as a link). */
function webUrl(value: string): string | null {
	if (!value || !URL.canParse(value)) return null;
	const { protocol } = new URL(value);
	return protocol === 'https:' || protocol === 'http:' ? value : null;
}

function secondsBetween(start: string | null, end: string | null): number | null {
	if (!start || !end) return null;
	const seconds = (Date.parse(end) - Date.parse(start)) / 1000;
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** One `<session>` of a SupportSession report → the fields a ticket note needs. */
export function sessionDetails(session: XmlNode): IDataObject {
	const s = normalizeSession(session, false);
	const reps = (s.representatives as IDataObject[]).map((r) => String(r.display_name ?? ''));
	return {
		lsid: s.lsid,
		external_key: s.external_key,
		start_time: s.start_time,
		end_time: s.end_time,
		duration_seconds: secondsBetween(s.start_time as string | null, s.end_time as string | null),
		primary_rep: s.primary_rep,
		representatives: reps.filter(Boolean),
		customer_name: s.primary_customer,
		// docs/vendor-behaviour.md, BeyondTrust: session chat transcript URL
		chat_url: webUrl(text(session.session_chat_view_url)),
	};
}

async function fetchDetails(ctx: IWebhookFunctions, lsid: string): Promise<DetailsResult> {
	const client = await BtClient.create(ctx);
	const answer = await client.call({
		api: 'reporting',
		qs: { generate_report: 'SupportSession', lsid },
		action: 'read the details of the ended session',
		permission: 'Reporting: Allow Access to Support Session Reports and Recordings',
	});
	const session = answer.empty
		? undefined
		: list(answer.doc.body.session).find((s) => s['@lsid'] === lsid);
	if (!session) return { error: `BeyondTrust has no support session ${lsid} in its reports` };
	return { details: sessionDetails(session) };
}

/**
 * One SupportSession report call for the event's session. Never throws: a failure comes back as
 * a message (secrets already removed by the transport), so the event item still goes out.
 */
export async function detailsFor(ctx: IWebhookFunctions, lsid: unknown): Promise<DetailsResult> {
	if (typeof lsid !== 'string' || !LSID.test(lsid))
		return { error: 'The event has no valid session ID (lsid); no details were requested' };
	const call = fetchDetails(ctx, lsid).catch((error: unknown) => ({
		error: `Could not read the session details: ${error instanceof Error ? error.message : String(error)}`,
	}));
	// The deadline timer is left to run out after an early answer: it only resolves a promise
	// nobody waits for any more.
	const deadline = sleep(DETAILS_DEADLINE_MS).then(() => ({
		error: `BeyondTrust did not answer the session details request within ${DETAILS_DEADLINE_MS / 1000} s`,
	}));
	return await Promise.race([call, deadline]);
}
