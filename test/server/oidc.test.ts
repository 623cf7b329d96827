import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { ROOT } from '../support/cli.ts';
import { client, startTestServer, type TestServer } from './support.ts';

const RECORDS_MANAGER = 'a.corsten@woonstede-fictief.nl';
const ADMINISTRATOR = 'm.vandenvelde@woonstede-fictief.nl';
const AUDITOR = 'l.dijkstra@woonstede-fictief.nl';
const NO_ROLE = 'y.gerritsen@woonstede-fictief.nl';

let sandbox: SandboxTenant;
let t: TestServer;
let trustSandbox: Agent;

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: join(ROOT, 'fixtures/tenant'), throttling: false });
  trustSandbox = new Agent({ connect: { ca: sandbox.ca } });
  t = await startTestServer({
    server: { log: (l) => process.env.OIDC_DEBUG && console.log(l) },
    config: {
      oidc: {
        tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, authorityHost: sandbox.url,
        authorityMetadata: sandbox.authorityMetadata, cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata, ca: sandbox.ca,
      },
    },
  });
});
afterAll(async () => {
  await t?.close();
  await trustSandbox?.close();
  await sandbox?.close();
});

interface Browser {
  cookies: Map<string, string>;
  visited: string[];
}

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/**
 * What a browser does, without one: follows every redirect between the server and the sandbox tenant, keeps the
 * server's cookies, and on the sandbox's account page "clicks" the account `pick`. Stops at the first page that is
 * neither a redirect nor the account page, or before `stopAt` (a path prefix on the server).
 */
async function browse(start: string, options: { pick?: string; stopAt?: string; browser?: Browser } = {}) {
  const browser: Browser = options.browser ?? { cookies: new Map(), visited: [] };
  let url = new URL(start, t.url);
  for (let hop = 0; hop < 12; hop++) {
    const server = url.origin === new URL(t.url).origin;
    if (server && options.stopAt && url.pathname.startsWith(options.stopAt)) return { browser, url, status: 0, text: '' };
    browser.visited.push(`${server ? 'server' : 'sandbox'} ${url.pathname}`);
    const headers: Record<string, string> = {};
    if (server && browser.cookies.size) headers.cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers, ...(server ? {} : { dispatcher: trustSandbox }) } as RequestInit);
    if (server) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, value] = pair!.split('=') as [string, string];
        if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) browser.cookies.delete(name);
        else browser.cookies.set(name, value);
      }
    }
    const text = await res.text();
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const link = options.pick && !server ? new RegExp(`<a href="([^"]+)" data-upn="${options.pick.replace(/\./g, '\\.')}"`).exec(text) : null;
    if (link) {
      url = new URL(decode(link[1]!), url);
      continue;
    }
    return { browser, url, status: res.status, text };
  }
  throw new Error('too many redirects');
}

/** The server's API with the session cookie of a browser (GETs need no CSRF token). */
function withSession(browser: Browser) {
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = client(t.url);
  return (path: string) => call(path, { headers: { cookie } });
}

async function refusals(): Promise<{ actor: string; details?: Record<string, unknown> }[]> {
  const audit = await client(t.url, t.tokens.administrator)('/api/v1/audit?limit=500');
  const entries = (audit.data.entries ?? audit.data.items ?? audit.data) as { action: string; actor: string; details?: Record<string, unknown> }[];
  return entries.filter((e) => e.action === 'sign-in.refused');
}

describe('Entra ID sign-in against the sandbox tenant', () => {
  it('signs a records manager in through the account page: server → authorize → account → callback → session', async () => {
    const picker = await browse('/auth/signin');
    expect(picker.status).toBe(200);
    expect(picker.url.origin).toBe(sandbox.url);
    expect(picker.url.pathname).toBe(`/${sandbox.tenantId}/oauth2/v2.0/authorize`);
    expect(picker.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(picker.text).toContain('Liya Dijkstra');
    expect(picker.text).toContain(RECORDS_MANAGER);

    const done = await browse('/auth/signin', { pick: RECORDS_MANAGER });
    expect(done.browser.visited).toEqual(['server /auth/signin', `sandbox /${sandbox.tenantId}/oauth2/v2.0/authorize`, `sandbox /${sandbox.tenantId}/oauth2/v2.0/authorize`, 'server /auth/callback', 'server /']);
    expect(done.status).toBe(200);
    expect(done.browser.cookies.has('bw_session')).toBe(true);
    expect(done.browser.cookies.has('bw_oidc')).toBe(false);
    const me = await withSession(done.browser)('/api/v1/session');
    expect(me.status).toBe(200);
    expect(me.data.account).toMatchObject({ role: 'records-manager', kind: 'entra', displayName: expect.stringContaining('Corsten') });
    expect(me.data.via).toBe('session');
    expect((await withSession(done.browser)('/api/v1/documents')).status).toBe(200);
    expect((await withSession(done.browser)('/api/v1/audit')).status).toBe(403); // a records manager reads no audit log
  });

  it('signs in straight away with login_hint, with the role from the app role', async () => {
    const done = await browse(`/auth/signin?login_hint=${ADMINISTRATOR}`);
    expect(done.status).toBe(200);
    const me = await withSession(done.browser)('/api/v1/session');
    expect(me.data.account.role).toBe('administrator');
    expect((await withSession(done.browser)('/api/v1/audit')).status).toBe(200);
  });

  it('refuses a person without an app role, on a page that says what to do', async () => {
    const done = await browse(`/auth/signin?login_hint=${NO_ROLE}`);
    expect(done.status).toBe(403);
    expect(done.url.pathname).toBe('/auth/callback');
    expect(done.text).toContain('U heeft geen rol in Bewaarder');
    expect(done.text).toContain('Vraag een beheerder');
    expect(done.browser.cookies.has('bw_session')).toBe(false);
    expect((await withSession(done.browser)('/api/v1/session')).status).toBe(401);
    expect((await refusals()).some((r) => r.actor === 'entra:Youssef Gerritsen' && r.details?.reason === 'no role')).toBe(true);
  });

  it.each([
    ['signature', 'id token: bad signature'],
    ['audience', 'id token: wrong audience'],
    ['nonce', 'id token: wrong nonce'],
    ['issuer', 'id token: wrong issuer'],
    ['expired', 'id token: expired'],
  ] as const)('refuses an id token with a tampered %s', async (kind, reason) => {
    sandbox.control.signInFault({ kind });
    const done = await browse(`/auth/signin?login_hint=${ADMINISTRATOR}`);
    expect(done.status).toBe(401);
    expect(done.text).toContain('De aanmelding kon niet worden gecontroleerd');
    expect(done.browser.cookies.has('bw_session')).toBe(false);
    expect((await refusals()).filter((r) => r.details?.reason === reason)).toHaveLength(1);
    // The next, untampered sign-in works again.
    expect((await browse(`/auth/signin?login_hint=${ADMINISTRATOR}`)).browser.cookies.has('bw_session')).toBe(true);
  });

  it('refuses an answer brought into another browser (no matching state cookie), and a code used twice', async () => {
    const halfway = await browse(`/auth/signin?login_hint=${ADMINISTRATOR}`, { stopAt: '/auth/callback' });
    const other = await browse(halfway.url.toString());
    expect(other.status).toBe(400);
    expect(other.text).toContain('verlopen of onbekend');
    expect(other.browser.cookies.has('bw_session')).toBe(false);
    const again = await browse(halfway.url.toString(), { browser: halfway.browser });
    expect(again.status).toBe(400); // the state was spent by the first attempt
  });

  it('applies a role changed in Entra ID at the next sign-in, and refuses once the role is gone', async () => {
    const first = await browse(`/auth/signin?login_hint=${AUDITOR}`);
    expect((await withSession(first.browser)('/api/v1/session')).data.account.role).toBe('auditor');
    sandbox.control.assignAppRoles({ user: AUDITOR, roles: ['Bewaarder.RecordsManager', 'Bewaarder.Auditor'] });
    const second = await browse(`/auth/signin?login_hint=${AUDITOR}`);
    expect((await withSession(second.browser)('/api/v1/session')).data.account.role).toBe('records-manager');
    const accounts = (await t.store.accounts()).filter((a) => a.kind === 'entra' && a.displayName === 'Liya Dijkstra');
    expect(accounts).toHaveLength(1); // the same account, not a new one
    sandbox.control.assignAppRoles({ user: AUDITOR, roles: [] });
    const third = await browse(`/auth/signin?login_hint=${AUDITOR}`);
    expect(third.status).toBe(403);
  });

  it('ends the open sessions of a person whose app role was removed in Entra ID, and keeps the account, disabled', async () => {
    sandbox.control.assignAppRoles({ user: AUDITOR, roles: ['Bewaarder.Auditor'] });
    const a = await browse(`/auth/signin?login_hint=${AUDITOR}`);
    const b = await browse(`/auth/signin?login_hint=${AUDITOR}`); // a second browser
    for (const browser of [a.browser, b.browser]) expect((await withSession(browser)('/api/v1/session')).data.account.role).toBe('auditor');
    expect((await withSession(a.browser)('/api/v1/audit')).status).toBe(200);

    sandbox.control.assignAppRoles({ user: AUDITOR, roles: [] });
    const refused = await browse(`/auth/signin?login_hint=${AUDITOR}`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('U heeft geen rol in Bewaarder');
    for (const browser of [a.browser, b.browser]) {
      expect((await withSession(browser)('/api/v1/session')).status).toBe(401);
      expect((await withSession(browser)('/api/v1/audit')).status).toBe(401);
    }
    const account = (await t.store.accounts()).find((x) => x.kind === 'entra' && x.displayName === 'Liya Dijkstra');
    expect(account?.disabledAt).toEqual(expect.any(String)); // kept: the audit log names it
    const audit = await client(t.url, t.tokens.administrator)('/api/v1/audit?limit=500');
    const entries = (audit.data.entries ?? audit.data.items ?? audit.data) as { action: string; actor: string; details?: Record<string, unknown> }[];
    expect(entries.filter((e) => e.action === 'account.role-removed' && e.actor === 'entra:Liya Dijkstra').at(-1)?.details)
      .toMatchObject({ via: 'entra', from: 'auditor', sessionsEnded: 2 });

    // Given a role again, the same account signs in again; the ended sessions stay ended.
    sandbox.control.assignAppRoles({ user: AUDITOR, roles: ['Bewaarder.Auditor'] });
    const back = await browse(`/auth/signin?login_hint=${AUDITOR}`);
    expect((await withSession(back.browser)('/api/v1/session')).data.account.role).toBe('auditor');
    expect((await withSession(a.browser)('/api/v1/session')).status).toBe(401);
    expect((await t.store.accounts()).filter((x) => x.displayName === 'Liya Dijkstra').map((x) => x.disabledAt)).toEqual([undefined]);
  });

  it('sends an Entra ID user to the tenant’s sign-out, which comes back to the start page', async () => {
    const done = await browse('/auth/signout', { stopAt: '/nothing' });
    expect(done.browser.visited).toEqual(['server /auth/signout', `sandbox /${sandbox.tenantId}/oauth2/v2.0/logout`, 'server /']);
  });
});
