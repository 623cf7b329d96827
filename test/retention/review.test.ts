import { existsSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from './setup.ts';

const connectorFor = (w: World) => () => w.connector;
const items = async (w: World) => (await w.retention.due()).groups.flatMap((g) => g.items);

describe('scheduling and disposition review', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('schedules every classified document: a date from its policy, or waiting for an event date', async () => {
    await w.retention.schedule();
    const byLocation = async (location: string) => (await w.retention.retentionOf(await w.id(location)))!;
    expect(await byLocation('factuur-zakelijk.md')).toMatchObject({ policyId: 'fiscale-administratie', trigger: 'created', disposeAfter: '2032-03-03', state: 'scheduled' });
    expect(await byLocation('personeelslijst.csv')).toMatchObject({ policyId: 'persoonsgegevens-overig', disposeAfter: '2027-03-03' });
    expect(await byLocation('privacyverklaring.html')).toMatchObject({ policyId: 'bedrijfsdocument', disposeAfter: '2035-03-03' });
    const id = await byLocation('kopie-id-mail.eml');
    expect(id).toMatchObject({ policyId: 'kopie-legitimatie', trigger: 'event:end-of-employment', state: 'needs-trigger' });
    expect(id.disposeAfter).toBeUndefined();
    expect(w.retention.contractOf(id)).toEqual({ policy: 'kopie-legitimatie', needsTrigger: 'end-of-employment' });
    expect((await w.retention.needsTrigger()).map((d) => d.location)).toEqual(['kopie-id-mail.eml']);
  });

  it('set-trigger by location dates every document below it; a policy without review needs no approval', async () => {
    const results = await w.retention.setTrigger({ location: { prefix: '' } }, '2033-06-30', { actor: 'hr', event: 'end-of-employment', comment: 'uit dienst' });
    expect(results).toEqual([expect.objectContaining({ ok: true, message: 'end-of-employment 2033-06-30: dispose after 2038-06-30' })]);
    const copy = (await items(w)).find((i) => i.location === 'kopie-id-mail.eml');
    expect(copy).toMatchObject({ status: 'ready', approved: true, disposeAfter: '2038-06-30' });
    expect((await w.retention.purge({ connectorFor: connectorFor(w), rate: 1000 })).deleted).toBe(1);
    expect(existsSync(join(w.docs, 'kopie-id-mail.eml'))).toBe(false);
    const [record] = await w.retention.disposals();
    expect(record).toMatchObject({ policyId: 'kopie-legitimatie', approvers: [], label: 'bijzonder' });
    expect(record!.ground).toContain('Wet op de loonbelasting');
  });

  it('set-trigger on one document refuses a policy that runs from a date, and a date not yet reached leaves it undue', async () => {
    const factuur = await w.id('factuur-zakelijk.md');
    const copy = await w.id('kopie-id-mail.eml');
    const results = await w.retention.setTrigger({ documentIds: [factuur, copy] }, '2039-01-01', { actor: 'hr' });
    expect(results.find((r) => r.documentId === factuur)).toMatchObject({ ok: false, message: expect.stringContaining('runs from created') });
    expect(results.find((r) => r.documentId === copy)).toMatchObject({ ok: true, schedule: { disposeAfter: '2044-01-01' } });
    expect((await w.retention.approve([copy], { actor: 'hr' }))[0]).toMatchObject({ ok: false, message: 'not due until 2044-01-01' });
  });

  it('multi-stage approval: each stage by another person, in order', async () => {
    const list = await w.id('personeelslijst.csv');
    const relabelled = await w.retention.relabel([list], { label: 'bijzonder' }, { actor: 'rm', comment: 'bevat BSN' });
    expect(relabelled[0]!.schedule).toMatchObject({ policyId: 'bijzondere-gegevens-overig', label: 'bijzonder', documentType: 'overig' });
    expect((await items(w)).find((i) => i.documentId === list)).toMatchObject({ status: 'awaiting-approval', nextStage: 'recordmanager' });
    expect((await w.retention.approve([list], { actor: 'rm' }))[0]).toMatchObject({ ok: true, message: 'stage recordmanager approved; next: fg' });
    expect((await w.retention.approve([list], { actor: 'rm' }))[0]).toMatchObject({ ok: false, message: expect.stringContaining('needs another reviewer') });
    expect((await w.retention.purge({ connectorFor: connectorFor(w), rate: 1000 })).planned).toBe(0);
    expect((await w.retention.approve([list], { actor: 'fg', comment: 'akkoord' }))[0]).toMatchObject({ ok: true, message: 'approved for disposal' });
    expect((await items(w)).find((i) => i.documentId === list)).toMatchObject({ status: 'approved', approvals: [{ actor: 'rm', stage: 'recordmanager' }, { actor: 'fg', stage: 'fg', comment: 'akkoord' }] });
    await w.retention.purge({ connectorFor: connectorFor(w), rate: 1000 });
    expect((await w.retention.disposals())[0]!.approvers.map((a) => a.actor)).toEqual(['rm', 'fg']);
  });

  it('extend moves the date and lets earlier approvals lapse; every verb is in the audit log', async () => {
    const factuur = await w.id('factuur-zakelijk.md');
    await w.retention.approve([factuur], { actor: 'rm' });
    await expect(w.retention.extend([factuur], '2039-12-31', { actor: 'rm' })).rejects.toThrow(/after today/);
    const [result] = await w.retention.extend([factuur], '2041-06-01', { actor: 'rm', comment: 'lopend boekenonderzoek' });
    expect(result!.schedule).toMatchObject({ disposeAfter: '2041-06-01', approvals: [], extendedUntil: '2041-06-01' });
    expect((await items(w)).map((i) => i.documentId)).not.toContain(factuur);
    const actions = (await w.store.audit()).filter((e) => e.subject === `document:${factuur}`).map((e) => [e.action, e.actor, e.details?.comment]);
    expect(actions).toEqual([['retention.approved', 'rm', undefined], ['retention.extended', 'rm', 'lopend boekenonderzoek']]);
  });

  it('re-classification re-schedules: changed content makes approvals lapse and a new date', async () => {
    const brief = await w.id('verzuim-brief.txt');
    await w.retention.approve([brief], { actor: 'rm' });
    expect((await items(w)).find((i) => i.documentId === brief)).toMatchObject({ status: 'approved' });
    const later = new Date('2026-05-01T08:00:00Z');
    writeFileSync(join(w.docs, 'verzuim-brief.txt'), 'Factuur 2026-17\nFactuurnummer 17, factuurdatum 1 mei 2026.\nTe betalen: EUR 12,00 incl. btw.\n');
    utimesSync(join(w.docs, 'verzuim-brief.txt'), later, later);
    await w.rescan();
    expect(await w.retention.schedule()).toMatchObject({ scheduled: 1 }); // what `bewaarder scan` runs after a scan
    const after = (await w.retention.retentionOf(brief))!;
    expect(after.approvals).toEqual([]);
    expect(after.disposeAfter).not.toBe('2027-03-03');
    expect(after.triggerDate! >= '2025-03-03').toBe(true);
  });

  it('a search hold blocks by label; holds are listed with who placed them and why', async () => {
    const hold = await w.retention.hold({ kind: 'search', filter: { label: 'bijzonder' } }, { actor: 'fg', comment: 'datalek onderzoek' });
    const brief = (await items(w)).find((i) => i.location === 'verzuim-brief.txt')!;
    expect(brief).toMatchObject({ status: 'held', holds: [{ id: hold.id, placedBy: 'fg', comment: 'datalek onderzoek' }] });
    expect(await w.retention.holds({ active: true })).toEqual([expect.objectContaining({ id: hold.id, scope: { kind: 'search', filter: { label: 'bijzonder' } } })]);
    await expect(w.retention.hold({ kind: 'search', filter: {} }, { actor: 'fg' })).rejects.toThrow(/label, type or category/);
  });
});
