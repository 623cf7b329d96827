import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { connect, HR_LIBRARY, HR_SITE, TENANT_ID, USERS, writeTenant, type TestClient } from './support.ts';

let sandbox: SandboxTenant;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: writeTenant(4), throttling: false });
  client = await connect(sandbox);
});
afterAll(async () => {
  await client.dispatcher.close();
  await sandbox.close();
});

/** msal's HTTP through fetch with the sandbox's CA trusted (what the product's transport does too). */
function networkClient(): INetworkModule {
  const send = async <T>(url: string, options: NetworkRequestOptions | undefined, method: string): Promise<NetworkResponse<T>> => {
    const res = await client.fetch(url, { method, headers: options?.headers ?? {}, body: options?.body ?? null });
    return { headers: Object.fromEntries(res.headers), body: (await res.json()) as T, status: res.status };
  };
  return { sendGetRequestAsync: (url, options) => send(url, options, 'GET'), sendPostRequestAsync: (url, options) => send(url, options, 'POST') };
}

describe('sandbox tenant: token endpoint and directory', () => {
  it('issues a token to msal-node with the client secret, and Graph accepts it', async () => {
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, authority: `${sandbox.url}/${sandbox.tenantId}`,
        knownAuthorities: [new URL(sandbox.url).host], authorityMetadata: sandbox.authorityMetadata, cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata,
      },
      system: { networkClient: networkClient() },
    });
    const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(result?.accessToken).toBeTruthy();
    const res = await client.fetch(`${sandbox.url}/v1.0/users`, { headers: { authorization: `Bearer ${result!.accessToken}` } });
    expect(res.status).toBe(200);
    expect(sandbox.tenantId).toBe(TENANT_ID);
  });

  it('refuses a wrong secret and requests without a valid bearer token', async () => {
    const bad = await client.fetch(`${sandbox.url}/${sandbox.tenantId}/oauth2/v2.0/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: 'wrong' }),
    });
    expect(bad.status).toBe(401);
    const anonymous = await client.fetch(`${sandbox.url}/v1.0/users`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });

  it('pages users with $top and $skiptoken, honours $select, and caps $top at 999', async () => {
    const first = await client.json<{ value: Record<string, unknown>[]; '@odata.nextLink': string }>('/users?$select=id,userPrincipalName&$top=2');
    expect(first.value).toHaveLength(2);
    expect(Object.keys(first.value[0]!).sort()).toEqual(['id', 'userPrincipalName']);
    expect(first['@odata.nextLink']).toMatch(new RegExp(`^${sandbox.url}/v1.0/users\\?\\$skiptoken=`));
    const second = await client.json<{ value: Record<string, unknown>[]; '@odata.nextLink'?: string }>(first['@odata.nextLink']);
    expect(second.value.map((u) => u['userPrincipalName'])).toEqual([USERS.gast.upn]);
    expect(second['@odata.nextLink']).toBeUndefined();
    expect((await client.graph('/users?$top=1000')).status).toBe(400);
  });

  it('answers 404 ResourceNotFound for a user without OneDrive and MailboxNotEnabledForRESTAPI without a mailbox', async () => {
    const drive = await client.graph(`/users/${USERS.piet.id}/drive`);
    expect(drive.status).toBe(404);
    expect(((await drive.json()) as { error: { code: string } }).error.code).toBe('ResourceNotFound');
    const mail = await client.graph(`/users/${USERS.gast.id}/mailFolders/delta`);
    expect(mail.status).toBe(404);
    expect(((await mail.json()) as { error: { code: string } }).error.code).toBe('MailboxNotEnabledForRESTAPI');
    const own = await client.json(`/users/${USERS.jan.id}/drive`);
    expect(own['driveType']).toBe('business');
  });

  it('lists sites by getAllSites, search and delta, and their drives', async () => {
    const all = await client.json<{ value: { id: string }[] }>('/sites/getAllSites');
    const search = await client.json<{ value: { id: string }[] }>('/sites?search=*');
    expect(all.value.map((s) => s.id)).toEqual(search.value.map((s) => s.id));
    expect(all.value.map((s) => s.id)).toContain(HR_SITE);
    const delta = await client.json<{ value: unknown[]; '@odata.deltaLink': string }>('/sites/delta');
    expect(delta.value).toHaveLength(2);
    const again = await client.json<{ value: unknown[] }>(delta['@odata.deltaLink']);
    expect(again.value).toHaveLength(0);
    const latest = await client.json<{ value: unknown[]; '@odata.deltaLink': string }>('/sites/delta?token=latest');
    expect(latest.value).toEqual([]);
    const drives = await client.json<{ value: { driveType: string; name: string }[] }>(`/sites/${HR_SITE}/drives`);
    expect(drives.value).toEqual([expect.objectContaining({ driveType: 'documentLibrary', name: 'Documenten' })]);
  });

  it('creates a list column once (201), refuses a duplicate (409), and lists it', async () => {
    const column = { name: 'Bewaarder', choice: { allowTextEntry: false, choices: ['geen', 'generiek', 'bijzonder'], displayAs: 'dropDownMenu' } };
    const created = await client.graph(`/sites/${HR_SITE}/lists/${HR_LIBRARY}/columns`, { method: 'POST', body: column });
    expect(created.status).toBe(201);
    expect((await client.graph(`/sites/${HR_SITE}/lists/${HR_LIBRARY}/columns`, { method: 'POST', body: column })).status).toBe(409);
    const list = await client.json<{ value: { name: string }[] }>(`/sites/${HR_SITE}/lists/${HR_LIBRARY}/columns`);
    expect(list.value.map((c) => c.name)).toContain('Bewaarder');
  });
});
