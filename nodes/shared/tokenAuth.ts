import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import type { TokenRequest } from './clientCredentialsToken';
import { markTokenRejected, obtainClientCredentialsToken } from './clientCredentialsToken';
import type { Send } from './exchange';
import type { NodeContext } from './params';
import { clientSecrets } from './redact';
import { tokenBinding } from './tokenBinding';

/**
 * Client-credentials authentication for a node run. The token is taken from the shared cache and
 * handed to n8n with the credential, so the node knows exactly which token each request carried:
 * a rejection marks that token only, and all executions that saw it rejected share one new token.
 */
export class ClientCredentialsAuth {
	private sentToken = '';

	private readonly usedTokens = new Set<string>();

	private constructor(
		private readonly ctx: NodeContext,
		private readonly credentialType: string,
		private readonly data: ICredentialDataDecryptedObject,
		private readonly tokenRequest: TokenRequest,
	) {}

	static async create(
		ctx: NodeContext,
		credentialType: string,
		toTokenRequest: (credentials: ICredentialDataDecryptedObject) => TokenRequest,
	): Promise<ClientCredentialsAuth> {
		const data = await ctx.getCredentials(credentialType);
		return new ClientCredentialsAuth(ctx, credentialType, data, toTokenRequest(data));
	}

	get guard() {
		return this.tokenRequest.guard;
	}

	/** Every secret value in use, for redaction. */
	secrets(): string[] {
		return [...clientSecrets(this.data.clientId, this.data.clientSecret), ...this.usedTokens];
	}

	/** A sender for one attempt; `renew` after a rejection of the token last sent. */
	async sender(renew: boolean): Promise<Send> {
		if (renew && this.sentToken) markTokenRejected(this.sentToken);
		const token = await obtainClientCredentialsToken(
			{
				helpers: {
					httpRequest: async (o: IHttpRequestOptions) => await this.ctx.helpers.httpRequest(o),
				},
			},
			{
				...this.tokenRequest,
				currentToken: renew ? this.sentToken : undefined,
				// Adopted only when its binding says it was minted for these URL, client and secret.
				storedToken: String(this.data.accessToken ?? ''),
				storedBinding: String(this.data.tokenBinding ?? ''),
				// The node itself saw the token refused; no probe needed to believe it.
				probe: undefined,
			},
		);
		this.sentToken = token;
		this.usedTokens.add(token);
		const ref = this.ctx.getNode().credentials?.[this.credentialType];
		const credentialsDecrypted = {
			id: ref?.id ?? '',
			name: ref?.name ?? '',
			type: this.credentialType,
			data: {
				...this.data,
				accessToken: token,
				tokenBinding: tokenBinding(this.tokenRequest, token),
			},
		};
		return async (options) =>
			await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				this.credentialType,
				options,
				{ credentialsDecrypted },
			);
	}
}
