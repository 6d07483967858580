import type { INodeProperties } from 'n8n-workflow';

export const configNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Camera_HTTPS',
	description:
		'Name of the remote access configuration on the device; letters, digits, dashes and underscores are safest',
};
