import { createHash, createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { ROOT } from '../support/cli.ts';

let sandbox: SandboxTenant;
let dispatcher: Agent;
const REDIRECT = 'http://127.0.0.1:9/auth/callback';
const VERIFIER = 'a-verifier-of-at-least-forty-three-characters-0123456789';
const challenge = (v: string) => createHash('sha256').update(v).digest('base64url');

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: join(ROOT, 'fixtures/tenant'), throttling: false });
  dispatcher = new Agent({ connect: { ca: sandbox.ca } });
});
afterAll(async () => {
  await dispatcher?.close();
  await sandbox?.close();
});

const get = (path: string) => fetch(`${sandbox.url}/${sandbox.tenantId}${path}`, { redirect: 'manual', dispatcher } as RequestInit);
const authorize = (extra: Record<string, string>) =>
  get(`/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: sandbox.clientId, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid profile', state: 's1', nonce: 'n1', code_challenge: challenge(VERIFIER), code_challenge_method: 'S256', ...extra })}`);
const redeem = (code: string, verifier = VERIFIER) =>
  fetch(`${sandbox.url}/${sandbox.tenantId}/oauth2/v2.0/token`, {
    method: 'POST', dispatcher, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: sandbox.clientId, client_secret: sandbox.clientSecret, code, redirect_uri: REDIRECT, code_verifier: verifier }),
  } as RequestInit);

async function codeFor(upn: string): Promise<string> {
  const res = await authorize({ login_hint: upn });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('s1');
  return back.searchParams.get('code')!;
}

describe('sandbox tenant: user sign-in', () => {
  it('issues an RS256 id token for a code with the right PKCE verifier, verifiable with the published keys', async () => {
    const res = await redeem(await codeFor('l.dijkstra@woonstede-fictief.nl'));
    expect(res.status).toBe(200);
    const { id_token } = (await res.json()) as { id_token: string };
    const [h, p, s] = id_token.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(claims).toMatchObject({ aud: sandbox.clientId, iss: `${sandbox.url}/${sandbox.tenantId}/v2.0`, nonce: 'n1', tid: sandbox.tenantId, roles: ['Bewaarder.Auditor'], preferred_username: 'l.dijkstra@woonstede-fictief.nl' });
    const jwks = (await (await get('/discovery/v2.0/keys')).json()) as { keys: { kid: string }[] };
    const jwk = jwks.keys.find((k) => k.kid === header.kid)!;
    expect(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(true);
    const config = (await (await get('/v2.0/.well-known/openid-configuration')).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ code_challenge_methods_supported: ['S256'], jwks_uri: `${sandbox.url}/${sandbox.tenantId}/discovery/v2.0/keys` });
  });

  it('refuses a wrong verifier and a code used twice', async () => {
    const code = await codeFor('a.corsten@woonstede-fictief.nl');
    const wrong = await redeem(code, `${VERIFIER}x`);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await redeem(code)).status).toBe(400); // spent, even by a failed attempt
  });

  it('requires PKCE and a registered reply address, and lists the accounts without a hint', async () => {
    const noPkce = await authorize({ code_challenge_method: 'plain' });
    expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    const elsewhere = await authorize({ redirect_uri: 'https://evil.example/auth/callback' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
    expect(await elsewhere.text()).toContain('AADSTS50011');
    const picker = await authorize({});
    expect(picker.status).toBe(200);
    expect((await picker.text()).match(/data-upn=/g)).toHaveLength(12);
  });
});
