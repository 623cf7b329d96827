import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../connectors/connector.ts';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';
import { generateFolder, type GeneratedFolder } from '../../src/bench/folder.ts';
import { classifyDocument } from '../../src/classify-document.ts';
import { closeDefaultSandbox } from '../../src/extract/sandbox.ts';
import { scan, type ScanOptions } from '../../src/scan/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store, StoredDocument } from '../../src/store/store.ts';
import { snapshot } from './snapshot.ts';

const KEY = new Uint8Array(32).fill(3);
const COUNT = 300;

/** classifyDocument, counted: "a rescan extracts nothing" is asserted on this counter. */
function countingClassifier() {
  const counter = { calls: 0 };
  const classify: NonNullable<ScanOptions['classify']> = (bytes, name) => {
    counter.calls++;
    return classifyDocument(bytes, name);
  };
  return { counter, classify };
}

async function documents(store: Store, filter: Parameters<Store['listDocuments']>[0] = {}): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  for await (const d of store.listDocuments(filter)) out.push(d);
  return out;
}

describe('scan of a folder of generated documents', () => {
  let dir: string;
  let root: string;
  let folder: GeneratedFolder;
  let store: Store;
  let connector: Connector;
  const at = (location: string) => join(root, ...location.split('/'));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bewaarder-scan-'));
    root = join(dir, 'bron');
    folder = generateFolder(root, { count: COUNT, seed: 11 });
    store = openSqliteStore(join(dir, 'db', 'bewaarder.db'), { key: KEY });
    connector = createFilesystemConnector(root, { pageSize: 50 });
  });
  afterAll(async () => {
    await store.close();
    await closeDefaultSandbox();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores for every document the label, type and categories classifyDocument gives it', async () => {
    const { counter, classify } = countingClassifier();
    const summary = await scan(connector, store, { classify });
    expect(summary).toMatchObject({ found: COUNT, classified: COUNT, skipped: 0, errors: 0, deleted: 0, moved: 0, status: 'completed', complete: true });
    expect(counter.calls).toBe(COUNT);
    const stored = await documents(store);
    expect(stored.map((d) => d.location).sort()).toEqual([...folder.files].sort());
    const labels = new Set<string>();
    for (const doc of stored) {
      const expected = await classifyDocument(readFileSync(at(doc.location)), doc.name);
      expect({ location: doc.location, ...doc.classification }).toMatchObject({
        location: doc.location,
        label: expected.label,
        documentType: expected.documentType,
        categories: expected.categories,
      });
      labels.add(`${doc.location.split('.').pop()}:${expected.label}`);
    }
    // The folder is mixed: every format, every label.
    expect(new Set([...labels].map((l) => l.split(':')[1]))).toEqual(new Set(['geen', 'generiek', 'bijzonder']));
    expect(new Set([...labels].map((l) => l.split(':')[0]))).toEqual(new Set(['txt', 'eml', 'html', 'csv']));
  });

  it('holds no raw identifier and no text from the documents: the database file and its WAL are grepped', () => {
    const bytes = ['', '-wal', '-shm']
      .map((suffix) => {
        try {
          return readFileSync(join(dir, 'db', `bewaarder.db${suffix}`)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
    const utf8 = Buffer.from(bytes, 'latin1').toString('utf8');
    expect(utf8).toContain('document-00001'); // the grep does see the stored strings
    const leaks: string[] = [];
    const { bsn, iban, email, name } = folder.planted;
    for (const value of [...bsn, ...iban, ...email, ...name]) if (utf8.includes(value)) leaks.push(value);
    for (const surname of new Set(name.map((n) => n.split(' ')[1]!))) if (utf8.includes(surname)) leaks.push(surname);
    for (const b of bsn) if (utf8.includes(`${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`)) leaks.push(b);
    // Every e-mail address and long number in the generated documents, and a sentence of each.
    for (const location of folder.files) {
      const text = readFileSync(at(location), 'utf8');
      for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) {
        if (!/^(?:info|secretariaat|afdeling|hr|facturen|administratie|klantenservice|noreply|no-reply|support)@/i.test(m[0]) && utf8.includes(m[0])) leaks.push(m[0]);
      }
      for (const m of text.matchAll(/\b\d{9,}\b/g)) if (utf8.includes(m[0])) leaks.push(m[0]);
      const sentence = text.split('\n').find((l) => l.length > 60 && !l.includes(':'));
      if (sentence && utf8.includes(sentence.slice(0, 50))) leaks.push(`text of ${location}`);
    }
    expect(leaks).toEqual([]);
  });

  it('reads and classifies nothing on a rescan of the unchanged folder', async () => {
    const { counter, classify } = countingClassifier();
    const summary = await scan(connector, store, { classify });
    expect(summary).toMatchObject({ found: COUNT, classified: 0, skipped: COUNT, fetched: 0, errors: 0, deleted: 0, moved: 0 });
    expect(counter.calls).toBe(0);
  });

  it('reflects changes, additions, renames, moves and deletions exactly', async () => {
    const before = new Map((await documents(store)).map((d) => [d.location, d]));
    const [changed1, changed2, renamed, moved, deleted1, deleted2, touched] = folder.files.filter((f) => f.endsWith('.txt'));
    const hourAgo = new Date(Date.now() - 3600_000);
    writeFileSync(at(changed1!), 'Geachte heer Hoekstra,\n\nUw burgerservicenummer 111222333 is genoteerd. Wegens uw hernia bent u ziek gemeld.\n');
    writeFileSync(at(changed2!), 'Handleiding voor de koffiemachine: vul het reservoir en druk op de knop.\n');
    writeFileSync(at('nieuw.txt'), 'Beste Karin,\n\nHierbij de notulen van de vergadering van dinsdag.\n\nGroet, Joost Vermeulen\n');
    mkdirSync(at('map-nieuw'), { recursive: true });
    writeFileSync(at('map-nieuw/factuur.txt'), 'Factuur 2026-114 van Bakkerij De Korenaar BV aan Kantoorhuis BV: 12 broden, totaal EUR 38,40.\n');
    renameSync(at(renamed!), at(renamed!.replace('.txt', '-hernoemd.txt')));
    mkdirSync(at('archief/2026'), { recursive: true });
    renameSync(at(moved!), at('archief/2026/verplaatst.txt'));
    rmSync(at(deleted1!));
    rmSync(at(deleted2!));
    const halfHourAgo = new Date(Date.now() - 1800_000);
    utimesSync(at(touched!), halfHourAgo, halfHourAgo); // a new mtime, the same content
    for (const f of ['nieuw.txt', 'map-nieuw/factuur.txt', changed1!, changed2!]) utimesSync(at(f), hourAgo, hourAgo);

    const { counter, classify } = countingClassifier();
    const summary = await scan(connector, store, { classify });
    expect(summary).toMatchObject({ found: COUNT, classified: 4, fetched: 5, moved: 2, deleted: 2, errors: 0, skipped: COUNT - 4 });
    expect(counter.calls).toBe(4);

    const after = new Map((await documents(store)).map((d) => [d.location, d]));
    expect(after.size).toBe(COUNT);
    for (const [location, old] of [[renamed!.replace('.txt', '-hernoemd.txt'), before.get(renamed!)!], ['archief/2026/verplaatst.txt', before.get(moved!)!]] as const) {
      const doc = after.get(location)!;
      expect(doc.id).toBe(old.id); // the same document, at its new location, not classified again
      expect(doc.scannedAt).toBe(old.scannedAt);
      expect(doc.classification).toEqual(old.classification);
    }
    expect(after.get(touched!)!.scannedAt).toBe(before.get(touched!)!.scannedAt);
    expect(after.get(changed1!)).toMatchObject({ id: before.get(changed1!)!.id, classification: { label: 'bijzonder' } });
    expect(after.get(changed1!)!.classification!.categories).toEqual(expect.arrayContaining(['bsn', 'health']));
    expect(after.get(changed2!)!.classification!.label).toBe('geen');
    expect(after.get('nieuw.txt')!.classification!.label).toBe('generiek');
    expect(after.get('map-nieuw/factuur.txt')!.classification).toMatchObject({ documentType: 'factuur' });
    const gone = (await documents(store, { status: 'deleted' })).map((d) => d.location).sort();
    expect(gone).toEqual([deleted1!, deleted2!].sort());

    // And once more: nothing to do.
    const again = await scan(connector, store, { classify });
    expect(again).toMatchObject({ classified: 0, fetched: 0, deleted: 0, moved: 0 });
    expect(counter.calls).toBe(4);
  });

  it('gives a document that cannot be read its reason, and does not try again until it changes', async () => {
    writeFileSync(at('kapot.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0, 0x10, 0x11, 0, 5, 0, 0, 7]));
    utimesSync(at('kapot.txt'), new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    const first = await scan(connector, store);
    expect(first).toMatchObject({ classified: 0, errors: 1 });
    const [broken] = await documents(store, { status: 'error' });
    expect(broken).toMatchObject({ location: 'kapot.txt', error: expect.stringContaining('unsupported') });
    expect(await scan(connector, store)).toMatchObject({ errors: 0, fetched: 0 });
    rmSync(at('kapot.txt'));
  });

  it('concludes no deletion from a listing that could not read every folder', async () => {
    const partial: Connector = {
      ...connector,
      async *enumerate(cursor, options) {
        for await (const page of connector.enumerate(cursor, options)) {
          yield { ...page, items: page.items.filter((i) => !i.location.startsWith('map-3/')), ...(page.last ? { unreadable: [{ location: 'map-3', reason: 'permission denied' }] } : {}) };
        }
      },
    };
    const summary = await scan(partial, store);
    expect(summary).toMatchObject({ deleted: 0, complete: false, unreadable: ['map-3'] });
    expect((await documents(store)).filter((d) => d.location.startsWith('map-3/')).length).toBeGreaterThan(0);
  });
});

describe('scan: stopped and failed scans', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bewaarder-scan-stop-'));
    root = join(dir, 'bron');
    generateFolder(root, { count: 120, seed: 5 });
  });
  afterAll(async () => {
    await closeDefaultSandbox();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops after the documents in flight when asked, and a rerun continues the same run to the same result', async () => {
    const connector = createFilesystemConnector(root, { pageSize: 10 });
    const reference = openSqliteStore(join(dir, 'ref.db'), { key: KEY });
    await scan(connector, reference);
    const expected = await snapshot(reference);
    await reference.close();

    const store = openSqliteStore(join(dir, 'stopped.db'), { key: KEY });
    const stop = new AbortController();
    const first = await scan(connector, store, {
      concurrency: 2,
      signal: stop.signal,
      onProgress: (counts) => counts.classified >= 30 && stop.abort(),
    });
    expect(first).toMatchObject({ status: 'interrupted', complete: false, deleted: 0 });
    expect(first.classified).toBeLessThan(120);
    const second = await scan(connector, store);
    expect(second).toMatchObject({ status: 'completed', resumed: true, run: first.run, deleted: 0 });
    expect(first.classified + second.classified).toBe(120);
    expect(await snapshot(store)).toEqual(expected);
    await store.close();
  });

  it('after a failure at any write, a rerun reaches the same result: nothing lost, nothing twice', async () => {
    const connector = createFilesystemConnector(root, { pageSize: 7 });
    const reference = openSqliteStore(join(dir, 'ref.db'), { key: KEY });
    const expected = await snapshot(reference);
    await reference.close();
    for (const failAt of [1, 40, 95]) {
      const path = join(dir, `failing-${failAt}.db`);
      const store = openSqliteStore(path, { key: KEY });
      let written = 0;
      const failing: Store = {
        ...store,
        async recordDocuments(runId, records, cursor) {
          written += records.length;
          if (written >= failAt) throw new Error('disk full'); // at the write that holds document number `failAt`
          return store.recordDocuments(runId, records, cursor);
        },
      };
      await expect(scan(connector, failing)).rejects.toThrow('disk full');
      const rerun = await scan(connector, store);
      expect(rerun.status).toBe('completed');
      expect(await snapshot(store)).toEqual(expected);
      await store.close();
    }
  });
});

describe('scan of a source with a delta listing', () => {
  it('lists only what changed after the first scan, and takes deletions from the source', async () => {
    const { createMemorySource } = await import('../support/memory-connector.ts');
    const source = createMemorySource();
    source.put('brief.txt', 'Geachte heer Vermeulen, uw burgerservicenummer is 111222333.');
    source.put('map/handleiding.txt', 'Druk op de groene knop om de printer te starten.');
    source.put('map/notulen.txt', 'Notulen van de vergadering. Aanwezig: Karin Bosman, Joost Postma.');
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-scan-delta-'));
    const store = openSqliteStore(join(dir, 'b.db'), { key: KEY });
    try {
      const { counter, classify } = countingClassifier();
      expect(await scan(source.connector, store, { classify })).toMatchObject({ found: 3, classified: 3, deleted: 0 });
      expect(await scan(source.connector, store, { classify })).toMatchObject({ found: 0, classified: 0, deleted: 0, complete: true });
      source.remove('map/handleiding.txt');
      source.move('map/notulen.txt', 'archief/notulen.txt');
      source.put('nieuw.txt', 'Beste Karin, tot morgen.');
      const summary = await scan(source.connector, store, { classify });
      expect(summary).toMatchObject({ found: 2, classified: 1, moved: 1, deleted: 1 });
      expect(counter.calls).toBe(4);
      const live = (await documents(store)).map((d) => d.location).sort();
      expect(live).toEqual(['archief/notulen.txt', 'brief.txt', 'nieuw.txt']);
      expect((await documents(store, { status: 'deleted' })).map((d) => d.location)).toEqual(['map/handleiding.txt']);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
