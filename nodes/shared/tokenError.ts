/**
 * Thrown when no token could be obtained; the message names the fix and holds no secret. n8n wraps
 * it in a NodeApiError that keeps only the message, so every message starts with TOKEN_ERROR_PREFIX.
 */
export const TOKEN_ERROR_PREFIX = 'Could not get an access token: ';

export class TokenMintError extends Error {
	readonly isTokenMintError = true;

	constructor(
		message: string,
		readonly tokenStatus?: number,
	) {
		super(`${TOKEN_ERROR_PREFIX}${message}`);
		this.name = 'TokenMintError';
	}
}
