import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { invalidInput } from '../../../shared/validation';
import { buildMultipart, isMimeType } from '../../transport/multipart';
import type { Rimo3Client } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the package (a .zip with the installer)',
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
		description: 'The installer file inside the zip',
	},
	{
		displayName: 'Progress Step',
		name: 'progressStep',
		type: 'options',
		default: 2,
		description:
			"How far the pipeline runs after the upload. Values as described by a practitioner's working scripts, not by official documentation (unconfirmed).",
		options: [
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
				description:
					'Comma-separated; each tag is sent as its own "tags" form field (format unconfirmed)',
			},
			{ displayName: 'Uninstall Command', name: 'uninstallCommand', type: 'string', default: '' },
			{ displayName: 'Version', name: 'version', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['applicationPackage'], operation: ['upload'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: Rimo3Client,
	i: number,
): Promise<INodeExecutionData[]> {
	// An expression may yield null or undefined: that is an empty field, not the text "null".
	const text = (name: string, fallback: string) =>
		String(this.getNodeParameter(name, i, fallback) ?? '').trim();
	const property = text('binaryPropertyName', 'data');
	const displayName = text('displayName', '');
	const fileName = text('fileName', '');
	const progressStep = Number(this.getNodeParameter('progressStep', i, 2));
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	if (!displayName) throw invalidInput(this.getNode(), i, 'Display Name', 'is empty');
	if (!fileName) throw invalidInput(this.getNode(), i, 'Setup File Name', 'is empty');
	if (progressStep !== 2 && progressStep !== 3)
		throw invalidInput(this.getNode(), i, 'Progress Step', 'must be 2 or 3');
	const item = this.getInputData()[i];
	if (!item.binary?.[property])
		throw invalidInput(
			this.getNode(),
			i,
			'Input Binary Field',
			`"${property}" holds no file on this item`,
		);
	const binary = this.helpers.assertBinaryData(i, property);
	const data = await this.helpers.getBinaryDataBuffer(i, property);
	if (!data.length)
		throw invalidInput(this.getNode(), i, 'Input Binary Field', `"${property}" is an empty file`);

	const fields: Array<[string, string]> = [
		['displayName', displayName],
		['fileName', fileName],
		['name', String(extra.name ?? '').trim() || displayName],
		['progressStep', String(progressStep)],
	];
	for (const key of ['publisher', 'version', 'installCommand', 'uninstallCommand', 'comment']) {
		const value = String(extra[key] ?? '').trim();
		if (value) fields.push([key, value]);
	}
	for (const tag of String(extra.tags ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean))
		fields.push(['tags', tag]);

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
	const { body, contentType } = buildMultipart(fields, {
		name: 'file',
		fileName: uploadName,
		contentType: mimeType,
		data,
	});
	const answer = await client.request({
		method: 'POST',
		path: '/api/v2/application-packages/upload/manual',
		body,
		headers: { 'Content-Type': contentType },
		action: 'upload the application package',
		// Not idempotent: a blind repeat could import the package twice.
		retry: 'rejectedOnly',
		itemIndex: i,
	});
	const reply =
		answer && typeof answer === 'object' ? (answer as IDataObject) : { response: answer ?? null };
	return [
		{
			json: {
				...reply,
				displayName,
				uploadedFile: uploadName,
				uploadedBytes: data.length,
				progressStep,
			},
		},
	];
}
