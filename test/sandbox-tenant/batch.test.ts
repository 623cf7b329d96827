import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { connect, USERS, writeTenant, type TestClient } from './support.ts';

let sandbox: SandboxTenant;
let client: TestClient;
type Batch = { responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] };

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: writeTenant(2), throttling: false, seed: 5 });
  client = await connect(sandbox);
});
afterAll(async () => {
  await client.dispatcher.close();
  await sandbox.close();
});

const get = (id: string, url: string, dependsOn?: string[]) => ({ id, method: 'GET', url, ...(dependsOn ? { dependsOn } : {}) });

describe('sandbox tenant: $batch', () => {
  it('refuses more than 20 requests and duplicate ids with 400', async () => {
    const many = Array.from({ length: 21 }, (_, i) => get(String(i), '/users'));
    expect((await client.graph('/$batch', { method: 'POST', body: { requests: many } })).status).toBe(400);
    expect((await client.graph('/$batch', { method: 'POST', body: { requests: [get('1', '/users'), get('1', '/users')] } })).status).toBe(400);
  });

  it('runs each item through the router, answers out of order, and fails dependents of a failed item with 424', async () => {
    const requests = [
      get('1', `/users/${USERS.jan.id}`), get('2', '/users/no-such-user'), get('3', `/users/${USERS.piet.id}`, ['2']),
      get('4', `/users/${USERS.piet.id}`, ['1']), ...Array.from({ length: 8 }, (_, i) => get(String(i + 5), '/sites/getAllSites')),
    ];
    const res = await client.graph('/$batch', { method: 'POST', body: { requests } });
    expect(res.status).toBe(200);
    const { responses } = (await res.json()) as Batch;
    expect(responses.map((r) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
    expect(responses.map((r) => r.id)).not.toEqual(requests.map((r) => r.id));
    const byId = new Map(responses.map((r) => [r.id, r]));
    expect(byId.get('1')!.status).toBe(200);
    expect((byId.get('1')!.body as { userPrincipalName: string }).userPrincipalName).toBe(USERS.jan.upn);
    expect(byId.get('2')!.status).toBe(404);
    expect(byId.get('3')!.status).toBe(424);
    expect(byId.get('4')!.status).toBe(200);
    expect(sandbox.stats().batchItems).toBe(12);
  });
});
