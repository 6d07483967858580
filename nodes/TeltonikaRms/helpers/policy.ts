import type { ICredentialDataDecryptedObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { MAX_SECONDS } from '../../shared/validation';
import { nodeParameter } from '../../shared/params';
import { PROTOCOLS } from './validation';

/** The credential's remote-access policy (credentials/common/rmsPolicy.ts), parsed. */
export interface RmsPolicy {
	networks: Network[];
	ports: Array<[number, number]>;
	protocols: string[];
	maxDuration: number;
	credentialsRequired: boolean;
	showLinksToTools: boolean;
}

interface Network {
	text: string;
	base: number;
	prefix: number;
}

const DEFAULT_NETWORKS = '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16';

function list(value: unknown, fallback: string): string[] {
	const text = typeof value === 'string' && value.trim() !== '' ? value : fallback;
	return text
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

function ipToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255))
		return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function mask(prefix: number): number {
	return prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix);
}

function inNetwork(ip: number, net: Network): boolean {
	const size = 2 ** (32 - net.prefix);
	return ip >= net.base && ip < net.base + size;
}

function policyError(node: INode, i: number, field: string, problem: string): NodeOperationError {
	return new NodeOperationError(node, `${field} ${problem} [item ${i}]`, {
		itemIndex: i,
		description:
			'The remote-access policy is set in the Teltonika RMS credential by its owner; a node can only narrow it. Nothing was sent for this item.',
	});
}

function parseNetworks(node: INode, i: number, value: unknown): Network[] {
	return list(value, DEFAULT_NETWORKS).map((text) => {
		const [ip, bits = '32'] = text.split('/');
		const base = ipToNumber(ip.trim());
		const prefix = Number(bits);
		if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
			throw policyError(
				node,
				i,
				'Policy: Allowed Destination Networks',
				`has "${text}", not an IPv4 CIDR such as 192.168.0.0/16`,
			);
		// 192.168.1.7/24 means 192.168.1.0/24
		const masked = Number((BigInt(base) & BigInt(mask(prefix))).toString());
		return { text, base: masked, prefix };
	});
}

function parsePorts(node: INode, i: number, value: unknown): Array<[number, number]> {
	return list(value, '1-65535').map((text) => {
		const [from, to = from] = text.split('-').map((p) => Number(p.trim()));
		if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 65535 || from > to)
			throw policyError(
				node,
				i,
				'Policy: Allowed Ports',
				`has "${text}", not a port or range within 1-65535`,
			);
		return [from, to] as [number, number];
	});
}

export function parsePolicy(
	node: INode,
	i: number,
	credentials: ICredentialDataDecryptedObject,
): RmsPolicy {
	const duration = Number(credentials.policyMaxDuration ?? MAX_SECONDS.linkDuration);
	return {
		networks: parseNetworks(node, i, credentials.policyAllowedNetworks),
		ports: parsePorts(node, i, credentials.policyAllowedPorts),
		protocols: list(credentials.policyAllowedProtocols, PROTOCOLS.join(',')).map((p) =>
			p.toLowerCase(),
		),
		maxDuration:
			Number.isFinite(duration) && duration > 0
				? Math.min(duration, MAX_SECONDS.linkDuration)
				: MAX_SECONDS.linkDuration,
		credentialsRequired: credentials.policyCredentialsRequired === true,
		showLinksToTools: credentials.policyShowLinksToTools === true,
	};
}

/** The policy of the credential this node runs with. */
export async function readPolicy(ctx: IExecuteFunctions, i: number): Promise<RmsPolicy> {
	const authentication = nodeParameter(ctx, 'authentication', 'accessToken') as string;
	const type = authentication === 'oAuth2' ? 'teltonikaRmsOAuth2Api' : 'teltonikaRmsApi';
	return parsePolicy(ctx.getNode(), i, await ctx.getCredentials(type));
}

function isLoopback(ip: number): boolean {
	return ip >= 0x7f000000 && ip <= 0x7fffffff;
}

/**
 * Addresses no link should reach unless the policy names them: loopback, 0.0.0.0, the limited
 * broadcast and the broadcast address of the allowed network the destination falls in.
 */
function specialReason(ip: number, net: Network): string | undefined {
	if (isLoopback(ip)) return 'a loopback address';
	if (ip === 0) return '0.0.0.0';
	if (ip === 0xffffffff) return 'the broadcast address';
	if (net.prefix < 31 && ip === net.base + 2 ** (32 - net.prefix) - 1)
		return `the broadcast address of ${net.text}`;
	return undefined;
}

/** A special address is allowed only by an entry that names it: a /32, or a loopback network. */
function namedExplicitly(ip: number, policy: RmsPolicy): boolean {
	return policy.networks.some(
		(net) => inNetwork(ip, net) && (net.prefix === 32 || (isLoopback(net.base) && net.prefix >= 8)),
	);
}

export function checkDestination(
	node: INode,
	i: number,
	policy: RmsPolicy,
	target: { ip: string; port: number; protocol: string },
): void {
	const ip = ipToNumber(target.ip) ?? -1;
	const net = policy.networks.find((n) => inNetwork(ip, n));
	if (!net)
		throw policyError(
			node,
			i,
			'LAN IP Address',
			`${target.ip} is outside the allowed networks of the credential's policy (${policy.networks.map((n) => n.text).join(', ')})`,
		);
	const reason = specialReason(ip, net);
	if (reason && !namedExplicitly(ip, policy))
		throw policyError(
			node,
			i,
			'LAN IP Address',
			`${target.ip} is ${reason}, refused unless the credential's policy names it (e.g. ${target.ip}/32)`,
		);
	if (!policy.ports.some(([from, to]) => target.port >= from && target.port <= to))
		throw policyError(node, i, 'Port', `${target.port} is not allowed by the credential's policy`);
	if (!policy.protocols.includes(target.protocol))
		throw policyError(
			node,
			i,
			'Protocol',
			`${target.protocol} is not allowed by the credential's policy (${policy.protocols.join(', ')})`,
		);
}

export function checkDuration(node: INode, i: number, policy: RmsPolicy, duration: number): void {
	if (duration > policy.maxDuration)
		throw policyError(
			node,
			i,
			'Duration (Seconds)',
			`must be at most ${policy.maxDuration} seconds, the credential's policy (got ${duration})`,
		);
}

/** Whether the policy names this address itself (a /32), as the router's own address needs. */
export function namesAddress(policy: RmsPolicy, ip: string): boolean {
	const value = ipToNumber(ip);
	return value !== undefined && policy.networks.some((n) => n.prefix === 32 && n.base === value);
}
