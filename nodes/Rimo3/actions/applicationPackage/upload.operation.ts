import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { invalidInput } from '../../../shared/validation';
import { buildMultipart, isMimeType } from '../../transport/multipart';
import type { Rimo3Client } from '../../transport/request';
import { replyOf, uploadFromLink } from '../../helpers/uploadLink';
import { packageFile } from '../../helpers/uploadSource';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const BINARY = { show: { source: ['binary'] } };
const LINK = { show: { source: ['link'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'binary',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A zip from a previous node, sent as multipart',
			},
			{
				name: 'Download Link',
				value: 'link',
				description: 'A URL Rimo3 downloads the package from',
			},
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: BINARY,
		hint: 'The name of the input binary field holding the package (a .zip with the installer)',
	},
	{
		displayName: 'File Link',
		name: 'fileLink',
		type: 'string',
		default: '',
		required: true,
		displayOptions: LINK,
		placeholder: 'e.g. https://downloads.example.com/contoso-viewer-1.2.3.zip',
		description:
			'Download URL of the package; Rimo3 fetches it, so it must be reachable from the internet without a login (https:// or http://)',
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Contoso Viewer 1.2.3',
	},
	{
		displayName: 'Setup File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. setup.exe',
		description: 'The installer file inside the zip, or the installer the link downloads',
	},
	{
		displayName: 'Progress Step',
		name: 'progressStep',
		type: 'options',
		default: 2,
		displayOptions: BINARY,
		description: 'How far the Rimo3 pipeline runs after the upload',
		options: [
			{ name: 'Import, Discovery and Baseline (2)', value: 2 },
			{ name: 'Import, Discovery, Baseline and Smoke Test (3)', value: 3 },
		],
	},
	{
		displayName: 'Progress Step',
		name: 'progressStep',
		type: 'options',
		default: 0,
		displayOptions: LINK,
		description: 'How far the Rimo3 pipeline runs after the upload',
		options: [
			{ name: 'Default (0)', value: 0 },
			{ name: 'Import, Discovery and Baseline (2)', value: 2 },
			{ name: 'Import, Discovery, Baseline and Smoke Test (3)', value: 3 },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
			{ displayName: 'Install Command', name: 'installCommand', type: 'string', default: '' },
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Application name (defaults to the display name)',
			},
			{ displayName: 'Publisher', name: 'publisher', type: 'string', default: '' },
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Comma-separated, e.g. pilot, finance',
			},
			{ displayName: 'Uninstall Command', name: 'uninstallCommand', type: 'string', default: '' },
			{ displayName: 'Version', name: 'version', type: 'string', default: '' },
		],
	},
];

export const description = operationFields('applicationPackage', 'upload', properties);

/** Values the API is known to take, per source (docs/vendor-behaviour.md, Rimo3: progressStep). */
const KNOWN_STEPS = { binary: [2, 3], link: [0, 2, 3] };
const KNOWN_TEXT = { binary: '2 or 3 for a binary file', link: '0, 2 or 3 for a download link' };

export const execute: Execute<Rimo3Client> = async function (client, i) {
	// An expression may yield null or undefined: that is an empty field, not the text "null".
	const text = (name: string, fallback: string) =>
		String(this.getNodeParameter(name, i, fallback) ?? '').trim();
	const source = this.getNodeParameter('source', i, 'binary') === 'link' ? 'link' : 'binary';
	const displayName = text('displayName', '');
	const fileName = text('fileName', '');
	const progressStep = Number(this.getNodeParameter('progressStep', i, source === 'link' ? 0 : 2));
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	if (!displayName) throw invalidInput(this.getNode(), i, 'Display Name', 'is empty');
	if (!fileName) throw invalidInput(this.getNode(), i, 'Setup File Name', 'is empty');
	if (!KNOWN_STEPS[source].includes(progressStep))
		throw invalidInput(this.getNode(), i, 'Progress Step', `must be ${KNOWN_TEXT[source]}`);

	const fields: Array<[string, string]> = [
		['displayName', displayName],
		['fileName', fileName],
		['name', String(extra.name ?? '').trim() || displayName],
	];
	for (const key of ['publisher', 'version', 'installCommand', 'uninstallCommand', 'comment']) {
		const value = String(extra[key] ?? '').trim();
		if (value) fields.push([key, value]);
	}
	const tags = String(extra.tags ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);

	if (source === 'link')
		return await uploadFromLink(this, client, i, { fields, tags, progressStep, displayName });

	const property = text('binaryPropertyName', 'data');
	const item = this.getInputData()[i];
	if (!item.binary?.[property])
		throw invalidInput(
			this.getNode(),
			i,
			'Input Binary Field',
			`"${property}" holds no file on this item`,
		);
	const binary = this.helpers.assertBinaryData(i, property);
	const file = await packageFile(this, i, property, binary);
	fields.push(['progressStep', String(progressStep)]);
	for (const tag of tags) fields.push(['tags', tag]);

	const uploadName = binary.fileName || `${displayName.replace(/[^A-Za-z0-9._-]+/g, '_')}.zip`;
	const mimeType = binary.mimeType || 'application/zip';
	// It becomes a header line of the multipart body: only a plain type/subtype may get there.
	if (!isMimeType(mimeType))
		throw invalidInput(
			this.getNode(),
			i,
			'Input Binary Field',
			`"${property}" has a MIME type that is not of the form type/subtype`,
		);
	const stream = buildMultipart(fields, {
		name: 'file',
		fileName: uploadName,
		contentType: mimeType,
		...file,
	});
	const answer = await client.request({
		method: 'POST',
		path: '/api/v2/application-packages/upload/manual',
		stream,
		action: 'upload the application package',
		// Not idempotent: a blind repeat could import the package twice.
		retry: 'rejectedOnly',
		itemIndex: i,
	});
	return [
		{
			json: {
				...replyOf(answer),
				displayName,
				uploadedFile: uploadName,
				uploadedBytes: file.size,
				progressStep,
			},
		},
	];
};
