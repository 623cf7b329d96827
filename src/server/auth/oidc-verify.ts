import { createPublicKey, timingSafeEqual, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { ProviderMetadata } from './oidc-client.ts';

/** Clocks differ a little between Entra ID and this server. */
const SKEW_S = 300;
/** An unknown key id refetches the keys (Entra ID rotates them), but not more often than this. */
const REFETCH_MS = 60_000;

export class IdTokenRejected extends Error {
  constructor(readonly reason: string) {
    super(`the id token was refused: ${reason}`);
    this.name = 'IdTokenRejected';
  }
}

export interface IdTokenVerifierOptions {
  clientId: string;
  /** The tenant the token must come from (its `tid`); skipped for `organizations`/`common`. */
  tenantId: string;
  metadata: () => Promise<ProviderMetadata>;
  getJson: (url: string) => Promise<Record<string, unknown>>;
  now?: () => number;
}

const part = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;

function same(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks an id token the way OpenID Connect Core §3.1.3.7 asks, with node:crypto only: RS256 signature by a key of
 * the provider's JWKS, issuer, audience (and azp), tenant, expiry and not-before, and the nonce of this sign-in.
 */
export function createIdTokenVerifier(options: IdTokenVerifierOptions) {
  const now = options.now ?? (() => Date.now());
  const keys = new Map<string, KeyObject>();
  let fetchedAt = 0;

  async function key(kid: string): Promise<KeyObject> {
    if (!keys.has(kid) && now() - fetchedAt > REFETCH_MS) {
      const { jwks_uri } = await options.metadata();
      const jwks = await options.getJson(jwks_uri);
      fetchedAt = now();
      keys.clear();
      for (const jwk of (Array.isArray(jwks.keys) ? jwks.keys : []) as (JsonWebKey & { kid?: string; use?: string })[]) {
        if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use && jwk.use !== 'sig')) continue;
        try {
          keys.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }));
        } catch {
          // A key this server cannot read cannot have signed a token it accepts.
        }
      }
    }
    const found = keys.get(kid);
    if (!found) throw new IdTokenRejected('signed with an unknown key');
    return found;
  }

  return async function verifyIdToken(jwt: string, nonce: string): Promise<Record<string, unknown>> {
    const [h, p, s, extra] = jwt.split('.');
    if (!h || !p || !s || extra !== undefined) throw new IdTokenRejected('not a signed JWT');
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = part(h);
      claims = part(p);
    } catch {
      throw new IdTokenRejected('not a signed JWT');
    }
    // Only what Entra ID signs with: never `none`, never an HMAC keyed by something public.
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new IdTokenRejected(`algorithm ${String(header.alg)} is not accepted`);
    if (!verify('sha256', Buffer.from(`${h}.${p}`), await key(header.kid), Buffer.from(s, 'base64url'))) throw new IdTokenRejected('bad signature');
    const { issuer } = await options.metadata();
    if (claims.iss !== issuer) throw new IdTokenRejected('wrong issuer');
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(options.clientId) || (aud.length > 1 && claims.azp !== options.clientId)) throw new IdTokenRejected('wrong audience');
    const tenantSpecific = !['organizations', 'common'].includes(options.tenantId.toLowerCase()) && /^[0-9a-f-]{36}$/i.test(options.tenantId);
    if (tenantSpecific && claims.tid !== options.tenantId) throw new IdTokenRejected('another tenant');
    const t = now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp < t - SKEW_S) throw new IdTokenRejected('expired');
    if (typeof claims.nbf === 'number' && claims.nbf > t + SKEW_S) throw new IdTokenRejected('not valid yet');
    if (typeof claims.iat !== 'number' || claims.iat > t + SKEW_S) throw new IdTokenRejected('issued in the future');
    if (!same(claims.nonce, nonce)) throw new IdTokenRejected('wrong nonce');
    return claims;
  };
}

export type IdTokenVerifier = ReturnType<typeof createIdTokenVerifier>;
