import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import { Agent } from 'undici';
import { createMsalNetworkClient } from '../../../connectors/graph/auth/index.ts';
import { DEFAULT_USER_AGENT } from '../../../connectors/graph/config.ts';
import { MICROSOFT_AUTHORITY, type ResolvedOidc } from './oidc-config.ts';
import { IdTokenRejected } from './oidc-verify.ts';

/** Entra ID's answer: every scope of a sign-in that asks for no API. */
const SCOPES = ['openid', 'profile', 'email'];

export interface ProviderMetadata {
  issuer: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

export class OidcProviderError extends Error {
  constructor(readonly code: string) {
    super(`the identity provider did not complete the sign-in (${code})`);
    this.name = 'OidcProviderError';
  }
}

/**
 * The relying party's side of Entra ID: msal-node builds the authorization URL and redeems the code (with the client
 * secret or certificate); everything goes through one undici dispatcher that trusts the configured CA (the sandbox
 * tenant's self-signed certificate), like the Graph transport.
 */
export function createOidcClient(config: ResolvedOidc) {
  const dispatcher = config.ca ? new Agent({ connect: { ca: config.ca } }) : undefined;
  const network = createMsalNetworkClient(dispatcher, DEFAULT_USER_AGENT);
  const authority = `${config.authorityHost}/${config.tenantId}`;
  const auth: Configuration['auth'] = { clientId: config.clientId, authority };
  if (config.clientSecret) auth.clientSecret = config.clientSecret.reveal();
  if (config.certificate) auth.clientCertificate = { thumbprintSha256: config.certificate.thumbprintSha256, privateKey: config.certificate.privateKey.reveal(), ...(config.certificate.x5c ? { x5c: config.certificate.x5c } : {}) };
  if (config.authorityHost !== MICROSOFT_AUTHORITY) auth.knownAuthorities = [new URL(config.authorityHost).host];
  if (config.authorityMetadata) auth.authorityMetadata = config.authorityMetadata;
  if (config.cloudDiscoveryMetadata) auth.cloudDiscoveryMetadata = config.cloudDiscoveryMetadata;
  const msal = new ConfidentialClientApplication({
    auth,
    system: { networkClient: network, loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => {} } },
  });
  let metadata: Promise<ProviderMetadata> | undefined;

  async function getJson(url: string): Promise<Record<string, unknown>> {
    const { status, body } = await network.sendGetRequestAsync<Record<string, unknown>>(url, {}, 10_000).catch(() => {
      throw new OidcProviderError('network_error');
    });
    if (status !== 200) throw new OidcProviderError(`http_${status}`);
    return body;
  }

  async function loadMetadata(): Promise<ProviderMetadata> {
    const raw = config.authorityMetadata ? (JSON.parse(config.authorityMetadata) as Record<string, unknown>) : await getJson(`${authority}/v2.0/.well-known/openid-configuration`);
    if (typeof raw.issuer !== 'string' || typeof raw.jwks_uri !== 'string') throw new OidcProviderError('no_issuer_or_jwks_uri');
    // The multi-tenant documents say {tenantid}; a tenant's own document names it.
    const issuer = raw.issuer.replace('{tenantid}', config.tenantId);
    return { issuer, jwks_uri: raw.jwks_uri, ...(typeof raw.end_session_endpoint === 'string' ? { end_session_endpoint: raw.end_session_endpoint } : {}) };
  }

  return {
    scopes: SCOPES,
    getJson,
    /** The provider's issuer, keys and sign-out address; fetched once (a failure is retried at the next sign-in). */
    metadata: function providerMetadata(): Promise<ProviderMetadata> {
      metadata ??= loadMetadata().catch((error: unknown) => {
        metadata = undefined;
        throw error;
      });
      return metadata;
    },
    authorizationUrl: function authorizationUrl(p: { redirectUri: string; state: string; nonce: string; challenge: string; loginHint?: string }): Promise<string> {
      return msal.getAuthCodeUrl({
        scopes: SCOPES, redirectUri: p.redirectUri, state: p.state, nonce: p.nonce, codeChallenge: p.challenge, codeChallengeMethod: 'S256',
        responseMode: 'query', ...(p.loginHint ? { loginHint: p.loginHint } : {}),
      });
    },
    /** The raw id token for a code; msal keeps nothing afterwards (no tokens are needed once the person is known). */
    redeem: async function redeem(code: string, verifier: string, redirectUri: string, nonce: string): Promise<string> {
      let result;
      try {
        result = await msal.acquireTokenByCode({ code, scopes: SCOPES, redirectUri, codeVerifier: verifier, nonce });
      } catch (error) {
        // msal's error code names the failure (invalid_grant…); its message may quote the provider's text.
        const code = (error as { errorCode?: string }).errorCode ?? 'unknown';
        // msal compares the nonce before this server's own check can: the same refusal either way.
        throw code === 'nonce_mismatch' ? new IdTokenRejected('wrong nonce') : new OidcProviderError(code);
      }
      if (result.account) await msal.getTokenCache().removeAccount(result.account);
      if (!result.idToken) throw new OidcProviderError('no_id_token');
      return result.idToken;
    },
    close: async function close(): Promise<void> {
      await dispatcher?.close();
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
