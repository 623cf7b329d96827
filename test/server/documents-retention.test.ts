import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetention } from '../../src/retention/index.ts';
import type { Retention } from '../../src/retention/types.ts';
import { client, scanAll, startTestServer, type TestServer } from './support.ts';

/**
 * `GET /documents?retention=STATE` lists every document in that state, not only those in today's disposition queue:
 * a schedule whose date has not come, a review sent back for a later date, a disposal of last year.
 */
describe('the documents API filtered by retention state', () => {
  let t: TestServer;
  let retention: Retention;
  let auditor: ReturnType<typeof client>;
  const ids = new Map<string, number>();
  const actor = { actor: 'records-manager' };

  const id = (name: string) => ids.get(name)!;

  /** The document ids the API lists for a filter (one page: the limit is above the fixture count). */
  async function listed(query: string): Promise<number[]> {
    const res = await auditor(`/api/v1/documents?sort=location&limit=500&${query}`);
    expect(res.status).toBe(200);
    expect(res.data.total).toBe(res.data.documents.length);
    return res.data.documents.map((d: { id: number }) => d.id).sort((a: number, b: number) => a - b);
  }

  beforeAll(async () => {
    t = await startTestServer();
    // The clock stands in 2040: the invoice's seven years have passed.
    retention = createRetention(t.store, { clock: () => new Date('2040-01-02T12:00:00Z') });
    t.server.context.retention = retention;
    auditor = client(t.url, t.tokens.auditor);
    await scanAll(t.url, t.tokens.administrator);
    for await (const d of t.store.listDocuments()) ids.set(d.name, d.id);
    const ok = (results: { ok: boolean; message: string }[]) => expect(results.map((r) => r.message)).toEqual(results.filter((r) => r.ok).map((r) => r.message));

    // The invoice is due, then kept until 2041: scheduled, not due.
    ok(await retention.extend([id('factuur-zakelijk.md')], '2041-03-01', actor));
    // The letter is a sick note (verzuimdossier: two years after the end of employment). Employment ended in 2037, so
    // it is due and approved; then the date turns out to be 2039 (due 2041): the approval lapses, back to review.
    ok(await retention.relabel([id('verzuim-brief.txt')], { documentType: 'ziekmelding' }, actor));
    ok(await retention.setTrigger({ documentIds: [id('verzuim-brief.txt')] }, '2037-01-01', { ...actor, event: 'end-of-employment' }));
    ok(await retention.approve([id('verzuim-brief.txt')], actor));
    ok(await retention.setTrigger({ documentIds: [id('verzuim-brief.txt')] }, '2039-06-01', { ...actor, event: 'end-of-employment' }));
    // The staff list is due and approved, and the purge deletes it.
    ok(await retention.approve([id('personeelslijst.csv')], actor));
    const purge = await client(t.url, t.tokens.administrator)('/api/v1/purge', { method: 'POST', json: {} });
    expect(purge.status).toBe(200);
    // The copy of an ID waits for its end-of-employment date: needs-trigger. The privacy statement stays due.
  });
  afterAll(async () => {
    await t?.close();
  });

  it('states as the schedules say (the setup did what it meant to)', async () => {
    const states = new Map((await t.store.scheduled({ includeDeleted: true })).map((d) => [d.documentId, d.state]));
    expect([...ids].map(([name, docId]) => [name, states.get(docId)]).sort()).toEqual([
      ['factuur-zakelijk.md', 'scheduled'], ['kopie-id-mail.eml', 'needs-trigger'], ['personeelslijst.csv', 'disposed'],
      ['privacyverklaring.html', 'scheduled'], ['verzuim-brief.txt', 'review'],
    ]);
  });

  it.each([
    ['scheduled', ['factuur-zakelijk.md', 'privacyverklaring.html']],
    ['needs-trigger', ['kopie-id-mail.eml']],
    ['review', ['verzuim-brief.txt']],
    ['disposed', ['personeelslijst.csv']],
    ['due', ['privacyverklaring.html']],
  ] as const)('retention=%s lists every document in that state, due or not: %j', async (state, names) => {
    expect(await listed(`retention=${state}`)).toEqual(names.map(id).sort((a, b) => a - b));
  });

  it('the due queue is the review screen’s: the invoice kept until 2041 and the lapsed sick note are not in it', async () => {
    const queue = (await auditor('/api/v1/disposition')).data;
    const queued = JSON.stringify(queue);
    expect(queued).toContain(`"documentId":${id('privacyverklaring.html')}`);
    expect(queued).not.toContain(`"documentId":${id('factuur-zakelijk.md')}`);
    expect(queued).not.toContain(`"documentId":${id('verzuim-brief.txt')}`);
  });

  it('combines with the other filters; a disposed document is listed as deleted, and an unknown state is refused', async () => {
    expect(await listed('retention=disposed&status=classified')).toEqual([]);
    expect(await listed('retention=disposed&status=deleted')).toEqual([id('personeelslijst.csv')]);
    expect(await listed('retention=review&label=generiek')).toEqual([]);
    expect(await listed('retention=review&label=bijzonder')).toEqual([id('verzuim-brief.txt')]);
    expect(await listed('retention=scheduled&type=factuur')).toEqual([id('factuur-zakelijk.md')]);
    const refused = await auditor('/api/v1/documents?retention=someday');
    expect(refused.status).toBe(400);
  });
});
