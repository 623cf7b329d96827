import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { json } from '../http/reply.ts';
import type { Reply } from '../http/types.ts';
import type { Tenant, TenantUser } from '../state/model.ts';
import { accountPicker, errorPage, redirect, signedOutPage } from './signin-page.ts';
import type { SigningKey } from './signin-keys.ts';

/** A code is good for ten minutes and one redemption, as at Entra ID. */
const CODE_LIFETIME_MS = 10 * 60_000;
const ID_TOKEN_LIFETIME_S = 3600;

/** What a test can make the next id token get wrong, to see the relying party refuse it. */
export type SignInFault = 'signature' | 'audience' | 'nonce' | 'issuer' | 'expired';

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  scope: string;
  user: TenantUser;
  expires: number;
}

export interface SignInOptions {
  tenant: Tenant;
  clientId: string;
  key: SigningKey;
  /** https://localhost:PORT/{tenant}: the issuer is `${authorityBase()}/v2.0`. */
  authorityBase: () => string;
  /** Reply addresses registered besides loopback ones (http(s)://localhost|127.0.0.1|[::1]:any-port). */
  redirectUris: string[];
}

/**
 * Interactive sign-in (OpenID Connect authorization code flow with PKCE, S256 only): an account picker instead of a
 * password, or straight back with `login_hint`; the code grant on the token endpoint; end_session.
 */
export function createSignIn(options: SignInOptions) {
  const { tenant, clientId, key } = options;
  const codes = new Map<string, Grant>();
  const faults: SignInFault[] = [];
  const registered = (uri: string | null): uri is string => {
    if (!uri) return false;
    if (options.redirectUris.includes(uri)) return true;
    try {
      const u = new URL(uri);
      return (u.protocol === 'http:' || u.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) && !u.hash;
    } catch {
      return false;
    }
  };
  const back = (uri: string, params: Record<string, string | null>) => {
    const u = new URL(uri);
    for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
    return redirect(u.toString());
  };

  function idToken(grant: Grant): string {
    const now = Math.floor(Date.now() / 1000);
    const fault = faults.shift();
    const claims: Record<string, unknown> = {
      aud: fault === 'audience' ? randomUUID() : grant.clientId,
      iss: fault === 'issuer' ? `https://login.microsoftonline.com/${randomUUID()}/v2.0` : `${options.authorityBase()}/v2.0`,
      iat: fault === 'expired' ? now - 2 * ID_TOKEN_LIFETIME_S : now,
      nbf: fault === 'expired' ? now - 2 * ID_TOKEN_LIFETIME_S : now,
      exp: fault === 'expired' ? now - ID_TOKEN_LIFETIME_S : now + ID_TOKEN_LIFETIME_S,
      name: grant.user.displayName,
      oid: grant.user.id,
      preferred_username: grant.user.userPrincipalName,
      email: grant.user.mail,
      // Pairwise: the same person has another subject in another app.
      sub: createHash('sha256').update(`${grant.user.id}|${grant.clientId}`).digest('base64url').slice(0, 43),
      tid: tenant.tenantId,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
      ...(grant.nonce !== undefined ? { nonce: fault === 'nonce' ? randomBytes(16).toString('base64url') : grant.nonce } : {}),
      ...(grant.user.appRoles?.length ? { roles: [...grant.user.appRoles] } : {}),
    };
    const jwt = key.signJwt(claims);
    if (fault !== 'signature') return jwt;
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const sig = Buffer.from(s, 'base64url');
    sig[sig.length - 1]! ^= 1;
    return `${h}.${p}.${sig.toString('base64url')}`;
  }

  return {
    /** GET /{tenant}/oauth2/v2.0/authorize */
    authorize: function authorize(query: URLSearchParams): Reply {
      if (query.get('client_id') !== clientId) return errorPage('AADSTS700016', `Application with identifier '${query.get('client_id') ?? ''}' was not found in the directory '${tenant.organisation}'.`);
      const redirectUri = query.get('redirect_uri');
      if (!registered(redirectUri)) return errorPage('AADSTS50011', 'The redirect URI specified in the request does not match the redirect URIs configured for the application.');
      const state = query.get('state');
      const fail = (error: string, description: string) => back(redirectUri, { error, error_description: description, state });
      if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'AADSTS700054: only response_type=code is supported by the sandbox tenant.');
      const challenge = query.get('code_challenge');
      if (!challenge || query.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'AADSTS9002325: Proof Key for Code Exchange (S256) is required.');
      const scope = query.get('scope') ?? '';
      if (!scope.split(' ').includes('openid')) return fail('invalid_scope', 'AADSTS70011: the scope must include openid.');
      const hint = query.get('login_hint')?.toLowerCase();
      const user = hint ? tenant.users.find((u) => u.userPrincipalName.toLowerCase() === hint || u.mail.toLowerCase() === hint) : undefined;
      if (!user) {
        return accountPicker(tenant.organisation, tenant.users, (u) => {
          const next = new URLSearchParams(query);
          next.set('login_hint', u.userPrincipalName);
          return `?${next.toString()}`;
        });
      }
      if (!user.accountEnabled) return fail('access_denied', 'AADSTS50057: The user account is disabled.');
      const code = randomBytes(32).toString('base64url');
      const nonce = query.get('nonce');
      codes.set(code, { clientId, redirectUri, challenge, scope, user, expires: Date.now() + CODE_LIFETIME_MS, ...(nonce !== null ? { nonce } : {}) });
      return back(redirectUri, { code, state, session_state: randomUUID() });
    },
    /** grant_type=authorization_code, after the token endpoint has authenticated the client. */
    redeem: function redeem(form: URLSearchParams): Reply {
      const fail = (description: string) => json({ error: 'invalid_grant', error_description: description, error_codes: [], timestamp: new Date().toISOString() }, 400);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!grant || grant.expires < Date.now()) return fail('AADSTS70008: The provided authorization code or refresh token has expired or was already redeemed.');
      if (form.get('redirect_uri') !== grant.redirectUri) return fail('AADSTS500112: The reply address does not match the one of the authorization request.');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return fail('AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      const scope = grant.scope.split(' ').filter((s) => s && s !== 'offline_access').join(' ');
      return json({
        token_type: 'Bearer', scope, expires_in: ID_TOKEN_LIFETIME_S, ext_expires_in: ID_TOKEN_LIFETIME_S,
        // A delegated token the sandbox's Graph does not accept: sign-in needs only the id token.
        access_token: randomBytes(32).toString('base64url'),
        id_token: idToken(grant),
        client_info: Buffer.from(JSON.stringify({ uid: grant.user.id, utid: tenant.tenantId })).toString('base64url'),
      });
    },
    /** GET /{tenant}/oauth2/v2.0/logout */
    endSession: function endSession(query: URLSearchParams): Reply {
      const to = query.get('post_logout_redirect_uri');
      return registered(to) ? back(to, { state: query.get('state') }) : signedOutPage();
    },
    jwks: () => json(key.jwks()),
    /** The next id tokens come out wrong in these ways, one each. */
    fault: function fault(kind: SignInFault): void {
      faults.push(kind);
    },
  };
}

export type SandboxSignIn = ReturnType<typeof createSignIn>;
