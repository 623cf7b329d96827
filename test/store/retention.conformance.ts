import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../connectors/connector.ts';
import { verifyChain } from '../../src/retention/chain.ts';
import type { DisposalInput, ScheduleRow } from '../../src/retention/index.ts';
import type { Store, StoredClassification } from '../../src/store/store.ts';
import type { StoreHarness } from './store.conformance.ts';

const SOURCE = { kind: 'filesystem', root: '/data/hr' };
const item = (id: string, location: string): Item => ({ id, name: location.split('/').pop()!, location, size: 10, version: 'v1', modified: '2020-01-01T00:00:00.000Z' });
const classification: StoredClassification = {
  label: 'generiek', labelReason: 'r', documentType: 'arbeidsovereenkomst', documentTypeConfidence: 0.9, documentTypeReason: 'r',
  categories: ['person-name'], findings: [], hints: [], format: 'text', parts: [], warnings: [],
};

async function documents(store: Store, locations: string[]): Promise<number[]> {
  const { run } = await store.startRun(await store.source(SOURCE), { pid: process.pid, host: hostname() });
  await store.recordDocuments(run.id, locations.map((l, i) => ({ item: item(`i${i}`, l), version: 'v1', contentHash: `h${i}`, outcome: { kind: 'classified', classification } })));
  const ids: number[] = [];
  for await (const d of store.listDocuments()) ids.push(d.id);
  return ids;
}

const row = (documentId: number, overrides: Partial<ScheduleRow> = {}): ScheduleRow => ({
  documentId, policyId: 'personeelsdossier', trigger: 'event:end-of-employment', state: 'needs-trigger', approvals: [],
  classifiedAt: 'x', fingerprint: 'f1', scheduledAt: '2026-01-01T00:00:00.000Z', ...overrides,
});

const disposal = (documentId: number): DisposalInput => ({
  documentId, sourceKind: 'filesystem', sourceRoot: '/data/hr', folder: 'jan', nameHash: 'nh', documentType: 'arbeidsovereenkomst',
  label: 'generiek', categories: ['person-name'], policyId: 'personeelsdossier', ground: 'AVG art. 5 lid 1e', disposeAfter: '2025-01-01',
  approvers: [{ actor: 'rm', stage: 'hr', at: '2026-01-01T00:00:00.000Z' }], deletedAt: '2026-02-01T00:00:00.000Z', permanent: false, answer: 'deleted',
});

/** What every store must do for retention; the SQLite store runs it (sqlite-retention.test.ts), PostgreSQL will. */
export function retentionConformance(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`RetentionStore conformance: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await setup();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    it('offers unscheduled documents, keeps schedules across reopening, and offers them again when stale', async () => {
      const [a, b] = await documents(store, ['jan/contract.pdf', 'piet/contract.pdf']);
      const first = await store.toSchedule({ fingerprint: 'f1', limit: 10 });
      expect(first.map((i) => [i.documentId, i.documentType, i.label, i.previous])).toEqual([[a, 'arbeidsovereenkomst', 'generiek', undefined], [b, 'arbeidsovereenkomst', 'generiek', undefined]]);
      await store.saveSchedules(first.map((i) => row(i.documentId, { classifiedAt: i.classifiedAt })));
      store = await h.reopen();
      expect(await store.toSchedule({ fingerprint: 'f1', limit: 10 })).toEqual([]);
      const stale = await store.toSchedule({ fingerprint: 'f2', limit: 1 });
      expect(stale.map((i) => i.documentId)).toEqual([a]);
      expect(stale[0]!.previous).toMatchObject({ policyId: 'personeelsdossier', state: 'needs-trigger', fingerprint: 'f1' });
      expect((await store.scheduleInputs([b!])).map((i) => i.documentId)).toEqual([b]);
    });

    it('finds scheduled documents by id, due date, state and folder (not a folder with a longer name)', async () => {
      const [a, b, c] = await documents(store, ['jan/a.pdf', 'jan/sub/b.pdf', 'jansen/c.pdf']);
      await store.saveSchedules([
        row(a!, { classifiedAt: 'x', state: 'scheduled', disposeAfter: '2025-01-01', approvals: [{ actor: 'rm', stage: 'hr', at: 't' }] }),
        row(b!, { classifiedAt: 'x', state: 'scheduled', disposeAfter: '2030-01-01' }),
        row(c!, { classifiedAt: 'x' }),
      ]);
      expect((await store.scheduled({ dueBy: '2026-01-01' })).map((d) => d.documentId)).toEqual([a]);
      expect((await store.scheduled({ states: ['needs-trigger'] })).map((d) => d.documentId)).toEqual([c]);
      expect((await store.scheduled({ location: { prefix: 'jan' } })).map((d) => d.documentId).sort()).toEqual([a, b].sort());
      const [doc] = await store.scheduled({ documentIds: [a!] });
      expect(doc).toMatchObject({ location: 'jan/a.pdf', source: SOURCE, categories: ['person-name'], approvals: [{ actor: 'rm' }], deleted: false });
    });

    it('keeps event dates and holds; a released hold stays released', async () => {
      const [a] = await documents(store, ['jan/a.pdf']);
      await store.addEventDate({ prefix: 'jan', event: 'end-of-employment', date: '2024-06-30', actor: 'hr', at: 't' });
      await store.addEventDate({ documentId: a!, date: '2024-07-31', actor: 'hr', at: 't', comment: 'c' });
      expect(await store.eventDates()).toEqual([
        { id: expect.any(Number), prefix: 'jan', event: 'end-of-employment', date: '2024-06-30', actor: 'hr', at: 't' },
        { id: expect.any(Number), documentId: a, date: '2024-07-31', actor: 'hr', at: 't', comment: 'c' },
      ]);
      const hold = await store.placeHold({ scope: { kind: 'search', filter: { label: 'bijzonder' } }, placedBy: 'fg', placedAt: 't1' });
      expect(await store.releaseHold(hold.id, { by: 'fg', at: 't2' })).toMatchObject({ releasedBy: 'fg', releasedAt: 't2' });
      expect(await store.releaseHold(hold.id, { by: 'other', at: 't3' })).toMatchObject({ releasedBy: 'fg', releasedAt: 't2' });
      expect(await store.holds({ active: true })).toEqual([]);
      expect(await store.releaseHold(999, { by: 'x', at: 't' })).toBeUndefined();
    });

    it('records a disposal in one step: chained, sealed, audited, the document deleted without its name', async () => {
      const [a, b] = await documents(store, ['jan/Jan Jansen contract.pdf', 'jan/b.pdf']);
      await store.saveSchedules([row(a!, { classifiedAt: 'x' }), row(b!, { classifiedAt: 'x' })]);
      await store.beginDisposal({ documentId: a!, version: 'v1', startedAt: 't', permanent: false });
      await store.beginDisposal({ documentId: b!, version: 'v1', startedAt: 't', permanent: false });
      const first = await store.recordDisposal(disposal(a!), 'purge');
      const second = await store.recordDisposal(disposal(b!), 'purge');
      expect([first.seq, second.seq, second.prevHash]).toEqual([1, 2, first.hash]);
      expect(await store.disposalIntents()).toEqual([]);
      expect(await store.disposalHead()).toBe(2);
      const audit = (await store.audit()).filter((e) => e.action === 'retention.disposed').map((e) => e.details);
      expect(verifyChain(await store.disposals(), 2, audit as { seq: number; hash: string }[], store.hasher)).toEqual({ ok: true, entries: 2 });
      const [gone] = await store.scheduled({ documentIds: [a!], includeDeleted: true });
      expect(gone).toMatchObject({ state: 'disposed', deleted: true });
      expect(JSON.stringify(gone)).not.toContain('Jan Jansen');
      await expect(h.exec('DELETE FROM disposals')).rejects.toThrow(/append-only/);
      await expect(h.exec("UPDATE disposals SET answer = 'x'")).rejects.toThrow(/append-only/);
    });

    it('sends a skipped document back to review, approvals cleared', async () => {
      const [a] = await documents(store, ['jan/a.pdf']);
      await store.saveSchedules([row(a!, { classifiedAt: 'x', state: 'scheduled', disposeAfter: '2025-01-01', approvals: [{ actor: 'rm', stage: 'hr', at: 't' }], judged: { version: 'v1' } })]);
      await store.beginDisposal({ documentId: a!, version: 'v1', startedAt: 't', permanent: false });
      await store.recordSkip(a!, 'changed: changed since it was judged');
      expect((await store.scheduled({ documentIds: [a!] }))[0]).toMatchObject({ state: 'review', approvals: [], reviewReason: 'changed: changed since it was judged' });
      expect(await store.disposalIntents()).toEqual([]);
    });
  });
}
