import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Store } from '../../store/store.ts';
import { forbidden, HttpError, unauthorized } from '../http-error.ts';
import { readSessionCookie } from './cookies.ts';
import { secretHash } from './passwords.ts';
import { may, PERMISSION_WORDS, type Permission } from './roles.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Finds the caller: `Authorization: Bearer TOKEN` (a DMS, scripts) or the session cookie (the UI). A cookie-borne
 * request that changes something must repeat the session's CSRF token in `X-CSRF-Token` (synchronizer token): a
 * page on another site can make the browser send the cookie, never read the token.
 */
export function authenticate(store: Store): RequestHandler {
  return async function identify(req: Request, _res: Response, next: NextFunction) {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(auth);
      const account = m ? await store.accountByToken(secretHash(m[1]!)) : undefined;
      if (!account) throw new HttpError(401, 'invalid-token', 'the API token is not valid');
      req.principal = { account, via: 'token' };
      return next();
    }
    const cookie = readSessionCookie(req);
    if (cookie) {
      const hash = secretHash(cookie);
      const session = await store.session(hash, new Date().toISOString());
      if (session) {
        if (!SAFE.has(req.method) && !same(String(req.headers['x-csrf-token'] ?? ''), session.csrfToken)) {
          throw new HttpError(403, 'csrf', 'the request lacks this session’s CSRF token (reload the page)');
        }
        req.principal = { account: session.account, via: 'session', csrfToken: session.csrfToken, sessionHash: hash };
      }
    }
    next();
  };
}

/** 401 for nobody, 403 for a role without the permission. */
export function requirePermission(permission: Permission): RequestHandler {
  return function allow(req, _res, next) {
    if (!req.principal) throw unauthorized();
    if (!may(req.principal.account.role, permission)) throw forbidden(PERMISSION_WORDS[permission]);
    next();
  };
}
