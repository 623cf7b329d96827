import { createHmac, timingSafeEqual } from 'node:crypto';

/** Paging and delta tokens: opaque to clients (base64url JSON), never parsed by them. */
export function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeToken<T extends object>(token: string): T | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** A signed token (pre-authenticated download URLs): the signature is the authentication. */
export function signToken(secret: string, state: object): string {
  const payload = encodeToken(state);
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

export function verifyToken<T extends object>(secret: string, token: string): T | undefined {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return decodeToken<T>(payload);
}
