import type { INode } from 'n8n-workflow';

/** The tail of each key's queue: resolves when the last task queued under the key is done. */
const tails = new Map<string, Promise<void>>();

/**
 * Runs `task` once every task queued earlier under the same key in this process has finished,
 * so executions that would list-then-create the same thing take turns instead of racing.
 */
export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	let release = () => {};
	const done = new Promise<void>((resolve) => (release = resolve));
	const tail = previous.then(() => done);
	tails.set(key, tail);
	await previous;
	try {
		return await task();
	} finally {
		release();
		if (tails.get(key) === tail) tails.delete(key);
	}
}

/** FNV-1a: a short, stable digest so keys never carry a credential reference in clear. */
function digest(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Identifies the RMS account a node talks to: the API base URL plus a digest of the node's
 * credential references (type and id, never the secret), which are the same in every execution.
 */
export function credentialKey(node: INode, baseUrl: string): string {
	const refs = Object.entries(node.credentials ?? {})
		.map(([type, ref]) => `${type}:${ref.id ?? ref.name}`)
		.sort()
		.join(',');
	return `${baseUrl}#${digest(refs)}`;
}
