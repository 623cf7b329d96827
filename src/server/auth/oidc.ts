import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { Router } from 'express';
import type { OidcConfig } from '../config.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { newSecret } from './passwords.ts';
import { startSession } from './session-routes.ts';

const SCOPES = ['openid', 'profile'];
/** A sign-in must come back within this time. */
const PENDING_MS = 10 * 60_000;

/** The role for an Entra ID user: the first of their app roles or groups that the configuration maps. */
export function roleFor(config: OidcConfig, claims: Record<string, unknown>) {
  const names = [...((claims.roles as string[] | undefined) ?? []), ...((claims.groups as string[] | undefined) ?? [])];
  for (const name of names) if (config.roles[name]) return config.roles[name];
  return undefined;
}

function application(config: OidcConfig): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authority: config.authority ?? `https://login.microsoftonline.com/${config.tenantId}`,
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
      ...(config.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: config.cloudDiscoveryMetadata } : {}),
    },
  });
}

/**
 * Sign-in with Entra ID (OpenID Connect authorization code flow with PKCE, via msal-node). The state and PKCE
 * verifier stay in this process; the id token's object id names the account, its app roles or groups give the role.
 */
export function oidcRoutes(ctx: ServerContext): Router {
  const router = Router();
  const config = ctx.config.oidc;
  if (!config) return router;
  const msal = application(config);
  const crypto = new CryptoProvider();
  const pending = new Map<string, { verifier: string; nonce: string; expires: number }>();

  router.get('/entra', async (_req, res) => {
    const now = Date.now();
    for (const [state, p] of pending) if (p.expires < now) pending.delete(state);
    if (pending.size > 10_000) throw new HttpError(429, 'too-many-attempts', 'too many sign-ins in progress');
    const { verifier, challenge } = await crypto.generatePkceCodes();
    const state = newSecret();
    const nonce = newSecret();
    pending.set(state, { verifier, nonce, expires: now + PENDING_MS });
    const url = await msal.getAuthCodeUrl({ scopes: SCOPES, redirectUri: config.redirectUri, state, nonce, codeChallenge: challenge, codeChallengeMethod: 'S256', responseMode: 'query' });
    res.redirect(url);
  });

  router.get('/callback', async (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    const started = pending.get(state);
    pending.delete(state);
    if (!started || started.expires < Date.now() || !code) throw new HttpError(400, 'invalid-sign-in', 'this sign-in is unknown or expired: start again');
    const result = await msal.acquireTokenByCode({ code, scopes: SCOPES, redirectUri: config.redirectUri, codeVerifier: started.verifier, state });
    const claims = (result.idTokenClaims ?? {}) as Record<string, unknown>;
    if (claims.nonce !== undefined && claims.nonce !== started.nonce) throw new HttpError(400, 'invalid-sign-in', 'the sign-in answer does not match this sign-in');
    const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
    const role = roleFor(config, claims);
    if (!oid || !role) {
      await ctx.store.appendAudit({ actor: `entra:${oid ?? 'unknown'}`, action: 'sign-in.refused', details: { via: 'entra', reason: oid ? 'no role' : 'no object id' } });
      throw new HttpError(403, 'no-role', 'your account has no Bewaarder role in this organisation: ask an administrator');
    }
    const name = `entra:${oid}`;
    const displayName = typeof claims.name === 'string' ? claims.name : undefined;
    const account = (await ctx.store.account(name)) ?? (await ctx.store.createAccount({ name, role, kind: 'entra', ...(displayName ? { displayName } : {}) }));
    await startSession(ctx, req, res, { ...account, role }); // the role as Entra ID says today
    await ctx.store.appendAudit({ actor: `entra:${displayName ?? oid}`, action: 'sign-in', details: { via: 'entra', role } });
    res.redirect('/');
  });

  return router;
}
