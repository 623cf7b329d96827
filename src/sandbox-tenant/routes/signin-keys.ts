import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * The sandbox tenant's id-token signing key: RSA 2048, made at start and never written anywhere, published as a JWKS
 * at /{tenant}/discovery/v2.0/keys like Entra ID's. A relying party that verifies signatures must fetch it.
 */
export function createSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string };
  // Entra ID's kid is the key's thumbprint; any stable name for this key does.
  const kid = createHash('sha256').update(jwk.n).digest('base64url').slice(0, 27);
  return {
    kid,
    jwks: function jwks() {
      return { keys: [{ kty: jwk.kty, use: 'sig', alg: 'RS256', kid, n: jwk.n, e: jwk.e }] };
    },
    /** A compact JWS (RS256) over the claims. */
    signJwt: function signJwt(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
      const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid })).toString('base64url');
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
  };
}

export type SigningKey = ReturnType<typeof createSigningKey>;
