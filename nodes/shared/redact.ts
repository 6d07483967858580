/** Replaces every secret value in use wherever it appears in a text the package shows. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secrets: Iterable<string>): string {
	let out = text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`);
	const values = [...new Set(secrets)].filter(
		(s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH,
	);
	// Longest first, so a secret that contains another is replaced whole.
	values.sort((a, b) => b.length - a.length);
	for (const secret of values) out = out.split(secret).join(REDACTED);
	return out;
}

/** The value of an HTTP Basic header for these credentials (servers may echo it). */
export function basicValue(user: string, password: string): string {
	return Buffer.from(`${user}:${password}`).toString('base64');
}

/** Secret values of a client-credentials pair, in every shape a server may echo them. */
export function clientSecrets(clientId: unknown, clientSecret: unknown): string[] {
	const id = String(clientId ?? '');
	const secret = String(clientSecret ?? '');
	return secret ? [secret, basicValue(id, secret), encodeURIComponent(secret)] : [];
}
