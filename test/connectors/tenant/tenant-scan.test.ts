import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTenant, type TenantSummary } from '../../../connectors/tenant/index.ts';
import type { DemoTenant } from '../../../src/cli/demo-sandbox.ts';
import type { Store } from '../../../src/store/store.ts';
import { expectedDocuments, skippedInFixture } from './fixture-index.ts';
import { cleanUp, documentsOf, openTempStore, quickClassifier, startTestTenant } from './support.ts';

const expected = expectedDocuments();
const fixture = JSON.parse(readFileSync('fixtures/tenant/tenant.json', 'utf8')) as { users: unknown[]; sites: unknown[] };
const where = (d: { kind: string; root: string; location: string }) => `${d.kind}|${d.root}|${d.location}`;

describe('tenant scan of the sandbox tenant (HTTPS, MSAL, the real transport)', () => {
  let tenant: DemoTenant;
  let store: Store;
  const classifier = quickClassifier();
  const run = (options: Parameters<typeof scanTenant>[2] = {}): Promise<TenantSummary> =>
    scanTenant(tenant.transport, store, { scan: { classify: classifier.classify }, earlyRetries: () => tenant.sandbox.stats().earlyRetries.length, ...options });

  beforeAll(async () => {
    tenant = await startTestTenant();
    store = openTempStore();
  });
  afterAll(async () => {
    await store.close();
    await tenant.close();
    cleanUp();
  });

  it('finds every library, OneDrive and mailbox, skips users without one, and stores every document once', async () => {
    const summary = await run();
    expect(summary).toMatchObject({ status: 'completed', errors: 0, earlyRetries: 0, failedSources: [] });
    expect(summary.documents).toBe(expected.length);
    expect(classifier.calls).toHaveLength(expected.length);
    const skipped = skippedInFixture();
    expect(summary.skippedUsers.filter((u) => u.what === 'onedrive').map((u) => u.user).sort()).toEqual(skipped.onedrive.sort());
    expect(summary.skippedUsers.filter((u) => u.what === 'mail').map((u) => u.user).sort()).toEqual(skipped.mail.sort());
    const stored = (await documentsOf(store)).map(where).sort();
    expect(stored).toEqual(expected.map(where).sort());
    for (const kind of ['sharepoint', 'onedrive', 'mail'] as const) {
      expect(summary.sources[kind].documents).toBe(expected.filter((d) => d.kind === kind).length);
    }
    // About one Graph request per document: the listing pages and discovery are the small rest.
    expect(summary.graphRequests / summary.documents).toBeLessThan(1.5);
  });

  it('rescans an unchanged tenant without reading anything: a delta request per drive and mail folder', async () => {
    const before = tenant.transport.counters.requests;
    const calls = classifier.calls.length;
    const summary = await run();
    expect(summary).toMatchObject({ status: 'completed', classified: 0, fetched: 0, deleted: 0, moved: 0 });
    expect(classifier.calls.length).toBe(calls);
    let folders = 0;
    for (const d of new Set((await documentsOf(store)).filter((x) => x.kind === 'mail').map((x) => x.root))) {
      folders += (await store.folders(await store.source({ kind: 'mail', root: d }))).size;
    }
    // Discovery: users, sites and $batches of 20 (site libraries; OneDrive and mailbox probes). Then one delta request
    // per drive, and per mailbox one folder delta plus one message delta per folder.
    const discovery = 2 + Math.ceil(fixture.sites.length / 20) + Math.ceil((2 * fixture.users.length) / 20);
    expect(tenant.transport.counters.requests - before).toBe(discovery + summary.sources.sharepoint.sources + summary.sources.onedrive.sources + summary.sources.mail.sources + folders);
  });

  it('after adding, changing, moving and deleting files and messages, a rescan picks up exactly those', async () => {
    const control = tenant.sandbox.control;
    const hr = expected.filter((d) => d.kind === 'sharepoint' && d.key.startsWith('sites/hr/Documenten/'));
    const drive = hr[0]!.root;
    const [change, move, remove] = hr;
    control.addFile({ drive, path: 'Nieuw/ziekmelding.txt', content: 'Ziekmelding van medewerker J. de Vries, BSN 111222333.' });
    control.changeFile({ drive, item: change!.location, content: 'Deze notitie is herschreven.' });
    control.moveFile({ drive, item: move!.location, to: 'Archief' });
    control.deleteFile({ drive, item: remove!.location });

    const mail = (await documentsOf(store)).filter((d) => d.kind === 'mail');
    const user = mail[0]!.root;
    const ids: string[] = [];
    for await (const d of store.listDocuments()) if (d.source.kind === 'mail' && d.source.root === user && d.location.startsWith('Inbox/')) ids.push(d.itemId);
    control.addMessage({ user, folder: 'Inbox', subject: 'Nieuw bericht', body: { contentType: 'text', content: 'Hallo, tot morgen.' } });
    control.changeMessage({ user, message: ids[0]!, subject: 'Gewijzigd onderwerp' });
    control.moveMessage({ user, message: ids[1]!, folder: 'Archive' });
    control.deleteMessage({ user, message: ids[2]! });

    const calls = classifier.calls.length;
    const summary = await run();
    // Moved: the file, the message, and the message whose subject (so its name) changed.
    expect(summary).toMatchObject({ status: 'completed', classified: 4, deleted: 2, moved: 3, errors: 0 });
    expect(classifier.calls.slice(calls).sort()).toEqual(['Gewijzigd onderwerp.eml', 'Nieuw bericht.eml', change!.location.split('/').pop()!, 'ziekmelding.txt'].sort());
    expect(summary.documents).toBe(expected.length + 2 - 2);
    const locations = (await documentsOf(store)).map((d) => d.location);
    expect(locations).toContain(`Archief/${move!.location.split('/').pop()}`);
    expect(locations).toContain('Nieuw/ziekmelding.txt');
  });

  it('resyncs after expired delta tokens (410 for drives, syncStateNotFound and 410 for mail), and finds deletions made meanwhile', async () => {
    const control = tenant.sandbox.control;
    const docs = await documentsOf(store);
    const file = docs.find((d) => d.kind === 'onedrive')!;
    const messages: { root: string; id: string }[] = [];
    for await (const d of store.listDocuments()) if (d.source.kind === 'mail') messages.push({ root: d.source.root, id: d.itemId });
    const users = [...new Set(messages.map((m) => m.root))];
    control.deleteFile({ drive: file.root, item: file.location });
    control.deleteMessage({ user: users[0]!, message: messages.find((m) => m.root === users[0])!.id });
    control.deleteMessage({ user: users[1]!, message: messages.find((m) => m.root === users[1])!.id });
    control.expireDeltaTokens({ drive: file.root });
    control.expireDeltaTokens({ user: users[0]!, mode: 'syncStateNotFound' });
    control.expireDeltaTokens({ user: users[1]!, mode: 'resync' });
    const calls = classifier.calls.length;
    const summary = await run();
    expect(summary).toMatchObject({ status: 'completed', classified: 0, deleted: 3, errors: 0 });
    expect(classifier.calls.length).toBe(calls);
  });
});
