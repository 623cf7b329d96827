import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isConnectorError, type Page } from '../../../connectors/connector.ts';
import { createDriveConnector, memoryFolderStorage } from '../../../connectors/sharepoint/index.ts';
import { storeFolders } from '../../../connectors/tenant/index.ts';
import { closeDefaultSandbox } from '../../../src/extract/sandbox.ts';
import { scan } from '../../../src/scan/index.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store } from '../../../src/store/store.ts';
import { connectorConformance } from '../connector.conformance.ts';
import { createFakeDrive } from './fake-drive.ts';
import { createFakeTransport } from './fake-graph.ts';

const dirs: string[] = [];
afterAll(async () => {
  await closeDefaultSandbox();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function openStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-drive-'));
  dirs.push(dir);
  return openSqliteStore(join(dir, 'b.db'), { key: new Uint8Array(32).fill(5) });
}

function setup(options: { readLabels?: boolean } = {}) {
  const drive = createFakeDrive();
  const transport = createFakeTransport(drive.handler);
  const connector = createDriveConnector(transport, { kind: 'sharepoint', driveId: 'D', ...options });
  return { drive, transport, connector };
}

async function pages(iterable: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of iterable) out.push(p);
  return out;
}

// The logic of the drive connector against a small fake (the same suite runs against the sandbox tenant in
// test/connectors/tenant/).
connectorConformance('drive (fake Graph)', async () => {
  const { drive, connector } = setup({ readLabels: true });
  return {
    connector,
    put: async (location, content) => drive.put(location, String(content)),
    move: async (from, to) => drive.move(from, to),
    remove: async (location) => drive.remove(location),
    close: async () => {},
  };
});

describe('drive connector', () => {
  it('keeps the folder tree outside the run, so a resumed listing still knows where items are', async () => {
    const { drive, transport } = setup();
    for (let i = 0; i < 6; i++) drive.put(`Contracten/2026/brief-${i}.txt`, `brief ${i}`);
    const storage = memoryFolderStorage();
    const first = createDriveConnector(transport, { kind: 'sharepoint', driveId: 'D', folders: storage });
    const iterator = first.enumerate(null)[Symbol.asyncIterator]();
    const page = (await iterator.next()).value as Page;
    await iterator.return?.();
    // A new process: only the cursor and the stored folders survive.
    const second = createDriveConnector(transport, { kind: 'sharepoint', driveId: 'D', folders: storage });
    const rest = (await pages(second.enumerate(page.nextCursor))).flatMap((p) => p.items);
    expect(rest.length).toBeGreaterThan(0);
    for (const item of rest) expect(item.location).toBe(`Contracten/2026/${item.name}`);
    expect(rest.every((i) => i.contentHash?.algorithm === 'quickXorHash')).toBe(true);
  });

  it('drops items a page repeats, and resolves a repeat within a page last-wins', async () => {
    const { drive, connector } = setup();
    for (let i = 0; i < 7; i++) drive.put(`doc-${i}.txt`, `tekst ${i}`);
    const all = (await pages(connector.enumerate(null))).flatMap((p) => p.items.map((i) => i.id));
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);
  });

  it('after an expired delta token (410) lists everything again as a resync, and the scan sweeps what is gone', async () => {
    const { drive, connector, transport } = setup();
    for (let i = 0; i < 5; i++) drive.put(`map/doc-${i}.txt`, `Notulen ${i}`);
    const store = openStore();
    expect(await scan(connector, store)).toMatchObject({ found: 5, classified: 5, status: 'completed' });
    drive.remove('map/doc-3.txt');
    drive.put('map/doc-4.txt', 'Notulen vier, gewijzigd');
    drive.expire();
    const before = transport.log.length;
    const summary = await scan(connector, store);
    expect(transport.log.slice(before).some((r) => /token=0\./.test(r.url))).toBe(true); // followed the Location
    expect(summary).toMatchObject({ found: 4, classified: 1, skipped: 3, deleted: 1, status: 'completed' });
    await store.close();
  });

  it('stopped in the middle of a resync, resumes it as a resync: deletions are still found', async () => {
    const { drive, connector } = setup();
    for (let i = 0; i < 9; i++) drive.put(`doc-${i}.txt`, `Notulen ${i}`);
    const store = openStore();
    await scan(connector, store);
    drive.remove('doc-7.txt');
    drive.expire();
    const stop = new AbortController();
    const first = await scan(connector, store, { signal: stop.signal, onProgress: (c) => c.skipped >= 2 && stop.abort() });
    expect(first.status).toBe('interrupted');
    const [run] = (await store.runs()).filter((r) => r.status === 'interrupted');
    expect(JSON.parse(run!.cursor!)).toMatchObject({ resync: true });
    const second = await scan(connector, store);
    expect(second).toMatchObject({ status: 'completed', resumed: true, deleted: 1, classified: 0 });
    await store.close();
  });

  it('does not read again what its own label write changed (same content hash), and writes the columns once', async () => {
    const { drive, connector, transport } = setup();
    drive.put('a.txt', 'Beste Karin, tot morgen.');
    drive.put('b.txt', 'Notulen van het overleg.');
    const store = openStore();
    await scan(connector, store);
    const items = (await pages(connector.enumerate(null))).flatMap((p) => p.items);
    for (const item of items) await connector.writeLabel(item, { label: 'generiek', documentType: 'correspondentie' });
    expect(drive.columns).toEqual(['BewaarderLabel', 'BewaarderType', 'BewaarderBewarenTot']);
    expect(transport.log.filter((r) => r.method === 'POST')).toHaveLength(3);
    const rescan = await scan(connector, store);
    expect(rescan).toMatchObject({ found: 2, classified: 0, fetched: 0, skipped: 2 });
    await store.close();
  });

  it('deletes with If-Match: a changed item is a version conflict, a locked one "locked", a gone one not-found', async () => {
    const { drive, connector } = setup();
    drive.put('a.txt', 'een');
    drive.put('b.txt', 'twee');
    const [a, b] = (await pages(connector.enumerate(null))).flatMap((p) => p.items);
    drive.lock('b.txt');
    await expect(connector.delete(b!, b!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'locked'));
    drive.put('a.txt', 'een, gewijzigd');
    await expect(connector.delete(a!, a!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'version-conflict'));
    drive.remove('a.txt');
    await expect(connector.delete(a!, a!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
  });

  it('reads through the listing\'s download URL, and through /content when that URL has expired', async () => {
    const { drive, connector, transport } = setup();
    drive.put('a.txt', 'inhoud');
    const [item] = (await pages(connector.enumerate(null))).flatMap((p) => p.items);
    expect(new TextDecoder().decode((await connector.fetch(item!)).bytes)).toBe('inhoud');
    expect(transport.downloads.at(-1)).toMatch(/^https:\/\/download\.test\//);
    expect(new TextDecoder().decode((await connector.fetch(item!)).bytes)).toBe('inhoud'); // URL used once
    expect(transport.downloads.at(-1)).toMatch(/\/content$/);
    await expect(connector.fetch(item!, { maxBytes: 3 })).rejects.toSatisfy((e) => isConnectorError(e, 'too-large'));
  });

  it('moves what is in a renamed folder to the new path (delta names only the folder), without reading it', async () => {
    const { drive, connector } = setup();
    drive.put('Projecten/Alfa/plan.txt', 'plan');
    drive.put('Projecten/Alfa/notities/overleg.txt', 'overleg');
    drive.put('Projecten/Beta/plan.txt', 'ander plan');
    const store = openStore();
    await scan(connector, store);
    drive.renameFolder('Projecten/Alfa', 'Alfa (afgerond)');
    const summary = await scan(connector, store);
    expect(summary).toMatchObject({ classified: 0, fetched: 0, moved: 2, deleted: 0 });
    const locations: string[] = [];
    for await (const d of store.listDocuments()) locations.push(d.location);
    expect(locations.sort()).toEqual(['Projecten/Alfa (afgerond)/notities/overleg.txt', 'Projecten/Alfa (afgerond)/plan.txt', 'Projecten/Beta/plan.txt']);
    await store.close();
  });

  it('stores its folder tree in the store per source', async () => {
    const { drive, transport } = setup();
    drive.put('Personeel/Dossiers/a.txt', 'x');
    const store = openStore();
    const sourceId = await store.source({ kind: 'sharepoint', root: 'D' });
    await scan(createDriveConnector(transport, { kind: 'sharepoint', driveId: 'D', folders: storeFolders(store, sourceId) }), store);
    const folders = await store.folders(sourceId);
    expect([...folders.values()].map((f) => f.name).sort()).toEqual(['', 'Dossiers', 'Personeel']);
    const again = createDriveConnector(transport, { kind: 'sharepoint', driveId: 'D', folders: storeFolders(store, sourceId) });
    drive.put('Personeel/Dossiers/b.txt', 'y');
    const next = await scan(again, store);
    expect(next).toMatchObject({ found: 1, classified: 1 });
    const locations: string[] = [];
    for await (const d of store.listDocuments({ sourceId })) locations.push(d.location);
    expect(locations.sort()).toEqual(['Personeel/Dossiers/a.txt', 'Personeel/Dossiers/b.txt']);
    await store.close();
  });
});
