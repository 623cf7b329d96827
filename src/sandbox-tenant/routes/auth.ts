import { createPublicKey, constants, randomBytes, verify, X509Certificate } from 'node:crypto';
import { graphError, json } from '../http/reply.ts';
import type { Reply } from '../http/types.ts';
import type { SandboxSignIn } from './signin.ts';

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** PEM certificates whose keys may sign client assertions (certificate credentials). */
  certificates: string[];
}

const TOKEN_LIFETIME_S = 3599;

/**
 * The token endpoint and bearer check: client credentials with a secret or a signed client_assertion, and the
 * authorization code grant of a user's sign-in (signin.ts) for the same confidential client.
 */
export function createAuth(app: AppRegistration, base: () => string, signIn?: SandboxSignIn) {
  const issued = new Map<string, { clientId: string; expires: number }>();
  const endpoint = () => `${base()}/${app.tenantId}/oauth2/v2.0/token`;

  function assertionValid(assertion: string): boolean {
    const [h, p, s] = assertion.split('.');
    if (!h || !p || !s) return false;
    try {
      const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { iss?: string; sub?: string; aud?: string; exp?: number };
      if (claims.iss !== app.clientId || claims.sub !== app.clientId || !claims.exp || claims.exp * 1000 < Date.now()) return false;
      const padding = header.alg === 'PS256' ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : {};
      if (header.alg !== 'PS256' && header.alg !== 'RS256') return false;
      return app.certificates.some((pem) => {
        const key = createPublicKey(new X509Certificate(pem).publicKey.export({ format: 'pem', type: 'spki' }));
        return verify('sha256', Buffer.from(`${h}.${p}`), { key, ...padding }, Buffer.from(s, 'base64url'));
      });
    } catch {
      return false;
    }
  }

  return {
    endpoint,
    /** POST /{tenant}/oauth2/v2.0/token with a form body. */
    token: function token(tenant: string, form: URLSearchParams): Reply {
      const fail = (code: string, description: string, status = 400) =>
        json({ error: code, error_description: description, error_codes: [], timestamp: new Date().toISOString() }, status);
      if (tenant !== app.tenantId && tenant.toLowerCase() !== 'organizations') return fail('invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
      const grant = form.get('grant_type');
      if (grant !== 'client_credentials' && !(grant === 'authorization_code' && signIn)) return fail('unsupported_grant_type', 'AADSTS70003: only client_credentials and authorization_code are supported by the sandbox tenant.');
      if (form.get('client_id') !== app.clientId) return fail('unauthorized_client', `AADSTS700016: Application with identifier '${form.get('client_id') ?? ''}' was not found.`);
      const secret = form.get('client_secret');
      const assertion = form.get('client_assertion');
      const ok = secret !== null ? secret === app.clientSecret : assertion !== null && assertionValid(assertion);
      if (!ok) return fail('invalid_client', 'AADSTS7000215: Invalid client secret or client assertion provided.', 401);
      if (grant === 'authorization_code') return signIn!.redeem(form);
      const accessToken = randomBytes(32).toString('base64url');
      issued.set(accessToken, { clientId: app.clientId, expires: Date.now() + TOKEN_LIFETIME_S * 1000 });
      return json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, ext_expires_in: TOKEN_LIFETIME_S, access_token: accessToken });
    },
    /** The app a bearer token belongs to, or a 401 reply. */
    bearer: function bearer(header: string | undefined): { clientId: string } | Reply {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!match) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
      const grant = issued.get(match[1]!);
      if (!grant || grant.expires < Date.now()) return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
      return { clientId: grant.clientId };
    },
    openidConfiguration: function openidConfiguration(): Record<string, unknown> {
      const b = `${base()}/${app.tenantId}`;
      return {
        token_endpoint: endpoint(), token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${b}/discovery/v2.0/keys`, response_modes_supported: ['query', 'fragment', 'form_post'], subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'], response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'], issuer: `${b}/v2.0`, request_uri_parameter_supported: false,
        grant_types_supported: ['authorization_code', 'client_credentials'], code_challenge_methods_supported: ['S256'],
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'name', 'preferred_username', 'email', 'oid', 'tid', 'roles', 'ver'],
        authorization_endpoint: `${b}/oauth2/v2.0/authorize`, end_session_endpoint: `${b}/oauth2/v2.0/logout`, tenant_region_scope: 'EU',
      };
    },
    /** What msal-node needs to skip discovery (LIBRARIES.md §7). */
    msalMetadata: function msalMetadata(): { authorityMetadata: string; cloudDiscoveryMetadata: string } {
      const host = new URL(base()).host;
      return {
        authorityMetadata: JSON.stringify(this.openidConfiguration()),
        cloudDiscoveryMetadata: JSON.stringify({
          tenant_discovery_endpoint: `${base()}/${app.tenantId}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        }),
      };
    },
  };
}

export type SandboxAuth = ReturnType<typeof createAuth>;
