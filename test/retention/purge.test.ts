import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector, SourceRef } from '../../connectors/connector.ts';
import { makeWorld, type World } from './setup.ts';

const ME = { actor: 'r.manager', comment: 'termijn verstreken' };

describe('purge', () => {
  let w: World;
  const connectorFor = (source: SourceRef): Connector | undefined => (source.root === w.connector.source.root ? w.connector : undefined);
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('deletes a due and approved document and records the proof; unapproved ones stay', async () => {
    const factuur = await w.id('factuur-zakelijk.md');
    const queue = await w.retention.due();
    const fiscal = queue.groups.find((g) => g.policy.id === 'fiscale-administratie');
    expect(fiscal?.items.map((i) => [i.location, i.status, i.disposeAfter])).toEqual([['factuur-zakelijk.md', 'awaiting-approval', '2032-03-03']]);
    expect(queue.needsTrigger).toBe(1); // the ID copy waits for the end of employment

    expect((await w.retention.approve([factuur], ME))[0]).toMatchObject({ ok: true, message: 'approved for disposal' });
    const summary = await w.retention.purge({ connectorFor, rate: 1000 });
    expect(summary).toMatchObject({ planned: 1, deleted: 1, skipped: 0 });
    expect(existsSync(join(w.docs, 'factuur-zakelijk.md'))).toBe(false);
    expect(existsSync(join(w.docs, 'verzuim-brief.txt'))).toBe(true);

    const [record] = await w.retention.disposals();
    expect(record).toMatchObject({
      seq: 1, documentId: factuur, sourceKind: 'filesystem', sourceRoot: w.connector.source.root, folder: '',
      documentType: 'factuur', policyId: 'fiscale-administratie', permanent: true, answer: 'deleted',
      approvers: [{ actor: 'r.manager', stage: 'reviewer', comment: 'termijn verstreken' }],
    });
    expect(record!.ground).toMatch(/art\. 52/);
    expect(record!.nameHash).toBe(w.store.hasher.digest('name', 'factuur-zakelijk.md'));
    expect(JSON.stringify(record)).not.toContain('factuur-zakelijk');
    expect(await w.retention.verifyLog()).toEqual({ ok: true, entries: 1 });
    // The document is gone from the queue and from the results, its name with it; a rescan changes nothing.
    expect((await w.retention.due()).groups.flatMap((g) => g.items).map((i) => i.documentId)).not.toContain(factuur);
    await w.rescan();
    expect(await w.retention.disposals()).toHaveLength(1);
    expect((await w.retention.purge({ connectorFor, rate: 1000 })).deleted).toBe(0);
  });

  it('skips a document that changed since it was approved and sends it back to review', async () => {
    const brief = await w.id('verzuim-brief.txt');
    await w.retention.approve([brief], ME);
    appendFileSync(join(w.docs, 'verzuim-brief.txt'), '\nPS: nog een regel.\n');
    const summary = await w.retention.purge({ connectorFor, rate: 1000 });
    expect(summary).toMatchObject({ deleted: 0, skipped: 1 });
    expect(summary.outcomes[0]).toMatchObject({ documentId: brief, result: 'skipped', reason: 'changed' });
    expect(existsSync(join(w.docs, 'verzuim-brief.txt'))).toBe(true);
    const item = (await w.retention.due()).groups.flatMap((g) => g.items).find((i) => i.documentId === brief);
    expect(item).toMatchObject({ status: 'review', approvals: [] });
    expect(item!.reviewReason).toMatch(/^changed/);
    expect(await w.retention.disposals()).toEqual([]);
    const audit = await w.store.audit();
    expect(audit.find((e) => e.action === 'retention.purge-skipped')).toMatchObject({ subject: `document:${brief}`, details: { reason: 'changed' } });
  });

  it('leaves held documents alone until the hold is released', async () => {
    const ids = [await w.id('factuur-zakelijk.md'), await w.id('personeelslijst.csv')];
    await w.retention.approve(ids, ME);
    const folderHold = await w.retention.hold({ kind: 'location', prefix: '' }, { actor: 'fg', comment: 'WOB-verzoek' });
    const searchHold = await w.retention.hold({ kind: 'search', filter: { documentType: 'factuur' } }, { actor: 'fg', comment: 'boekenonderzoek' });
    expect((await w.retention.purge({ connectorFor, rate: 1000 }))).toMatchObject({ planned: 0, deleted: 0, held: 2 });
    expect(existsSync(join(w.docs, 'factuur-zakelijk.md'))).toBe(true);

    await w.retention.release(folderHold.id, { actor: 'fg', comment: 'verzoek afgehandeld' });
    const queue = (await w.retention.due()).groups.flatMap((g) => g.items);
    expect(queue.find((i) => i.documentId === ids[0])).toMatchObject({ status: 'held', holds: [{ id: searchHold.id, placedBy: 'fg' }] });
    expect((await w.retention.purge({ connectorFor, rate: 1000 }))).toMatchObject({ deleted: 1, held: 1 });
    expect(existsSync(join(w.docs, 'personeelslijst.csv'))).toBe(false);
    expect(existsSync(join(w.docs, 'factuur-zakelijk.md'))).toBe(true);
    await expect(w.retention.release(folderHold.id, { actor: 'fg' })).rejects.toThrow(/was released/);
  });

  it('a dry run deletes nothing and plans exactly what the real run then deletes', async () => {
    const ids = [await w.id('factuur-zakelijk.md'), await w.id('verzuim-brief.txt'), await w.id('personeelslijst.csv')];
    await w.retention.approve(ids, ME);
    const dry = await w.retention.purge({ connectorFor, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, planned: 3, deleted: 0 });
    for (const f of ['factuur-zakelijk.md', 'verzuim-brief.txt', 'personeelslijst.csv']) expect(existsSync(join(w.docs, f))).toBe(true);
    expect(await w.retention.disposals()).toEqual([]);
    const real = await w.retention.purge({ connectorFor, rate: 1000 });
    expect(real.outcomes.map((o) => [o.documentId, o.result])).toEqual(dry.outcomes.map((o) => [o.documentId, 'deleted']));
  });

  it('killed between a delete and its record, a rerun records it once and deletes nothing twice', async () => {
    const ids = [await w.id('factuur-zakelijk.md'), await w.id('verzuim-brief.txt'), await w.id('personeelslijst.csv')];
    await w.retention.approve(ids, ME);
    let deletes = 0;
    // The process "dies" right after the second file is unlinked: before the outcome is written.
    const dying: Connector = {
      ...w.connector,
      async delete(item, version) {
        await w.connector.delete(item, version);
        if (++deletes === 2) throw new Error('killed');
      },
    };
    await expect(w.retention.purge({ connectorFor: () => dying, rate: 1000 })).rejects.toThrow('killed');
    expect(await w.retention.disposals()).toHaveLength(1);
    expect(await w.store.disposalIntents()).toHaveLength(1);

    const counting: Connector = { ...w.connector, async delete(item, version) { deletes++; return w.connector.delete(item, version); } };
    const rerun = await w.retention.purge({ connectorFor: () => counting, rate: 1000 });
    expect(rerun).toMatchObject({ recovered: 1, deleted: 1, skipped: 0 });
    expect(deletes).toBe(3); // one delete per document, over both runs
    const records = await w.retention.disposals();
    expect(records.map((r) => r.documentId).sort()).toEqual([...ids].sort());
    expect(records.find((r) => r.answer.includes('interrupted'))).toBeDefined();
    expect(await w.store.disposalIntents()).toEqual([]);
    expect(await w.retention.verifyLog()).toEqual({ ok: true, entries: 3 });
  });

  it('stops when aborted after N deletes; the rerun finishes the rest', async () => {
    const ids = [await w.id('factuur-zakelijk.md'), await w.id('verzuim-brief.txt'), await w.id('personeelslijst.csv')];
    await w.retention.approve(ids, ME);
    const stop = new AbortController();
    const first = await w.retention.purge({ connectorFor, rate: 1000, signal: stop.signal, onOutcome: (o) => o.result === 'deleted' && stop.abort() });
    expect(first).toMatchObject({ deleted: 1, stopped: true });
    const second = await w.retention.purge({ connectorFor, rate: 1000 });
    expect(second).toMatchObject({ deleted: 2, stopped: false });
    expect(new Set((await w.retention.disposals()).map((r) => r.documentId)).size).toBe(3);
  });

  it('obeys the rate limit', async () => {
    await w.retention.approve([await w.id('factuur-zakelijk.md'), await w.id('verzuim-brief.txt'), await w.id('personeelslijst.csv')], ME);
    const started = performance.now();
    expect((await w.retention.purge({ connectorFor, rate: 20 })).deleted).toBe(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95); // three deletes at 20/s: two gaps of 50 ms
  });
});
