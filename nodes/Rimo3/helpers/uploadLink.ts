import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { invalidInput } from '../../shared/validation';
import type { Rimo3Client } from '../transport/request';

/** Long enough for signed storage links (SAS, pre-signed S3), short enough to refuse junk. */
export const MAX_FILE_LINK_LENGTH = 2048;
const FIELD = 'File Link';

/**
 * The download link Rimo3 fetches the package from. No credential of ours travels with it, so
 * http is allowed; the rest is checked so Rimo3 is not sent something it cannot fetch. The link
 * itself never appears in a message: signed links carry their own secret.
 */
export function checkedFileLink(node: INode, itemIndex: number, value: unknown): string {
	const link = String(value ?? '').trim();
	if (!link) throw invalidInput(node, itemIndex, FIELD, 'is empty');
	if (link.length > MAX_FILE_LINK_LENGTH)
		throw invalidInput(
			node,
			itemIndex,
			FIELD,
			`is ${link.length} characters long; at most ${MAX_FILE_LINK_LENGTH} are allowed`,
		);
	// Checked on the text itself: the URL parser would quietly encode or drop these.
	if (/\s/.test(link) || [...link].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))
		throw invalidInput(node, itemIndex, FIELD, 'contains spaces or control characters');
	const parsed = URL.canParse(link) ? new URL(link) : undefined;
	if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
		throw invalidInput(node, itemIndex, FIELD, 'must be a URL starting with https:// or http://');
	if (!parsed.hostname) throw invalidInput(node, itemIndex, FIELD, 'has no host name');
	if (parsed.username || parsed.password)
		throw invalidInput(
			node,
			itemIndex,
			FIELD,
			'must not hold a user name or password (user:password@host)',
			`Give a link that needs no login, e.g. a signed download link, for item ${itemIndex}; nothing was sent for this item.`,
		);
	return link;
}

/** Fields of the upload that do not depend on the source, already validated. */
export interface UploadMetadata {
	fields: Array<[string, string]>;
	tags: string[];
	progressStep: number;
	displayName: string;
}

export function replyOf(answer: unknown): IDataObject {
	return answer && typeof answer === 'object'
		? (answer as IDataObject)
		: { response: answer ?? null };
}

/** Upload → Download Link: Rimo3 fetches the package itself. */
export async function uploadFromLink(
	ctx: IExecuteFunctions,
	client: Rimo3Client,
	i: number,
	{ fields, tags, progressStep, displayName }: UploadMetadata,
): Promise<INodeExecutionData[]> {
	const fileLink = checkedFileLink(ctx.getNode(), i, ctx.getNodeParameter('fileLink', i, ''));
	// JSON with progressStep as a number, as the public link example sends it
	// (docs/vendor-behaviour.md, Rimo3: upload from a link).
	const body: IDataObject = { fileLink, ...Object.fromEntries(fields), progressStep };
	if (tags.length) body.tags = tags;
	const answer = await client.request({
		method: 'POST',
		path: '/api/v2/application-packages/upload/manual/link',
		body,
		action: 'upload the application package from a link',
		// Not idempotent: a blind repeat could import the package twice.
		retry: 'rejectedOnly',
		itemIndex: i,
	});
	// The host only: a signed download link carries its own secret.
	const uploadedFrom = new URL(fileLink).host;
	return [{ json: { ...replyOf(answer), displayName, uploadedFrom, progressStep } }];
}
