import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../connectors/connector.ts';
import { cleanUp } from '../connectors/tenant/support.ts';
import { makeTenantWorld, type TenantWorld } from './tenant-world.ts';

const BRIEF_1 = 'sharepoint:Contracten/brief-1.txt'; // personeelsdossier: two stages of approval
const BRIEF_3 = 'sharepoint:Contracten/brief-3.txt';
const NOTES = 'onedrive:notities.txt'; // bedrijfsdocument: one approval
const PROJECT_1 = 'mail:Inbox/Projecten/Project 1.eml';
const SOLLICITATIE = 'mail:Inbox/Sollicitatie – één vacature.eml';

/**
 * Issue 6's Done-when list on the sandbox tenant, through the real transport (MSAL, the SDK, If-Match) and the real
 * Dutch policies: some due documents need approval (one or two stages), some need none ("ready": deleted unasked).
 */
describe('purge on the sandbox tenant', () => {
  let w: TenantWorld;
  let due: Map<string, number>;
  let ready: number[];
  const id = (key: string) => {
    const documentId = due.get(key);
    if (documentId === undefined) throw new Error(`${key} is not due: ${[...due.keys()].join(', ')}`);
    return documentId;
  };
  const purge = (options: Partial<Parameters<TenantWorld['retention']['purge']>[0]> = {}) =>
    w.retention.purge({ connectorFor: w.connectorFor, rate: 1000, actor: 'purge-test', ...options });
  const deleteRequests = async (documentIds: number[]) => {
    const out = [];
    for (const documentId of documentIds) out.push(...w.deletesOf((await w.itemOf(documentId)).itemId));
    return out;
  };

  beforeEach(async () => {
    w = await makeTenantWorld();
    due = await w.due();
    ready = await w.ready();
    expect(ready.length).toBeGreaterThan(0);
  });
  afterEach(async () => {
    await w.close();
  });
  afterAll(cleanUp);

  it('deletes due and approved files and messages into the recycle bin, with a disposal record each; permanent goes past it', async () => {
    const approved = [id(BRIEF_1), id(NOTES), id(PROJECT_1)];
    await w.approve(approved);
    const summary = await purge();
    expect(summary).toMatchObject({ planned: 3 + ready.length, deleted: 3 + ready.length, skipped: 0 });
    for (const documentId of [...approved, ...ready]) {
      expect(await w.exists(documentId)).toBe(false);
      expect(await deleteRequests([documentId])).toEqual([expect.objectContaining({ method: 'DELETE' })]);
    }
    expect(await w.exists(id(BRIEF_3))).toBe(true); // not approved: untouched
    const records = await w.retention.disposals();
    expect(records.filter((r) => approved.includes(r.documentId)).map((r) => [r.documentId, r.sourceKind, r.permanent, r.answer]).sort()).toEqual(
      [[approved[0], 'sharepoint', false, 'deleted'], [approved[1], 'onedrive', false, 'deleted'], [approved[2], 'mail', false, 'deleted']].sort(),
    );
    expect(records.find((r) => r.documentId === approved[0])).toMatchObject({
      folder: 'Contracten', policyId: 'personeelsdossier', approvers: [{ actor: 'r.manager', stage: 'leidinggevende' }, { actor: 'hr.manager', stage: 'hr' }],
    });
    expect(records.find((r) => r.documentId === ready[0])).toMatchObject({ approvers: [], answer: 'deleted' });
    expect(JSON.stringify(records)).not.toMatch(/brief-1|Project 1|notities/);

    await w.approve([id(BRIEF_3), id(SOLLICITATIE)]);
    expect(await purge({ permanent: true })).toMatchObject({ deleted: 2, permanent: true });
    for (const key of [BRIEF_3, SOLLICITATIE]) {
      expect(await deleteRequests([id(key)])).toEqual([{ method: 'POST', path: expect.stringMatching(/\/permanentDelete$/) }]);
      expect(await w.exists(id(key))).toBe(false);
    }
    expect((await w.retention.disposals()).filter((r) => r.permanent)).toHaveLength(2);
    expect(await w.retention.verifyLog()).toEqual({ ok: true, entries: 5 + ready.length });
  });

  it('skips what changed since it was judged — content, a message, or only its metadata (If-Match → 412) — and sends it back to review', async () => {
    const changed = [id(BRIEF_1), id(NOTES), id(PROJECT_1)];
    await w.approve(changed);
    const file = await w.itemOf(changed[0]!);
    w.tenant.sandbox.control.changeFile({ drive: file.root, item: file.itemId, content: 'Brief 1, aangevuld met een nieuwe alinea.' });
    const message = await w.itemOf(changed[2]!);
    w.tenant.sandbox.control.changeMessage({ user: message.root, message: message.itemId, subject: 'Project 1 (herzien)' });
    // Someone else puts a retention label on the OneDrive file: the content is the same, its eTag is not.
    const other = await w.itemOf(changed[1]!);
    await w.tenant.transport.request({ method: 'PATCH', url: `/drives/${other.root}/items/${other.itemId}/retentionLabel`, body: { name: 'Dossier' } });

    const summary = await purge();
    expect(summary).toMatchObject({ deleted: ready.length, skipped: 3 });
    expect(summary.outcomes.filter((o) => o.result === 'skipped').map((o) => [o.documentId, o.reason]).sort()).toEqual(changed.map((c) => [c, 'changed']).sort());
    // The content changes are seen before any delete; the label change by SharePoint refusing the delete (412).
    expect(await deleteRequests(changed)).toEqual([{ method: 'DELETE', path: `/drives/${other.root}/items/${other.itemId}` }]);
    for (const documentId of changed) {
      expect(await w.exists(documentId)).toBe(true);
      expect(await w.retention.retentionOf(documentId)).toMatchObject({ state: 'review', approvals: [], reviewReason: expect.stringMatching(/^changed/) });
    }
    expect((await w.retention.disposals()).map((r) => r.documentId).sort()).toEqual([...ready].sort());
  });

  it('skips a locked file (423) with the reason and deletes the rest', async () => {
    const [brief, project] = [id(BRIEF_1), id(PROJECT_1)];
    await w.approve([brief, project]);
    const file = await w.itemOf(brief);
    w.tenant.sandbox.control.lockItem({ drive: file.root, item: file.itemId });
    const summary = await purge();
    expect(summary).toMatchObject({ deleted: 1 + ready.length, skipped: 1 });
    expect(summary.outcomes.find((o) => o.documentId === brief)).toMatchObject({ result: 'skipped', reason: 'locked', message: 'locked or not allowed at the source' });
    expect(await w.exists(brief)).toBe(true);
    expect(await w.retention.retentionOf(brief)).toMatchObject({ state: 'review', reviewReason: expect.stringMatching(/^locked/) });
    expect(await w.exists(project)).toBe(false);
  });

  it('leaves held documents untouched — approved or needing no approval: no request deletes them', async () => {
    const held = [id(BRIEF_1), id(BRIEF_3), id(PROJECT_1), ready[0]!];
    await w.approve(held.slice(0, 3));
    const file = await w.itemOf(held[0]!);
    const sourceId = await w.store.source({ kind: 'sharepoint', root: file.root });
    await w.retention.hold({ kind: 'location', sourceId, prefix: 'Contracten' }, { actor: 'fg', comment: 'WOO-verzoek' });
    for (const documentId of held.slice(2)) await w.retention.hold({ kind: 'document', documentId }, { actor: 'fg', comment: 'klacht' });
    expect(await purge()).toMatchObject({ planned: ready.length - 1, deleted: ready.length - 1, held: 4 });
    expect(await deleteRequests(held)).toEqual([]);
    for (const documentId of held) expect(await w.exists(documentId)).toBe(true);
  });

  it('a dry run sends no delete and plans exactly what the real run then deletes', async () => {
    const ids = [id(BRIEF_1), id(BRIEF_3), id(NOTES), id(PROJECT_1)];
    await w.approve(ids);
    const dry = await purge({ dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, planned: 4 + ready.length, deleted: 0 });
    expect(w.sent.filter((s) => s.method !== 'GET')).toEqual([]);
    for (const documentId of [...ids, ...ready]) expect(await w.exists(documentId)).toBe(true);
    expect(await w.retention.disposals()).toEqual([]);
    const real = await purge();
    expect(real.outcomes.map((o) => [o.documentId, o.result])).toEqual(dry.outcomes.map((o) => [o.documentId, 'deleted']));
  });

  it('stopped after N deletes, the rerun finishes the rest: one delete request per document', async () => {
    const ids = [id(BRIEF_1), id(BRIEF_3), id(NOTES), id(PROJECT_1), ...ready];
    await w.approve(ids.slice(0, 4));
    const stop = new AbortController();
    let n = 0;
    const first = await purge({ signal: stop.signal, onOutcome: (o) => o.result === 'deleted' && ++n === 2 && stop.abort() });
    expect(first).toMatchObject({ deleted: 2, stopped: true });
    expect(await purge()).toMatchObject({ deleted: ids.length - 2, stopped: false, skipped: 0 });
    for (const documentId of ids) expect(await deleteRequests([documentId])).toHaveLength(1);
    expect(new Set((await w.retention.disposals()).map((r) => r.documentId))).toEqual(new Set(ids));
  });

  it('killed between a delete and its record, the rerun records it from the tenant without a second DELETE', async () => {
    const ids = [id(BRIEF_1), id(PROJECT_1), id(NOTES), ...ready];
    await w.approve(ids.slice(0, 3));
    // The process "dies" right after the tenant answered a delete, before the outcome is written: first at a
    // message, then (the next run) at the OneDrive file, which the plan holds for last (its date is the latest).
    const dyingAt = (kind: string) => (source: Parameters<TenantWorld['connectorFor']>[0]): Connector | undefined => {
      const real = w.connectorFor(source)!;
      return {
        ...real,
        async delete(item, version, options) {
          await real.delete(item, version, options);
          if (source.kind === kind) throw new Error('killed');
        },
      };
    };
    const killed: number[] = [];
    for (const kind of ['mail', 'onedrive']) {
      await expect(purge({ connectorFor: dyingAt(kind) })).rejects.toThrow('killed');
      const [intent, ...more] = await w.store.disposalIntents();
      expect(more).toEqual([]);
      expect((await w.itemOf(intent!.documentId)).kind).toBe(kind);
      expect(await w.exists(intent!.documentId)).toBe(false); // gone from the tenant, not yet on record
      killed.push(intent!.documentId);
    }
    expect(killed[1]).toBe(id(NOTES));

    const rerun = await purge();
    expect(rerun).toMatchObject({ recovered: 1, skipped: 0, stopped: false });
    for (const documentId of ids) expect(await deleteRequests([documentId])).toHaveLength(1);
    const records = await w.retention.disposals();
    expect(records.map((r) => r.documentId).sort()).toEqual([...ids].sort());
    expect(records.filter((r) => r.answer.includes('interrupted')).map((r) => r.documentId).sort()).toEqual([...killed].sort());
    expect(await w.store.disposalIntents()).toEqual([]);
    expect(await w.retention.verifyLog()).toEqual({ ok: true, entries: ids.length });
  });
});
