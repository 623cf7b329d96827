import { Router, type Request } from 'express';
import type { Account } from '../../store/web-store.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, HttpError, unauthorized } from '../http-error.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';
import { newSecret, secretHash, verifyPassword } from './passwords.ts';
import { actorOf } from './principal.ts';
import { createSignInLimiter } from './rate-limit.ts';
import { permissionsOf } from './roles.ts';

/** What the UI learns about the person signed in. */
function me(account: Account, csrfToken: string | undefined) {
  return { account: { name: account.name, displayName: account.displayName ?? account.name, role: account.role, kind: account.kind }, csrfToken, permissions: permissionsOf(account.role) };
}

/** Starts a session for an account (password sign-in here, Entra ID sign-in in oidc.ts). */
export async function startSession(ctx: ServerContext, req: Request, res: import('express').Response, account: Account): Promise<string> {
  const id = newSecret();
  const csrfToken = newSecret();
  const ms = ctx.config.sessionHours * 3600_000;
  await ctx.store.createSession({ idHash: secretHash(id), accountId: account.id, csrfToken, expiresAt: new Date(Date.now() + ms).toISOString() });
  setSessionCookie(req, res, ctx.config, id, ms);
  return csrfToken;
}

/** Sign-in with a local account, the current session, sign-out. */
export function sessionRoutes(ctx: ServerContext): Router {
  const router = Router();
  const limiter = createSignInLimiter();

  router.post('/session', async (req, res) => {
    const { name, password } = (req.body ?? {}) as { name?: unknown; password?: unknown };
    if (typeof name !== 'string' || typeof password !== 'string' || !name || name.length > 200 || password.length > 1000) {
      throw badRequest('give "name" and "password"');
    }
    const key = `${req.ip}\0${name.toLowerCase()}`;
    const wait = limiter.retryAfter(key);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpError(429, 'too-many-attempts', `too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes`);
    }
    const account = await ctx.store.account(name);
    if (!(await verifyPassword(password, account?.passwordHash)) || !account) {
      limiter.failed(key);
      await ctx.store.appendAudit({ actor: name.slice(0, 100), action: 'sign-in.failed', details: { via: 'password' } });
      throw new HttpError(401, 'invalid-credentials', 'name or password is not right');
    }
    limiter.succeeded(key);
    const csrfToken = await startSession(ctx, req, res, account);
    await ctx.store.appendAudit({ actor: account.name, action: 'sign-in', details: { via: 'password' } });
    res.json(me(account, csrfToken));
  });

  router.get('/session', (req, res) => {
    if (!req.principal) throw unauthorized();
    res.json({ ...me(req.principal.account, req.principal.csrfToken), via: req.principal.via, oidc: Boolean(ctx.config.oidc) });
  });

  router.delete('/session', async (req, res) => {
    if (req.principal?.sessionHash) {
      await ctx.store.deleteSession(req.principal.sessionHash);
      await ctx.store.appendAudit({ actor: actorOf(req.principal), action: 'sign-out' });
    }
    clearSessionCookie(req, res, ctx.config);
    res.status(204).end();
  });

  return router;
}
