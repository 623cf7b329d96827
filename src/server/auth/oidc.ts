import { CryptoProvider } from '@azure/msal-node';
import { Router, type Request, type Response } from 'express';
import type { Role } from '../../store/web-store.ts';
import type { ServerContext } from '../context.ts';
import { secureCookies } from './cookies.ts';
import { createOidcClient, OidcProviderError } from './oidc-client.ts';
import { resolveOidcConfig, type ResolvedOidc } from './oidc-config.ts';
import { sendSignInProblem } from './oidc-page.ts';
import { createIdTokenVerifier, IdTokenRejected } from './oidc-verify.ts';
import { newSecret } from './passwords.ts';
import { startSession } from './session-routes.ts';

/** A sign-in must come back within this time. */
const PENDING_MS = 10 * 60_000;
/** Most privileged first: someone with two app roles gets the larger. */
const RANK: Role[] = ['administrator', 'records-manager', 'auditor'];

/** The role for an Entra ID user: of their app roles (or groups) that the configuration maps, the most privileged. */
export function roleFor(config: Pick<ResolvedOidc, 'roles'>, claims: Record<string, unknown>): Role | undefined {
  const names = [claims.roles, claims.groups].flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  const mapped = new Set(names.map((n) => (Object.hasOwn(config.roles, n) ? config.roles[n] : undefined)));
  return RANK.find((role) => mapped.has(role));
}

/**
 * Sign-in with Entra ID: OpenID Connect authorization code flow with PKCE via msal-node, the id token verified here
 * (signature by the tenant's published keys, issuer, audience, nonce, expiry). The state lives in this process and in
 * a short cookie (SameSite=Lax: the answer arrives by a cross-site redirect), so a code cannot be replayed into
 * someone else's browser. The role comes from the token at every sign-in: a change in Entra ID applies at the next.
 */
export function oidcRoutes(ctx: ServerContext): Router {
  const router = Router();
  if (!ctx.config.oidc) return router;
  const config = resolveOidcConfig(ctx.config.oidc);
  const client = createOidcClient(config);
  // Its connection pool to Entra ID would keep sockets (and the process) alive after the server stopped.
  ctx.onClose(client.close);
  const verifyIdToken = createIdTokenVerifier({ clientId: config.clientId, tenantId: config.tenantId, metadata: client.metadata, getJson: client.getJson });
  const pkce = new CryptoProvider();
  const pending = new Map<string, { verifier: string; nonce: string; redirectUri: string; expires: number }>();
  const origin = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const stateCookie = (req: Request) => (secureCookies(req, ctx.config) ? '__Host-bw_oidc' : 'bw_oidc');
  const cookieOptions = (req: Request) => ({ httpOnly: true, secure: secureCookies(req, ctx.config), sameSite: 'lax' as const, path: '/' });

  async function refuse(res: Response, status: number, reason: string, actor: string, page: Parameters<typeof sendSignInProblem>[2], detail: Parameters<typeof sendSignInProblem>[3]) {
    await ctx.store.appendAudit({ actor, action: 'sign-in.refused', details: { via: 'entra', reason } });
    ctx.log(`Entra ID sign-in refused: ${reason}`);
    sendSignInProblem(res, status, page, detail);
  }

  /**
   * Entra ID gives a known account no role any more: the sign-in is refused, and the sessions it opened before end
   * now rather than when they expire. The account stays, disabled, because the audit log names it.
   */
  async function roleRemoved(name: string, actor: string) {
    const account = await ctx.store.account(name);
    if (!account || account.kind !== 'entra') return;
    if (!account.disabledAt) await ctx.store.disableAccount(name);
    const sessions = await ctx.store.deleteSessionsOf(account.id);
    if (!account.disabledAt || sessions) {
      await ctx.store.appendAudit({ actor, action: 'account.role-removed', details: { via: 'entra', from: account.disabledAt ? 'none' : account.role, sessionsEnded: sessions } });
    }
  }

  async function signIn(req: Request, res: Response) {
    const now = Date.now();
    for (const [state, p] of pending) if (p.expires < now) pending.delete(state);
    if (pending.size > 10_000) return sendSignInProblem(res, 429, { nl: 'Te veel aanmeldingen tegelijk', en: 'Too many sign-ins at once' }, { nl: 'Probeer het over een paar minuten opnieuw.', en: 'Try again in a few minutes.' });
    const { verifier, challenge } = await pkce.generatePkceCodes();
    const state = newSecret();
    const nonce = newSecret();
    const redirectUri = config.redirectUri ?? `${origin(req)}/auth/callback`;
    const hint = typeof req.query.login_hint === 'string' && /^[^\s@]{1,100}@[^\s@]{1,150}$/.test(req.query.login_hint) ? req.query.login_hint : undefined;
    pending.set(state, { verifier, nonce, redirectUri, expires: now + PENDING_MS });
    res.cookie(stateCookie(req), state, { ...cookieOptions(req), maxAge: PENDING_MS });
    res.redirect(await client.authorizationUrl({ redirectUri, state, nonce, challenge, ...(hint ? { loginHint: hint } : {}) }));
  }
  router.get('/signin', signIn);
  router.get('/entra', signIn);

  router.get('/callback', async (req, res) => {
    const q = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const state = q('state');
    const started = pending.get(state);
    pending.delete(state);
    res.clearCookie(stateCookie(req), cookieOptions(req));
    const cookieState = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${stateCookie(req)}=`))?.split('=')[1];
    if (!started || started.expires < Date.now() || cookieState !== state) {
      return sendSignInProblem(res, 400, { nl: 'Deze aanmelding is verlopen of onbekend', en: 'This sign-in has expired or is unknown' }, { nl: 'Begin opnieuw vanaf de startpagina.', en: 'Start again from the start page.' });
    }
    if (q('error')) {
      const code = /^[a-z_]{1,60}$/.test(q('error')) ? q('error') : 'error';
      return refuse(res, 401, `provider: ${code}`, 'entra:unknown', { nl: 'Microsoft heeft de aanmelding niet voltooid', en: 'Microsoft did not complete the sign-in' }, { nl: `Reden: ${code}. Probeer het opnieuw.`, en: `Reason: ${code}. Try again.` });
    }
    let claims: Record<string, unknown>;
    try {
      claims = await verifyIdToken(await client.redeem(q('code'), started.verifier, started.redirectUri, started.nonce), started.nonce);
    } catch (error) {
      if (!(error instanceof IdTokenRejected || error instanceof OidcProviderError)) throw error;
      const reason = error instanceof IdTokenRejected ? `id token: ${error.reason}` : `provider: ${error.code}`;
      return refuse(res, 401, reason, 'entra:unknown', { nl: 'De aanmelding kon niet worden gecontroleerd', en: 'The sign-in could not be verified' }, { nl: 'Het antwoord van Microsoft was niet geldig; u bent niet aangemeld. Meld dit aan een beheerder als het blijft gebeuren.', en: 'The answer from Microsoft was not valid; you are not signed in. Tell an administrator if this keeps happening.' });
    }
    const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
    const displayName = typeof claims.name === 'string' ? claims.name.slice(0, 200) : undefined;
    const role = roleFor(config, claims);
    if (oid && !role) await roleRemoved(`entra:${oid}`, `entra:${displayName ?? oid}`);
    if (!oid || !role) {
      return refuse(res, 403, oid ? 'no role' : 'no object id', `entra:${displayName ?? oid ?? 'unknown'}`,
        { nl: 'U heeft geen rol in Bewaarder', en: 'You have no role in Bewaarder' },
        { nl: 'Uw Microsoft-account is herkend, maar heeft geen app-rol voor Bewaarder (beheerder, recordsmanager of auditor). Vraag een beheerder van Entra ID om u er een toe te wijzen en meld u daarna opnieuw aan.', en: 'Your Microsoft account was recognised but has no app role for Bewaarder (administrator, records manager or auditor). Ask an Entra ID administrator to assign one, then sign in again.' });
    }
    const name = `entra:${oid}`;
    let account = await ctx.store.account(name);
    if (account && account.kind !== 'entra') return refuse(res, 403, 'name taken by a local account', name, { nl: 'Dit account bestaat al als lokaal account', en: 'This account exists as a local account' }, { nl: 'Vraag een beheerder om het lokale account te hernoemen.', en: 'Ask an administrator to rename the local account.' });
    account ??= await ctx.store.createAccount({ name, role, kind: 'entra', ...(displayName ? { displayName } : {}) });
    const actor = `entra:${displayName ?? oid}`;
    if (account.role !== role || account.disabledAt) {
      await ctx.store.setRole(name, role); // as Entra ID says today; enables a disabled account again
      await ctx.store.appendAudit({ actor, action: 'account.role-changed', details: { via: 'entra', from: account.disabledAt ? 'none' : account.role, to: role } });
    }
    await startSession(ctx, req, res, { ...account, role });
    await ctx.store.appendAudit({ actor, action: 'sign-in', details: { via: 'entra', role } });
    res.redirect('/');
  });

  /** After the UI ended the session here: end the Entra ID session too, and come back to the start page. */
  router.get('/signout', async (req, res) => {
    const back = config.postLogoutRedirectUri ?? `${origin(req)}/`;
    const endpoint = (await client.metadata().catch(() => undefined))?.end_session_endpoint;
    if (!endpoint) return res.redirect('/');
    const url = new URL(endpoint);
    url.searchParams.set('post_logout_redirect_uri', back);
    res.redirect(url.toString());
  });

  return router;
}
