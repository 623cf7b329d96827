import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickXorHash, startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { connect, drain, HR_SITE, USERS, writeTenant, type TestClient } from './support.ts';

let sandbox: SandboxTenant;
let client: TestClient;
let driveId: string;
const SELECT = '$select=id,name,deleted,file,folder,size,parentReference,root,content.downloadUrl';

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: writeTenant(40), throttling: false, deltaPageSizes: [1, 3, 7, 12], duplicateRate: 0.5 });
  client = await connect(sandbox);
  driveId = sandbox.control.drives().find((d) => d.siteId === HR_SITE)!.id;
});
afterAll(async () => {
  await client.dispatcher.close();
  await sandbox.close();
});

const delta = (query = '') => `/drives/${driveId}/root/delta?$top=1000&${SELECT}${query}`;

describe('sandbox tenant: drive delta', () => {
  it('enumerates the whole drive in irregular pages that ignore $top, with duplicates, ending in a deltaLink', async () => {
    const { pages, items, deltaLink } = await drain(client, delta());
    const sizes = new Set(pages.map((p) => p.length));
    expect(sizes.size).toBeGreaterThan(2);
    expect(Math.max(...pages.map((p) => p.length))).toBeLessThan(1000);
    const ids = items.map((i) => i['id']);
    expect(ids.length).toBeGreaterThan(new Set(ids).size); // the same item more than once
    const files = new Map(items.filter((i) => i['file']).map((i) => [i['id'], i]));
    expect(files.size).toBe(40);
    const folder = items.find((i) => i['name'] === 'Contracten');
    expect(folder?.['folder']).toEqual({ childCount: 20 });
    expect(items.some((i) => i['root'])).toBe(true);
    expect(deltaLink).toMatch(new RegExp(`^${sandbox.url}/v1.0/drives/`));
    for (const f of files.values()) {
      expect(f['cTag']).toBeUndefined();
      expect((f['file'] as { hashes: { quickXorHash: string } }).hashes.quickXorHash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
      expect(f['@microsoft.graph.downloadUrl']).toMatch(/^https:\/\/127\.0\.0\.1:/);
    }
    const unchanged = await drain(client, deltaLink);
    expect(unchanged.items).toEqual([]);
  });

  it('returns exactly the control mutations in the next delta: add, change, move, delete', async () => {
    const { deltaLink } = await drain(client, delta());
    const keep = sandbox.control.itemId({ drive: driveId, item: 'brief-0.txt' });
    const { id: added } = sandbox.control.addFile({ drive: driveId, path: 'Nieuw/memo.txt', content: 'Nieuw memo' });
    sandbox.control.changeFile({ drive: driveId, item: 'brief-2.txt', content: 'Gewijzigde brief' });
    sandbox.control.moveFile({ drive: driveId, item: 'brief-4.txt', to: 'Archief' });
    const gone = sandbox.control.itemId({ drive: driveId, item: 'Contracten/brief-1.txt' });
    sandbox.control.deleteFile({ drive: driveId, item: gone });
    const changes = await drain(client, deltaLink);
    const last = new Map(changes.items.map((i) => [i['id'] as string, i]));
    const names = [...last.values()].filter((i) => !i['deleted']).map((i) => i['name']).sort();
    expect(names).toEqual(['Archief', 'Nieuw', 'brief-2.txt', 'brief-4.txt', 'memo.txt']);
    expect(last.has(keep)).toBe(false);
    expect(last.get(added)?.['size']).toBe(Buffer.byteLength('Nieuw memo'));
    const changed = [...last.values()].find((i) => i['name'] === 'brief-2.txt')!;
    expect((changed['file'] as { hashes: { quickXorHash: string } }).hashes.quickXorHash).toBe(quickXorHash(Buffer.from('Gewijzigde brief')));
    expect(changed['cTag']).toBeUndefined();
    const tombstone = last.get(gone)!;
    expect(tombstone['deleted']).toBeDefined();
    expect(tombstone['name']).toBeUndefined();
    expect(tombstone['cTag']).toBeUndefined();
  });

  it('seeds with token=latest: an empty page and a deltaLink that sees only later changes', async () => {
    const latest = await client.json<{ value: unknown[]; '@odata.deltaLink': string }>(`/drives/${driveId}/root/delta?token=latest`);
    expect(latest.value).toEqual([]);
    sandbox.control.addFile({ drive: driveId, path: 'later.txt', content: 'later' });
    const after = await drain(client, latest['@odata.deltaLink']);
    expect(after.items.map((i) => i['name'])).toEqual(['later.txt']);
  });

  it('answers an expired token with 410 resyncChangesApplyDifferences and a Location that re-enumerates', async () => {
    const { deltaLink, items } = await drain(client, delta());
    const live = new Set(items.filter((i) => !i['deleted']).map((i) => i['id']));
    sandbox.control.expireDeltaTokens({ drive: driveId });
    const expired = await client.graph(deltaLink);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('resyncChangesApplyDifferences');
    const location = expired.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${sandbox.url}/v1.0/drives/`));
    const again = await drain(client, location);
    expect(new Set(again.items.map((i) => i['id']))).toEqual(live);
    expect(again.items.every((i) => '@microsoft.graph.downloadUrl' in i || i['folder'])).toBe(true);
  });

  it('serves the same delta through /sites/{id}/drive and /users/{id}/drive', async () => {
    const viaSite = await drain(client, `/sites/${HR_SITE}/drive/root/delta`);
    expect(viaSite.items.some((i) => i['name'] === 'brief-0.txt')).toBe(true);
    expect(viaSite.items.every((i) => !('@microsoft.graph.downloadUrl' in i))).toBe(true);
    const viaUser = await drain(client, `/users/${USERS.jan.upn}/drive/root/delta`);
    expect(viaUser.items.filter((i) => i['file']).map((i) => i['name'])).toEqual(['notities.txt']);
  });
});
