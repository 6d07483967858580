import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readDeviceRef, resolveDeviceId } from '../../helpers/device';
import { linkOutput } from '../../helpers/normalize';
import { readOptions } from '../../helpers/options';
import { checkDuration, readPolicy } from '../../helpers/policy';
import { requestLink } from '../../helpers/session';
import { invalidInput, requireDuration } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import { pathSegment } from '../../../shared/url';
import { deviceLocator, durationField, optionsCollection } from '../common.descriptions';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

/** The router's own interfaces RMS links to (docs/vendor-behaviour.md, RMS: device links). */
const LINK_TYPES = { webui: 'WebUI', cli: 'CLI' } as const;
type LinkType = keyof typeof LINK_TYPES;

const properties: INodeProperties[] = [
	deviceLocator,
	{
		displayName: 'Link Type',
		name: 'linkType',
		type: 'options',
		default: 'webui',
		required: true,
		options: [
			{ name: 'CLI', value: 'cli', description: "The router's command line in the browser" },
			{ name: 'WebUI', value: 'webui', description: "The router's own web interface" },
		],
		description: 'Which interface of the router itself the link opens',
	},
	durationField,
	optionsCollection(),
];

export const description = operationFields('device', 'generateLink', properties);

function readLinkType(ctx: IExecuteFunctions, i: number): LinkType {
	const value = String(ctx.getNodeParameter('linkType', i) ?? '')
		.trim()
		.toLowerCase();
	if (value in LINK_TYPES) return value as LinkType;
	throw invalidInput(ctx.getNode(), i, 'Link Type', `must be webui or cli (got "${value}")`);
}

/**
 * A link to the router itself (its WebUI or CLI), with no remote-access configuration: for when
 * the router, not a service behind it, is what needs looking at.
 */
export const execute: Execute<RmsClient> = async function (client, i) {
	const ref = readDeviceRef(this, i);
	const linkType = readLinkType(this, i);
	const duration = requireDuration(
		this.getNode(),
		i,
		'Duration (Seconds)',
		this.getNodeParameter('duration', i),
	);
	const options = readOptions(this, i);
	checkDuration(this.getNode(), i, await readPolicy(this, i), duration);

	const deviceId = await resolveDeviceId(client, ref, i);
	const label = LINK_TYPES[linkType];
	const link = await requestLink(
		client,
		{
			method: 'POST',
			path: `/devices/${pathSegment(deviceId, 'Device ID')}/connect/${linkType}`,
			body: { duration },
			action: `generate a ${label} link for device ${deviceId}`,
			scope: 'device_remote_access:write',
			itemIndex: i,
		},
		deviceId,
		options,
		`Check the device in RMS (Remote access → ${label}), or try again.`,
	);
	return [
		{
			json: linkOutput({
				device_id: deviceId,
				device_serial: ref.by === 'serial' ? ref.serial : null,
				link_type: linkType,
				...link,
				duration,
			}),
		},
	];
};
