import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTenant } from '../../../connectors/tenant/index.ts';
import type { DemoTenant } from '../../../src/cli/demo-sandbox.ts';
import { newSecret, secretHash } from '../../../src/server/auth/passwords.ts';
import { loadConfig } from '../../../src/server/config.ts';
import { createTenantLauncher } from '../../../src/server/scans/index.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store } from '../../../src/store/store.ts';
import { cleanUp, quickClassifier, startTestTenant, tempDir } from './support.ts';

interface Doc {
  id: number;
  location: string;
  source: { kind: string; root: string; title?: string; webUrl?: string };
}

/**
 * Where a tenant's document lives, as the review screen shows it: the library's or person's name rather than a drive
 * id, and a link that opens the document where Microsoft 365 itself says it is.
 */
describe('a tenant document names its source and links to it', () => {
  let tenant: DemoTenant;
  let store: Store;
  let server: RunningServer;
  let token: string;
  const api = async (path: string) => {
    const res = await fetch(`${server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const graph = async <T>(url: string) => (await tenant.transport.request<T>({ url, headers: { Prefer: 'IdType="ImmutableId"' } })).body;

  beforeAll(async () => {
    tenant = await startTestTenant();
    const db = join(tempDir(), 'b.db');
    store = openSqliteStore(db, { key: new Uint8Array(32).fill(5) });
    const summary = await scanTenant(tenant.transport, store, { scan: { classify: quickClassifier().classify } });
    expect(summary).toMatchObject({ status: 'completed', failedSources: [] });
    const account = await store.createAccount({ name: 'rm', role: 'records-manager' });
    token = newSecret();
    await store.createApiToken(account.id, 'test', secretHash(token));
    const config = loadConfig(undefined, { port: 0, host: '127.0.0.1', db, folders: [] });
    server = await startServer({ config, store, launcher: createTenantLauncher(tenant.transport, store), log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await tenant?.close();
    cleanUp();
  });

  async function documents(): Promise<Doc[]> {
    return (await api('/documents?limit=500')).documents as Doc[];
  }

  it('a SharePoint document: "site · library", and a link under the library that is the one SharePoint gives', async () => {
    const library = tenant.sandbox.control.drives().find((d) => d.name === 'Personeelsdossiers')!;
    const doc = (await documents()).find((d) => d.source.root === library.id && d.location.includes('/'))!;
    expect(doc.source.title).toBe('Personeelszaken · Personeelsdossiers');
    const detail = await api(`/documents/${doc.id}`);
    const { webUrl } = await graph<{ webUrl: string }>(`/drives/${library.id}?$select=webUrl`);
    expect(detail.source).toMatchObject({ title: 'Personeelszaken · Personeelsdossiers', webUrl });
    expect(detail.sourceUrl).toMatch(new RegExp(`^${webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
    expect(decodeURIComponent(String(detail.sourceUrl).slice(webUrl.length + 1))).toBe(doc.location);
    // The same address Graph reports for the item itself (up to which reserved characters are percent-encoded).
    const itemId = (await store.reviewedDocument(doc.id))!.itemId;
    const item = await graph<{ webUrl: string }>(`/drives/${library.id}/items/${itemId}?$select=webUrl`);
    expect(decodeURIComponent(String(detail.sourceUrl))).toBe(decodeURIComponent(item.webUrl));
  });

  it("a OneDrive and a mailbox are named after their owner; a message links to Outlook on the web as Graph's webLink does", async () => {
    const docs = await documents();
    const drive = docs.find((d) => d.source.kind === 'onedrive')!;
    const owner = tenant.sandbox.control.drives().find((d) => d.id === drive.source.root)!.ownerUserId!;
    const { displayName } = await graph<{ displayName: string }>(`/users/${owner}?$select=displayName`);
    expect(drive.source.title).toBe(`OneDrive · ${displayName}`);
    expect((await api(`/documents/${drive.id}`)).sourceUrl).toMatch(/^https:\/\/[^/]+-my\.sharepoint\.com\/personal\//);

    const message = docs.find((d) => d.source.kind === 'mail')!;
    const person = await graph<{ displayName: string }>(`/users/${message.source.root}?$select=displayName`);
    expect(message.source.title).toBe(`Postvak · ${person.displayName}`);
    const itemId = (await store.reviewedDocument(message.id))!.itemId;
    const { webLink } = await graph<{ webLink: string }>(`/users/${message.source.root}/messages/${encodeURIComponent(itemId)}?$select=webLink`);
    expect((await api(`/documents/${message.id}`)).sourceUrl).toBe(webLink);
  });

  it('the overview counts per library and person by title, never by drive id, and a later scan keeps the titles', async () => {
    const byLocation = ((await api('/stats')).byLocation as { location: string }[]).map((l) => l.location);
    expect(byLocation.some((l) => l.startsWith('Personeelszaken · Personeelsdossiers/'))).toBe(true);
    expect(byLocation.some((l) => l.startsWith('OneDrive · '))).toBe(true);
    const roots = new Set((await documents()).map((d) => d.source.root));
    expect(byLocation.filter((l) => roots.has(l.split('/')[0]!))).toEqual([]);

    // A rescan through the connectors alone (which carry the titles) changes nothing in what people see.
    await scanTenant(tenant.transport, store, { scan: { classify: quickClassifier().classify } });
    const sources = (await api('/sources')).sources as Doc['source'][];
    expect(sources.every((s) => s.title && s.webUrl)).toBe(true);
  });
});
