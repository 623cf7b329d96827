import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickXorHash, startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { connect, drain, HR_LIBRARY, HR_SITE, writeTenant, type TestClient } from './support.ts';

let sandbox: SandboxTenant;
let client: TestClient;
let driveId: string;

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: writeTenant(6), throttling: false });
  client = await connect(sandbox);
  driveId = sandbox.control.drives().find((d) => d.siteId === HR_SITE)!.id;
});
afterAll(async () => {
  await client.dispatcher.close();
  await sandbox.close();
});

const item = (path: string) => sandbox.control.itemId({ drive: driveId, item: path });
type Item = { eTag: string; cTag: string; lastModifiedDateTime: string; file: { hashes: { quickXorHash: string } } };

describe('sandbox tenant: downloads', () => {
  it('redirects /content with 302 to a pre-authenticated URL on another origin that refuses Authorization', async () => {
    const res = await client.graph(`/drives/${driveId}/items/${item('brief-0.txt')}/content`);
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(new URL(location).origin).not.toBe(sandbox.url);
    const withBearer = await client.fetch(location, { headers: { authorization: `Bearer ${client.token}` } });
    expect(withBearer.status).toBe(401);
    const plain = await client.fetch(location);
    expect(plain.status).toBe(200);
    const bytes = Buffer.from(await plain.arrayBuffer());
    expect(bytes.toString()).toBe('Brief 0 aan medewerker 0.');
    const meta = await client.json<Item>(`/drives/${driveId}/items/${item('brief-0.txt')}`);
    expect(meta.file.hashes.quickXorHash).toBe(quickXorHash(bytes));
    const tampered = await client.fetch(location.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(tampered.status).toBe(401);
  });

  it('gives @microsoft.graph.downloadUrl only when content.downloadUrl is selected', async () => {
    const plain = await client.json(`/drives/${driveId}/items/${item('brief-0.txt')}`);
    expect(plain['@microsoft.graph.downloadUrl']).toBeUndefined();
    const selected = await client.json(`/drives/${driveId}/items/${item('brief-0.txt')}?$select=id,name,content.downloadUrl`);
    expect(Object.keys(selected).sort()).toEqual(['@microsoft.graph.downloadUrl', 'id', 'name']);
  });
});

describe('sandbox tenant: column writes, labels and deletes', () => {
  it('writes fields with If-Match: new eTag and delta entry, same cTag and hash; a stale eTag gets 412', async () => {
    const id = item('brief-2.txt');
    const before = await client.json<Item>(`/drives/${driveId}/items/${id}`);
    const { deltaLink } = await drain(client, `/drives/${driveId}/root/delta`);
    expect((await client.graph(`/drives/${driveId}/items/${id}/listItem/fields`, { method: 'PATCH', body: { Bewaarder: 'generiek' } })).status).toBe(400);
    await client.json(`/sites/${HR_SITE}/lists/${HR_LIBRARY}/columns`, { method: 'POST', body: { name: 'Bewaarder', choice: { choices: ['geen', 'generiek', 'bijzonder'] } } });
    const written = await client.graph(`/drives/${driveId}/items/${id}/listItem/fields`, { method: 'PATCH', headers: { 'if-match': before.eTag }, body: { Bewaarder: 'generiek' } });
    expect(written.status).toBe(200);
    expect(((await written.json()) as Record<string, unknown>)['Bewaarder']).toBe('generiek');
    const after = await client.json<Item>(`/drives/${driveId}/items/${id}`);
    expect(after.eTag).not.toBe(before.eTag);
    expect(after.cTag).toBe(before.cTag);
    expect(after.file.hashes.quickXorHash).toBe(before.file.hashes.quickXorHash);
    const stale = await client.graph(`/drives/${driveId}/items/${id}/listItem/fields`, { method: 'PATCH', headers: { 'if-match': before.eTag }, body: { Bewaarder: 'geen' } });
    expect(stale.status).toBe(412);
    const changes = await drain(client, deltaLink);
    expect(changes.items.map((i) => i['id'])).toEqual([id]);
    const listItem = await client.json<{ fields: Record<string, unknown>; id: string }>(`/drives/${driveId}/items/${id}/listItem`);
    const viaList = await client.graph(`/sites/${HR_SITE}/lists/${HR_LIBRARY}/items/${listItem.id}/fields`, { method: 'PATCH', body: { Bewaarder: 'bijzonder' } });
    expect(viaList.status).toBe(200);
    expect((await client.json<{ fields: Record<string, unknown> }>(`/drives/${driveId}/items/${id}/listItem`)).fields['Bewaarder']).toBe('bijzonder');
  });

  it('applies a retention label: 201 the first time, 200 after', async () => {
    const url = `/drives/${driveId}/items/${item('brief-4.txt')}/retentionLabel`;
    expect((await client.graph(url, { method: 'PATCH', body: { name: 'Personeelsdossier 10 jaar' } })).status).toBe(201);
    expect((await client.graph(url, { method: 'PATCH', body: { name: 'Personeelsdossier 7 jaar' } })).status).toBe(200);
  });

  it('deletes with If-Match: 412 on a mismatch, 423 when locked, 204 after, and the delete shows in delta', async () => {
    const id = item('Contracten/brief-3.txt');
    const url = `/drives/${driveId}/items/${id}`;
    const { deltaLink } = await drain(client, `/drives/${driveId}/root/delta`);
    expect((await client.graph(url, { method: 'DELETE', headers: { 'if-match': '"{00000000-0000-0000-0000-000000000000},1"' } })).status).toBe(412);
    sandbox.control.lockItem({ drive: driveId, item: id });
    const locked = await client.graph(url, { method: 'DELETE' });
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('resourceLocked');
    sandbox.control.lockItem({ drive: driveId, item: id, locked: false });
    const { cTag } = await client.json<Item>(url);
    expect((await client.graph(url, { method: 'DELETE', headers: { 'if-match': cTag } })).status).toBe(204);
    expect((await client.graph(url)).status).toBe(404);
    const changes = await drain(client, deltaLink);
    expect(changes.items).toEqual([expect.objectContaining({ id, deleted: {} })]);
    const other = item('Contracten/brief-5.txt');
    expect((await client.graph(`/drives/${driveId}/items/${other}/permanentDelete`, { method: 'POST' })).status).toBe(204);
    expect((await client.graph(`/drives/${driveId}/items/${other}`)).status).toBe(404);
  });
});
