import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { readDeviceRef, resolveDeviceId } from '../../helpers/device';
import { readOptions } from '../../helpers/options';
import { checkDestination, readPolicy } from '../../helpers/policy';
import { createRemoteAccess } from '../../helpers/remoteAccess';
import { requireIPv4, requirePort, requireProtocol, requireText } from '../../helpers/validation';
import type { RmsClient } from '../../transport/request';
import {
	destinationIpField,
	destinationPortField,
	deviceLocator,
	optionsCollection,
	protocolField,
} from '../common.descriptions';
import { configNameField } from './fields';
import type { Execute } from '../../../shared/operations';
import { operationFields } from '../../../shared/operations';

const properties: INodeProperties[] = [
	deviceLocator,
	configNameField,
	destinationIpField,
	destinationPortField,
	protocolField,
	optionsCollection([
		{
			displayName: 'Credentials Required',
			name: 'credentialsRequired',
			type: 'boolean',
			default: false,
			description: "Whether RMS asks for the RMS user's login before opening the link",
		},
	]),
];

export const description = operationFields('remoteAccess', 'create', properties);

export const execute: Execute<RmsClient> = async function (client, i) {
	const node = this.getNode();
	const ref = readDeviceRef(this, i);
	const name = requireText(node, i, 'Name', this.getNodeParameter('name', i));
	const destinationIp = requireIPv4(
		node,
		i,
		'LAN IP Address',
		this.getNodeParameter('destinationIp', i),
	);
	const destinationPort = requirePort(node, i, 'Port', this.getNodeParameter('destinationPort', i));
	const protocol = requireProtocol(node, i, 'Protocol', this.getNodeParameter('protocol', i));
	const options = readOptions(this, i);
	const policy = await readPolicy(this, i);
	checkDestination(node, i, policy, { ip: destinationIp, port: destinationPort, protocol });
	// The option can ask for a login the policy does not; it cannot drop one the policy asks for.
	const credentialsRequired =
		policy.credentialsRequired ||
		(this.getNodeParameter('options', i, {}) as IDataObject).credentialsRequired === true;

	const deviceId = await resolveDeviceId(client, ref, i);
	const config = await createRemoteAccess(
		client,
		{ deviceId, name, destinationIp, destinationPort, protocol, credentialsRequired },
		options,
		i,
	);
	return [{ json: config }];
};
