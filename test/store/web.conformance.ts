import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../connectors/connector.ts';
import type { ScheduleRow } from '../../src/retention/store.ts';
import type { Store, StoredClassification } from '../../src/store/store.ts';
import type { DocumentQuery } from '../../src/store/web-store.ts';
import type { StoreHarness } from './store.conformance.ts';

const SOURCE = { kind: 'sharepoint', root: 'drive-hr', title: 'Personeelszaken · Dossiers', webUrl: 'https://contoso.sharepoint.com/sites/hr/Dossiers' };
const ME = { pid: process.pid, host: hostname() };
const item = (id: string, location: string, modified = '2026-01-01T00:00:00.000Z'): Item =>
  ({ id, name: location.split('/').pop()!, location, size: 10, version: 'v1', modified });
const classification = (label: StoredClassification['label'], documentType: string): StoredClassification => ({
  label, labelReason: 'r', documentType, documentTypeConfidence: 0.9, documentTypeReason: 'r',
  categories: label === 'geen' ? [] : ['person-name'], findings: [], hints: [], format: 'text', parts: [], warnings: [],
});

/** Stores documents (location → [label, type]); their ids in that order. */
async function documents(store: Store, docs: [string, StoredClassification['label'], string][]): Promise<number[]> {
  const { run } = await store.startRun(await store.source(SOURCE), ME);
  await store.recordDocuments(run.id, docs.map(([location, label, type], i) =>
    ({ item: item(`i${i}`, location, `2026-0${i + 1}-01T00:00:00.000Z`), version: 'v1', contentHash: `h${i}`, outcome: { kind: 'classified', classification: classification(label, type) } })));
  const ids = new Map<string, number>();
  for await (const d of store.listDocuments()) ids.set(d.location, d.id);
  return docs.map(([location]) => ids.get(location)!);
}

/**
 * What the web application and the Graph connectors keep in every store (WebStore + ConnectorStateStore): run for
 * SQLite (sqlite-web.test.ts) and PostgreSQL (postgres.test.ts).
 */
export function webConformance(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`WebStore + ConnectorStateStore conformance: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await setup();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    it('keeps accounts with hashed secrets, roles, API tokens and sessions that expire', async () => {
      const anna = await store.createAccount({ name: 'anna', role: 'records-manager', passwordHash: 'scrypt$1$2$3$salt$hash' });
      await store.createAccount({ name: 'oid-123', role: 'auditor', kind: 'entra', displayName: 'Bram' });
      await expect(store.createAccount({ name: 'anna', role: 'auditor' })).rejects.toThrow();
      expect(anna).toMatchObject({ name: 'anna', role: 'records-manager', kind: 'local' });
      expect(await store.account('anna')).toMatchObject({ id: anna.id, passwordHash: 'scrypt$1$2$3$salt$hash' });
      expect(await store.account('oid-123')).toMatchObject({ kind: 'entra', displayName: 'Bram' });
      expect((await store.accounts()).map((a) => a.name)).toEqual(['anna', 'oid-123']);
      await store.setRole('anna', 'administrator');
      await store.setPassword('anna', 'scrypt$new');
      expect(await store.account('anna')).toMatchObject({ role: 'administrator', passwordHash: 'scrypt$new' });
      await expect(store.setRole('niemand', 'auditor')).rejects.toThrow(/no account named niemand/);
      expect(await store.accountById(anna.id)).toMatchObject({ name: 'anna' });
      expect(await store.accountById(9999)).toBeUndefined();

      await store.createApiToken(anna.id, 'cli', 'token-hash');
      expect(await store.accountByToken('token-hash')).toMatchObject({ name: 'anna' });
      expect(await store.accountByToken('other')).toBeUndefined();

      await store.createSession({ idHash: 's1', accountId: anna.id, csrfToken: 'c1', expiresAt: '2099-01-01T00:00:00.000Z' });
      expect(await store.session('s1', '2030-01-01T00:00:00.000Z')).toMatchObject({ account: { name: 'anna' }, csrfToken: 'c1' });
      expect(await store.session('s1', '2099-01-02T00:00:00.000Z')).toBeUndefined();
      await store.deleteSession('s1');
      expect(await store.session('s1', '2030-01-01T00:00:00.000Z')).toBeUndefined();
    });

    it('ends every session of an account whose role was taken away, and keeps the account disabled until a role returns', async () => {
      const bram = await store.createAccount({ name: 'entra:oid-1', role: 'auditor', kind: 'entra', displayName: 'Bram' });
      const anna = await store.createAccount({ name: 'anna', role: 'records-manager' });
      const at = '2030-01-01T00:00:00.000Z';
      for (const [idHash, accountId] of [['b1', bram.id], ['b2', bram.id], ['a1', anna.id]] as const) {
        await store.createSession({ idHash, accountId, csrfToken: 'c', expiresAt: '2099-01-01T00:00:00.000Z' });
      }
      await store.createApiToken(bram.id, 'script', 'bram-token');
      expect(await store.deleteSessionsOf(bram.id)).toBe(2);
      expect(await store.session('b1', at)).toBeUndefined();
      expect(await store.session('b2', at)).toBeUndefined();
      expect(await store.session('a1', at)).toMatchObject({ account: { name: 'anna' } }); // someone else's stays
      expect(await store.deleteSessionsOf(bram.id)).toBe(0);

      await store.disableAccount('entra:oid-1');
      const disabled = await store.account('entra:oid-1');
      expect(disabled).toMatchObject({ id: bram.id, role: 'auditor', disabledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect((await store.accounts()).map((a) => a.name)).toContain('entra:oid-1'); // kept for the audit trail
      expect(await store.accountByToken('bram-token')).toBeUndefined();
      await store.createSession({ idHash: 'b3', accountId: bram.id, csrfToken: 'c', expiresAt: '2099-01-01T00:00:00.000Z' });
      expect(await store.session('b3', at)).toBeUndefined(); // a disabled account signs nobody in
      await expect(store.disableAccount('niemand')).rejects.toThrow(/no account named niemand/);

      await store.setRole('entra:oid-1', 'records-manager');
      const back = await store.account('entra:oid-1');
      expect(back).toMatchObject({ role: 'records-manager' });
      expect(back?.disabledAt).toBeUndefined();
      expect(await store.session('b3', at)).toMatchObject({ account: { name: 'entra:oid-1', role: 'records-manager' } });
      expect(await store.accountByToken('bram-token')).toMatchObject({ name: 'entra:oid-1' });
    });

    it('finds documents by label, folder (wildcards are plain characters), dates and ids; bijzonder first by priority', async () => {
      const [a, b, c, d] = await documents(store, [
        ['hr/100%_contract.pdf', 'generiek', 'arbeidsovereenkomst'],
        ['hr/ziek.docx', 'bijzonder', 'ziekmelding'],
        ['hrx/memo.txt', 'geen', 'memo'],
        ['fin/factuur.pdf', 'generiek', 'factuur'],
      ]);
      const ids = async (q: Parameters<Store['findDocuments']>[0]) => (await store.findDocuments(q)).documents.map((x) => x.id);
      expect(await ids({})).toEqual([d, a, b, c]);
      expect(await ids({ sort: 'priority' })).toEqual([b, d, a, c]);
      expect(await ids({ location: 'hr/' })).toEqual([a, b]);
      expect(await ids({ location: 'hr/100%_' })).toEqual([a]);
      expect(await ids({ location: 'hr/1%' })).toEqual([]);
      expect(await ids({ label: 'generiek', documentType: 'factuur' })).toEqual([d]);
      expect(await ids({ category: 'person-name' })).toEqual([d, a, b]);
      expect(await ids({ modifiedFrom: '2026-02-01', modifiedTo: '2026-04-01' })).toEqual([b, c]);
      expect(await ids({ ids: [a!, c!] })).toEqual([a, c]);
      const page = await store.findDocuments({ limit: 2, offset: 1 });
      expect([page.total, page.documents.map((x) => x.id)]).toEqual([4, [a, b]]);
      const doc = await store.reviewedDocument(b!);
      expect(doc).toMatchObject({ location: 'hr/ziek.docx', source: SOURCE, classification: { label: 'bijzonder' } });
      expect(doc!.review).toBeUndefined();
      expect(await store.reviewedDocument(9999)).toBeUndefined();
      expect(await store.sources()).toEqual([{ id: expect.any(Number), ...SOURCE }]);
    });

    it('finds documents by retention state, whatever their date; the other filters still apply', async () => {
      const [a, b, c, d] = await documents(store, [['hr/a.txt', 'generiek', 'factuur'], ['hr/b.txt', 'bijzonder', 'ziekmelding'], ['hr/c.txt', 'generiek', 'factuur'], ['hr/d.txt', 'geen', 'overig']]);
      const row = (documentId: number, state: ScheduleRow['state'], disposeAfter?: string): ScheduleRow => ({
        documentId, policyId: 'p', trigger: 'created', state, approvals: [], classifiedAt: 'x', fingerprint: 'f', scheduledAt: '2026-01-01T00:00:00.000Z',
        ...(disposeAfter ? { disposeAfter } : {}),
      });
      await store.saveSchedules([row(a!, 'scheduled', '2020-01-01'), row(b!, 'review', '2099-01-01'), row(c!, 'scheduled', '2099-01-01')]);
      const ids = async (q: DocumentQuery) => (await store.findDocuments({ sort: 'location', ...q })).documents.map((x) => x.id);
      expect(await ids({ retention: 'scheduled' })).toEqual([a, c]);
      expect(await ids({ retention: 'review' })).toEqual([b]);
      expect(await ids({ retention: 'needs-trigger' })).toEqual([]); // d has no schedule at all
      expect(await ids({ retention: 'scheduled', label: 'generiek', ids: [c!, d!] })).toEqual([c]);
      expect((await store.findDocuments({ retention: 'scheduled', limit: 1 })).total).toBe(2);
    });

    it('records reviews (confirmed or corrected) that the queue filters and sorts by, and trains on them', async () => {
      const [a, b] = await documents(store, [['a.txt', 'generiek', 'memo'], ['b.txt', 'bijzonder', 'ziekmelding']]);
      await store.recordReview({ documentId: a!, label: 'generiek', documentType: 'memo', reviewer: 'anna' });
      await store.recordReview({ documentId: b!, label: 'generiek', documentType: 'correspondentie', reviewer: 'anna', comment: 'geen gezondheid' });
      expect((await store.reviewedDocument(a!))!.review).toMatchObject({ status: 'confirmed', reviewer: 'anna' });
      expect((await store.reviewedDocument(b!))!.review).toMatchObject({ status: 'corrected', label: 'generiek', documentType: 'correspondentie', comment: 'geen gezondheid' });
      expect((await store.findDocuments({ label: 'generiek', documentType: 'correspondentie' })).documents.map((x) => x.id)).toEqual([b]);
      expect((await store.findDocuments({ review: 'corrected' })).documents.map((x) => x.id)).toEqual([b]);
      expect((await store.findDocuments({ review: 'unreviewed' })).total).toBe(0);
      await expect(store.saveTrainingVector(9999, { x: 1 })).rejects.toThrow(/not been reviewed/);
      await store.saveTrainingVector(b!, { 'stem-hash': 2 });
      expect(await store.hasTrainingVector(b!)).toBe(true);
      expect(await store.hasTrainingVector(a!)).toBe(false);
      await store.recordReview({ documentId: b!, label: 'generiek', documentType: 'brief', reviewer: 'bram' });
      expect(await store.trainingExamples()).toEqual([{ documentId: b, documentType: 'brief', features: { 'stem-hash': 2 } }]);
      await store.appendAudit({ actor: 'anna', action: 'review.corrected', subject: `document:${b}` });
      await store.appendAudit({ actor: 'anna', action: 'review.confirmed', subject: `document:${a}` });
      expect((await store.auditOf(`document:${b}`)).map((e) => e.action)).toEqual(['review.corrected']);
    });

    it('keeps folder trees and write-back records per source; a write moves the stored version along', async () => {
      const a = await store.source({ kind: 'sharepoint', root: 'drive-a' });
      const b = await store.source({ kind: 'mail', root: 'user-b' });
      await store.saveFolders(a, [{ id: 'r', parentId: null, name: '' }, { id: 'f1', parentId: 'r', name: 'Contracten' }, { id: 'f2', parentId: 'f1', name: '2026' }], []);
      await store.saveFolders(b, [{ id: 'inbox', parentId: 'root', name: 'Inbox' }], []);
      await store.saveFolders(a, [{ id: 'f2', parentId: 'r', name: '2026 (oud)' }], ['f1']);
      const { run } = await store.startRun(a, ME);
      await store.recordDocuments(run.id, [{ item: item('item-1', 'x.docx'), version: 'v1', contentHash: 'h', outcome: { kind: 'classified', classification: classification('generiek', 'memo') } }]);
      await store.recordWrittenLabels(a, 'item-1', '{"label":"bijzonder"}');
      await store.recordWrittenLabels(a, 'item-1', '{"label":"generiek"}', { from: 'v1', to: 'v2' });
      await store.recordWrittenLabels(a, 'item-1', '{"label":"generiek"}', { from: 'v1', to: 'v3' }); // not v1 any more
      store = await h.reopen();
      expect([...(await store.folders(a)).values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([
        { id: 'f2', parentId: 'r', name: '2026 (oud)' },
        { id: 'r', parentId: null, name: '' },
      ]);
      expect([...(await store.folders(b)).keys()]).toEqual(['inbox']);
      expect(await store.writtenLabels(a)).toEqual(new Map([['item-1', '{"label":"generiek"}']]));
      expect(await store.writtenLabels(b)).toEqual(new Map());
      expect((await store.knownDocuments(a, ['item-1'])).get('item-1')!.version).toBe('v2');
    });
  });
}
