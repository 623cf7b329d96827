import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../connectors/connector.ts';
import { ScanBusyError, type DocumentRecord, type Store, type StoredClassification, type StoredDocument } from '../../src/store/store.ts';

/**
 * What every store must do: the SQLite store runs it now (sqlite.test.ts), the PostgreSQL store will. A harness
 * gives an empty store, can reopen it (same data), and runs raw SQL for the tamper tests.
 */
export interface StoreHarness {
  store: Store;
  /** Closes the store and opens the same database again. */
  reopen(): Promise<Store>;
  /** Raw SQL, bypassing the interface (to prove the database itself refuses). */
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

const SOURCE = { kind: 'filesystem', root: '/data/gedeeld' };
const ME = { pid: process.pid, host: hostname() };

function item(id: string, location = `${id}.txt`, version = 'v1'): Item {
  return { id, name: location.split('/').pop()!, location, size: 100, version, modified: '2026-01-01T00:00:00.000Z', owner: 'uid:1000' };
}

function classification(overrides: Partial<StoredClassification> = {}): StoredClassification {
  return {
    label: 'bijzonder',
    labelReason: 'special personal data found (bsn)',
    documentType: 'ziekmelding',
    documentTypeConfidence: 0.8,
    documentTypeReason: 'cue words "ziek gemeld"',
    categories: ['bsn', 'health'],
    findings: [
      { category: 'bsn', detector: 'bsn', count: 1, confidence: 0.97, evidence: 'BSN: ****.**.782', explanation: 'valid 11-test number', spans: [{ start: 10, end: 21 }] },
      { category: 'health', detector: 'special-category', count: 2, confidence: 0.86, evidence: 'gezondheid: "griep"', explanation: 'health term', spans: [], part: 'attachment:a.txt' },
    ],
    hints: [],
    format: 'text',
    parts: [{ path: 'attachment:a.txt', label: 'bijzonder', documentType: 'ziekmelding' }],
    warnings: [],
    ...overrides,
  };
}

function classified(i: Item, c = classification(), contentHash = `hash-${i.id}`): DocumentRecord {
  return { item: i, version: i.version, contentHash, outcome: { kind: 'classified', classification: c } };
}

async function all(store: Store, filter?: Parameters<Store['listDocuments']>[0]): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  for await (const d of store.listDocuments(filter)) out.push(d);
  return out;
}

export function storeConformance(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`Store conformance: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await setup();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    it('keeps one id per source, and its data across reopening', async () => {
      const id = await store.source(SOURCE);
      expect(await store.source({ ...SOURCE })).toBe(id);
      expect(await store.source({ kind: 'filesystem', root: '/elders' })).not.toBe(id);
      const { run } = await store.startRun(id, ME);
      await store.recordDocuments(run.id, [classified(item('a'))]);
      store = await h.reopen();
      expect(await store.source(SOURCE)).toBe(id);
      expect((await all(store)).map((d) => d.location)).toEqual(['a.txt']);
    });

    it("keeps a source's title and web address: recorded when given, updated on change, kept when not given", async () => {
      const library = { kind: 'sharepoint', root: 'b!drive-1' };
      const id = await store.source({ ...library, title: 'Personeelszaken · Dossiers', webUrl: 'https://contoso.sharepoint.com/sites/pz/Dossiers' });
      const { run } = await store.startRun(id, ME);
      await store.recordDocuments(run.id, [classified(item('a', 'Boerstraat 192/klacht.md'))]);
      expect((await all(store))[0]!.source).toEqual({ ...library, title: 'Personeelszaken · Dossiers', webUrl: 'https://contoso.sharepoint.com/sites/pz/Dossiers' });
      // The scan itself knows only kind and root: that must not wipe what discovery found.
      expect(await store.source(library)).toBe(id);
      expect(await store.source({ ...library, title: 'Personeelszaken · Personeelsdossiers' })).toBe(id);
      store = await h.reopen();
      const expected = { ...library, title: 'Personeelszaken · Personeelsdossiers', webUrl: 'https://contoso.sharepoint.com/sites/pz/Dossiers' };
      expect((await all(store))[0]!.source).toEqual(expected);
      expect((await store.reviewedDocument((await all(store))[0]!.id))!.source).toEqual(expected);
      expect(await store.sources()).toEqual([{ id, ...expected }]);
      expect((await store.stats()).byLocation.map((l) => l.location)).toEqual(['Personeelszaken · Personeelsdossiers/Boerstraat 192']);
      // A source without a title is counted under its root, and lists without title or web address.
      const folder = await store.source(SOURCE);
      expect((await store.sources()).find((s) => s.id === folder)).toEqual({ id: folder, ...SOURCE });
    });

    it('stores a classification exactly, and lists it with its source, location and status', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      await store.recordDocuments(run.id, [classified(item('a', 'map/brief.txt'))]);
      const [doc] = await all(store);
      expect(doc).toMatchObject({
        source: SOURCE,
        itemId: 'a',
        location: 'map/brief.txt',
        name: 'brief.txt',
        size: 100,
        version: 'v1',
        owner: 'uid:1000',
        status: 'classified',
        classification: classification(),
      });
      expect(new Date(doc!.scannedAt).toISOString()).toBe(doc!.scannedAt);
    });

    it('commits the progress cursor with the documents, and none of it when the write fails', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      await store.recordDocuments(run.id, [classified(item('a'))], { cursor: 'page-1' });
      expect((await store.run(run.id))!.cursor).toBe('page-1');
      const invalid = classified(item('b'), classification({ label: 'ongeldig' as never }));
      // A batch is one transaction: the valid document before the invalid one is not kept either.
      await expect(store.recordDocuments(run.id, [classified(item('c')), invalid], { cursor: 'page-2' })).rejects.toThrow();
      expect((await store.run(run.id))!.cursor).toBe('page-1');
      expect((await all(store)).map((d) => d.itemId)).toEqual(['a']);
      await store.recordSeen(run.id, [], { cursor: 'page-2' });
      expect((await store.run(run.id))!.cursor).toBe('page-2');
    });

    it('resumes an unfinished run, and refuses while another live process holds it', async () => {
      const source = await store.source(SOURCE);
      const first = await store.startRun(source, ME);
      expect(first.resumed).toBe(false);
      await store.recordSeen(first.run.id, [], { cursor: 'page-3' });
      // A process that died without finishing (kill -9): its run is taken over, cursor and all.
      const again = await store.startRun(source, ME);
      expect(again).toMatchObject({ resumed: true, run: { id: first.run.id, cursor: 'page-3', status: 'running' } });
      // A live other process (our parent) holds it: refused.
      await expect(store.startRun(source, { pid: process.ppid, host: hostname() })).rejects.toBeInstanceOf(ScanBusyError);
      await store.finishRun(first.run.id, { status: 'interrupted', counts: { found: 1 } });
      const resumed = await store.startRun(source, { pid: process.ppid, host: hostname() });
      expect(resumed).toMatchObject({ resumed: true, run: { id: first.run.id, cursor: 'page-3' } });
    });

    it('takes over a run whose process is gone', async () => {
      const source = await store.source(SOURCE);
      const { run } = await store.startRun(source, { pid: 2 ** 22 + 12345, host: hostname() });
      expect((await store.startRun(source, ME)).run.id).toBe(run.id);
    });

    it('finishes a run: saves where the next one starts and marks what it did not see as deleted', async () => {
      const source = await store.source(SOURCE);
      const one = await store.startRun(source, ME);
      for (const id of ['a', 'b', 'c']) await store.recordDocuments(one.run.id, [classified(item(id))]);
      expect(await store.finishRun(one.run.id, { status: 'completed', counts: { found: 3 }, nextCursor: 'delta-1', sweepUnseen: true })).toEqual({ deleted: 0 });
      const two = await store.startRun(source, ME);
      expect(two).toMatchObject({ resumed: false, run: { cursor: 'delta-1' } });
      expect(two.run.id).not.toBe(one.run.id);
      await store.recordSeen(two.run.id, [item('a', 'nieuw/a.txt')]);
      await store.recordDocuments(two.run.id, [{ item: item('b'), version: 'v2', contentHash: 'hash-b', outcome: { kind: 'unchanged' } }]);
      expect(await store.finishRun(two.run.id, { status: 'completed', counts: {}, nextCursor: null, sweepUnseen: true })).toEqual({ deleted: 1 });
      const docs = await all(store);
      expect(docs.map((d) => [d.itemId, d.location, d.version])).toEqual([['b', 'b.txt', 'v2'], ['a', 'nieuw/a.txt', 'v1']]);
      expect((await all(store, { status: 'deleted' })).map((d) => d.itemId)).toEqual(['c']);
      expect((await store.runs(source)).map((r) => r.status)).toEqual(['completed', 'completed']);
      // Seen again (moved back in): the same record returns, classification intact.
      const three = await store.startRun(source, ME);
      await store.recordSeen(three.run.id, [item('c')]);
      const c = (await all(store)).find((d) => d.itemId === 'c')!;
      expect(c).toMatchObject({ status: 'classified', classification: classification() });
    });

    it('answers the skip check per page: version, size, keyed content hash, state', async () => {
      const source = await store.source(SOURCE);
      const { run } = await store.startRun(source, ME);
      await store.recordDocuments(run.id, [classified(item('a'))]);
      await store.recordDocuments(run.id, [{ item: item('b'), version: 'v1', outcome: { kind: 'error', stage: 'fetch', reason: 'permission denied' } }]);
      const known = await store.knownDocuments(source, ['a', 'b', 'onbekend']);
      expect([...known.keys()].sort()).toEqual(['a', 'b']);
      expect(known.get('a')).toMatchObject({ location: 'a.txt', size: 100, version: 'v1', contentHash: 'hash-a', state: 'classified', deleted: false });
      expect(known.get('b')).toMatchObject({ state: 'error', errorStage: 'fetch' });
      expect((await store.knownDocuments(source, [])).size).toBe(0);
    });

    it('replaces a classification whole when a document is classified again', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      await store.recordDocuments(run.id, [classified(item('a'))]);
      const plain = classification({ label: 'generiek', documentType: 'correspondentie', categories: ['email'], findings: [], parts: [] });
      await store.recordDocuments(run.id, [classified(item('a', 'a.txt', 'v2'), plain)]);
      const docs = await all(store);
      expect(docs).toHaveLength(1);
      expect(docs[0]!.classification).toEqual(plain);
      expect(await all(store, { category: 'bsn' })).toEqual([]);
      expect((await all(store, { category: 'email' })).map((d) => d.itemId)).toEqual(['a']);
    });

    it('keeps errors with their history; a fetch error keeps the last reading, an unreadable change drops it', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      await store.recordDocuments(run.id, [classified(item('a'))]);
      await store.recordDocuments(run.id, [{ item: item('a'), version: 'v1', outcome: { kind: 'error', stage: 'fetch', reason: 'permission denied' } }]);
      let [doc] = await all(store);
      expect(doc).toMatchObject({ status: 'error', error: 'permission denied', classification: { label: 'bijzonder' } });
      await store.recordDocuments(run.id, [{ item: item('a', 'a.txt', 'v2'), version: 'v2', contentHash: 'x', outcome: { kind: 'error', stage: 'extract', reason: 'encrypted' } }]);
      [doc] = await all(store, { status: 'error' });
      expect(doc!.error).toBe('encrypted');
      expect(doc!.classification).toBeUndefined();
      expect((await store.documentErrors(doc!.id)).map((e) => [e.stage, e.reason])).toEqual([['extract', 'encrypted'], ['fetch', 'permission denied']]);
      await store.recordDocuments(run.id, [classified(item('a', 'a.txt', 'v3'))]);
      [doc] = await all(store);
      expect(doc).toMatchObject({ status: 'classified' });
      expect(doc!.error).toBeUndefined();
    });

    it('records deletions a source reports itself', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      for (const id of ['a', 'b']) await store.recordDocuments(run.id, [classified(item(id))]);
      expect(await store.recordRemoved(run.id, ['a', 'onbekend'], { cursor: 'delta-2' })).toBe(1);
      expect(await store.recordRemoved(run.id, ['a'])).toBe(0);
      expect((await all(store)).map((d) => d.itemId)).toEqual(['b']);
      expect((await store.run(run.id))!.cursor).toBe('delta-2');
    });

    it('filters by label, type, category and status', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      await store.recordDocuments(run.id, [classified(item('a'))]);
      await store.recordDocuments(run.id, [classified(item('b'), classification({ label: 'geen', documentType: 'handleiding', categories: [], findings: [] }))]);
      await store.recordDocuments(run.id, [{ item: item('c'), version: 'v1', contentHash: 'h', outcome: { kind: 'error', stage: 'extract', reason: 'unsupported format: binary' } }]);
      const ids = async (f: Parameters<Store['listDocuments']>[0]) => (await all(store, f)).map((d) => d.itemId);
      expect(await ids({})).toEqual(['a', 'b', 'c']);
      expect(await ids({ label: 'geen' })).toEqual(['b']);
      expect(await ids({ documentType: 'ziekmelding' })).toEqual(['a']);
      expect(await ids({ category: 'health' })).toEqual(['a']);
      expect(await ids({ status: 'error' })).toEqual(['c']);
      expect(await ids({ status: 'classified', label: 'bijzonder' })).toEqual(['a']);
    });

    it('lists more documents than fit in one page, each once, in location order', async () => {
      const { run } = await store.startRun(await store.source(SOURCE), ME);
      const ids = Array.from({ length: 1203 }, (_, i) => `d${String(i).padStart(4, '0')}`);
      await store.recordSeen(run.id, []); // writes with no items are fine
      await store.recordDocuments(run.id, []);
      await store.recordDocuments(run.id, ids.slice(0, 1000).map((id) => classified(item(id))));
      for (const id of ids.slice(1000)) await store.recordDocuments(run.id, [classified(item(id))]);
      await store.recordDocuments(run.id, [classified(item('z', 'a-eerst.txt'))]); // stored last, listed first
      expect((await all(store)).map((d) => d.itemId)).toEqual(['z', ...ids]);
    });

    it('counts per label, type, category and location', async () => {
      const source = await store.source(SOURCE);
      const { run } = await store.startRun(source, ME);
      await store.recordDocuments(run.id, [classified(item('a', 'hr/verzuim/a.txt'))]);
      await store.recordDocuments(run.id, [classified(item('b', 'hr/b.txt'), classification({ label: 'generiek', documentType: 'correspondentie', categories: ['email'] }))]);
      await store.recordDocuments(run.id, [classified(item('c', 'c.txt'), classification({ label: 'geen', documentType: 'handleiding', categories: [] }))]);
      await store.recordDocuments(run.id, [{ item: item('d', 'hr/d.bin'), version: 'v1', outcome: { kind: 'error', stage: 'extract', reason: 'unsupported' } }]);
      await store.recordDocuments(run.id, [classified(item('e', 'weg/e.txt'))]);
      await store.recordRemoved(run.id, ['e']);
      await store.finishRun(run.id, { status: 'completed', counts: { found: 5 } });
      const stats = await store.stats();
      expect(stats).toMatchObject({
        documents: 4,
        errors: 1,
        deleted: 1,
        byLabel: { bijzonder: 1, generiek: 1, geen: 1 },
        byType: { ziekmelding: 1, correspondentie: 1, handleiding: 1 },
        byCategory: { bsn: 1, health: 1, email: 1 },
        lastRun: { id: run.id, status: 'completed' },
      });
      expect(stats.byLocation).toEqual([
        { location: '/data/gedeeld', documents: 1, byLabel: { geen: 1 } },
        { location: '/data/gedeeld/hr', documents: 3, byLabel: { bijzonder: 1, generiek: 1, error: 1 } },
      ]);
      expect((await store.stats({ locationDepth: 2 })).byLocation.map((l) => l.location)).toEqual(['/data/gedeeld', '/data/gedeeld/hr', '/data/gedeeld/hr/verzuim']);
    });

    it('appends to the audit log, which refuses changes and deletions', async () => {
      await store.appendAudit({ actor: 'fg', action: 'results.listed', details: { filter: { label: 'bijzonder' } } });
      await store.appendAudit({ actor: 'beheer', action: 'scan.started', subject: '/data/gedeeld' });
      const entries = await store.audit();
      expect(entries.map((e) => [e.seq, e.actor, e.action, e.subject, e.details])).toEqual([
        [entries[0]!.seq, 'fg', 'results.listed', undefined, { filter: { label: 'bijzonder' } }],
        [entries[1]!.seq, 'beheer', 'scan.started', '/data/gedeeld', undefined],
      ]);
      expect(entries[1]!.seq).toBeGreaterThan(entries[0]!.seq);
      expect((await store.audit({ after: entries[0]!.seq })).map((e) => e.actor)).toEqual(['beheer']);
      await expect(h.exec("UPDATE audit_log SET actor = 'iemand anders'")).rejects.toThrow(/append-only/);
      await expect(h.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect(await store.audit()).toHaveLength(2);
    });

    it('hashes with its key: the same value and purpose give the same hash, nothing else does', async () => {
      const a = store.hasher.digest('content', new TextEncoder().encode('BSN 111222333'));
      expect(store.hasher.digest('content', 'BSN 111222333')).toBe(a);
      expect(store.hasher.digest('bsn', 'BSN 111222333')).not.toBe(a);
      expect(a).not.toContain('111222333');
      expect(a).toMatch(/^[\w-]{32,}$/);
    });
  });
}
