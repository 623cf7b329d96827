import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/cli/demo-sandbox.ts';
import type { DemoWeb } from '../../src/cli/demo-serve.ts';
import { demoHooks } from '../../src/cli/demo.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../support/cli.ts';
import { call, readEvents, signInThroughSandbox, type Session } from './demo-browse.ts';

const RECORDS_MANAGER = 'a.corsten@woonstede-fictief.nl';
const ADMINISTRATOR = 'm.vandenvelde@woonstede-fictief.nl';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
// A made-up BSN that passes the 11-test (9+8+7+12+10+8+9+6-3 = 66).
const NEW_FILE = 'Personeelsdossier van Jan de Vries, medewerker onderhoud.\nBSN: 111222333\nGeboortedatum: 12-03-1980\n';

const dir = mkdtempSync(join(tmpdir(), 'bewaarder-demo-serve-'));
const out: string[] = [];
const err: string[] = [];
const original = { ...demoHooks };
let stop: () => void = () => {};
let running: Promise<number>;
let url: string;
let tenant: DemoTenant;

/** The demo as `bewaarder demo --port 0` runs it, in this process: the test's promise stands in for Ctrl-C. */
beforeAll(async () => {
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const serving = new Promise<{ web: DemoWeb; tenant: DemoTenant }>((resolve) => (demoHooks.onServing = (web, t) => resolve({ web, tenant: t })));
  demoHooks.untilStopped = () => stopped;
  running = main(['demo', '--port', '0', '--quiet', '--db', join(dir, 'demo.db')], { out: (l) => out.push(l), err: (l) => err.push(l) });
  const ended = running.then((code) => Promise.reject(new Error(`the demo ended (${code}) before serving: ${err.join('\n')}`)));
  ({ tenant } = await Promise.race([serving, ended]));
  url = /Bewaarder is running at (http:\/\/\S+)/.exec(out.join('\n'))?.[1] ?? '';
}, 240_000);

afterAll(async () => {
  stop();
  await running?.catch(() => undefined);
  Object.assign(demoHooks, original);
  delete demoHooks.onServing;
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(upn: string): Promise<Session> {
  const { session, status, visited } = await signInThroughSandbox(url, tenant.sandbox.ca, upn);
  expect(visited).toContain(`sandbox /${tenant.sandbox.tenantId}/oauth2/v2.0/authorize`);
  expect(status).toBe(200);
  expect(session.csrf).toBeTruthy();
  return session;
}

describe('bewaarder demo serves the web application on the scanned sandbox tenant', () => {
  it('prints the summary, the URL and who can sign in with which role', () => {
    const text = out.join('\n');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text).toMatch(/Scanned the tenant: \d+ documents/);
    expect(text).toMatch(/Retention: \d+ documents scheduled for deletion/);
    expect(text).toContain(`${RECORDS_MANAGER}      records manager`);
    expect(text).toContain(`${ADMINISTRATOR}  administrator`);
    expect(text).toMatch(/l\.dijkstra@woonstede-fictief\.nl +auditor/);
    expect(text).toMatch(/sign in locally as "beheerder" with password \S{20} /);
  });

  it('a records manager signs in through the sandbox, corrects a bijzonder document and approves a disposal', async () => {
    const rm = await signIn(RECORDS_MANAGER);
    expect((await call(url, rm, '/api/v1/session')).data.account).toMatchObject({ role: 'records-manager', kind: 'entra' });
    const flagged = (await call(url, rm, '/api/v1/documents?label=bijzonder&limit=5')).data;
    expect(flagged.total).toBeGreaterThan(10);
    const doc = flagged.documents[0];
    const other = doc.documentType === 'ziekmelding' ? 'correspondentie' : 'ziekmelding';
    const reviewed = await call(url, rm, `/api/v1/documents/${doc.id}/review`, { method: 'POST', json: { documentType: other, comment: 'demo-test' } });
    expect(reviewed).toMatchObject({ status: 200, data: { status: 'corrected', documentType: other } });
    const detail = (await call(url, rm, `/api/v1/documents/${doc.id}`)).data;
    expect(detail).toMatchObject({ documentType: other, review: { status: 'corrected' } });
    expect(detail.history.some((h: { action: string }) => h.action === 'review.corrected')).toBe(true);

    // The documents waiting for their trigger (an employment's end) get one long past, which makes them due; then
    // the disposal of one that awaits a records manager's approval is approved.
    const waiting = ((await call(url, rm, '/api/v1/disposition/needs-trigger')).data.documents as { documentId: number }[]).map((d) => d.documentId);
    expect(waiting.length).toBeGreaterThan(0);
    const triggered = await call(url, rm, '/api/v1/disposition/trigger', { method: 'POST', json: { ids: waiting, date: '2000-01-01', comment: 'dienstverband beëindigd' } });
    expect(triggered.data.results.filter((r: { ok: boolean }) => !r.ok)).toEqual([]);
    const due = (await call(url, rm, '/api/v1/disposition')).data.groups.flatMap((g: { items: { documentId: number; nextStage?: string }[] }) => g.items);
    const awaiting = due.find((i: { documentId: number; nextStage?: string }) => waiting.includes(i.documentId) && i.nextStage);
    expect(awaiting).toBeDefined();
    const approved = await call(url, rm, '/api/v1/disposition/approve', { method: 'POST', json: { ids: [awaiting.documentId], comment: 'termijn verstreken' } });
    expect(approved.data.results).toEqual([expect.objectContaining({ documentId: awaiting.documentId, ok: true })]);
    const after = (await call(url, rm, '/api/v1/disposition')).data.groups.flatMap((g: { items: unknown[] }) => g.items);
    expect(after.find((i: { documentId: number }) => i.documentId === awaiting.documentId).approvals).toEqual([expect.objectContaining({ comment: 'termijn verstreken' })]);
    // A records manager does not start scans.
    expect((await call(url, rm, '/api/v1/scans', { method: 'POST', json: {} })).status).toBe(403);
  });

  it('an approved disposal is purged from the tenant through Graph, with proof', async () => {
    const rm = await signIn(RECORDS_MANAGER);
    const plan = (await call(url, rm, '/api/v1/purge', { method: 'POST', json: { dryRun: true, limit: 1 } })).data;
    expect(plan.planned).toBe(1);
    const id = plan.outcomes[0].documentId as number;
    const item = (await call(url, rm, '/api/v1/disposition')).data.groups.flatMap((g: { items: unknown[] }) => g.items).find((i: { documentId: number }) => i.documentId === id);
    const at = item.source.kind === 'mail' ? `/users/${item.source.root}/messages/${encodeURIComponent(item.itemId)}` : `/drives/${item.source.root}/items/${encodeURIComponent(item.itemId)}`;
    const look = () => tenant.transport.request({ url: at, accept: [404], headers: { Prefer: 'IdType="ImmutableId"' } });
    expect((await look()).status).toBe(200);
    const purged = (await call(url, rm, '/api/v1/purge', { method: 'POST', json: { limit: 1 } })).data;
    expect(purged).toMatchObject({ deleted: 1, skipped: 0, outcomes: [{ documentId: id, result: 'deleted' }] });
    expect((await look()).status).toBe(404);
    const { disposals } = (await call(url, rm, '/api/v1/disposals')).data;
    expect(disposals.map((d: { documentId: number }) => d.documentId)).toContain(id);
  });

  it('an administrator rescans one library and then the whole tenant, and watches the progress', async () => {
    const admin = await signIn(ADMINISTRATOR);
    const { targets } = (await call(url, admin, '/api/v1/scans')).data as { targets: { id: string; kind: string; name: string }[] };
    expect(new Set(targets.map((t) => t.kind))).toEqual(new Set(['sharepoint', 'onedrive', 'mail']));
    const library = tenant.sandbox.control.drives().find((d) => d.name === 'Personeelsdossiers')!;
    const target = targets.find((t) => t.id === `sharepoint:${library.id}`)!;
    expect(target.name).toBe('SharePoint · Personeelszaken · Personeelsdossiers');

    tenant.sandbox.control.addFile({ drive: library.id, path: 'Nieuw/dossier-jan-de-vries.txt', content: NEW_FILE });
    const one = await call(url, admin, '/api/v1/scans', { method: 'POST', json: { targets: [target.id] } });
    expect(one.status).toBe(202);
    const oneEvents = await readEvents(url, admin, `/api/v1/scans/${one.data.id}/events`);
    expect(oneEvents.at(-1)).toMatchObject({ type: 'done', data: { status: 'completed', results: [{ target: target.name, summary: { classified: 1, found: 1 } }] } });
    const found = (await call(url, admin, '/api/v1/documents?label=bijzonder&limit=500')).data.documents as { name: string }[];
    expect(found.map((d) => d.name)).toContain('dossier-jan-de-vries.txt');

    const all = await call(url, admin, '/api/v1/scans', { method: 'POST', json: {} });
    expect(all.status).toBe(202);
    const events = await readEvents(url, admin, `/api/v1/scans/${all.data.id}/events`);
    const progress = events.filter((e) => e.type === 'progress').map((e) => e.data.progress);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ target: 'tenant', total: targets.length });
    expect(events.at(-1)).toMatchObject({ type: 'done', data: { status: 'completed', targets: 'all' } });
    const summary = events.at(-1)!.data.results.at(-1).summary;
    expect(summary).toMatchObject({ status: 'completed', classified: 0, errors: 0, earlyRetries: 0, failedSources: [] });
  });

  it('in a browser, people pick their account on the sandbox page: the records manager lands in the review queue, the administrator rescans', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
    try {
      // The sandbox tenant's certificate is its own (the product trusts it per request; this browser does not).
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(url);
      await page.click('a[href="/auth/entra"]');
      await page.click(`a[data-upn="${RECORDS_MANAGER}"]`);
      await page.waitForSelector('#nav:not([hidden])');
      await page.goto(`${url}/#/beoordelen`);
      await page.waitForSelector('#detail article');
      expect(await page.textContent('#queue-list li.current .badge')).toBe('bijzonder');
      // Where it lives: the library's or the person's name (not a drive or user id), and a link to open it there.
      const where = await page.textContent('#detail p.location');
      expect(where).toMatch(/^\S+: (.+ · .+) \/ /);
      expect(where).not.toMatch(/b!|[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(await page.getAttribute('#detail p.location a', 'href')).toMatch(/^https:\/\//);
      await page.screenshot({ path: join(ARTIFACTS, 'demo-review.png'), fullPage: true });
      await context.close();

      // The administrator's Scans screen lists the tenant's libraries, OneDrives and mailboxes and follows a rescan.
      const admin = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, ignoreHTTPSErrors: true })).newPage();
      await admin.goto(url);
      await admin.click('a[href="/auth/entra"]');
      await admin.click(`a[data-upn="${ADMINISTRATOR}"]`);
      await admin.waitForSelector('#nav:not([hidden])');
      await admin.goto(`${url}/#/scans`);
      await admin.waitForSelector('#start-scan:not([disabled])');
      expect(await admin.locator('label.choice', { hasText: 'SharePoint · Personeelszaken · Personeelsdossiers' }).count()).toBe(1);
      // The block of the job this click starts (the page opened on the previous job's block, completed too).
      const [started] = await Promise.all([
        admin.waitForResponse((r) => r.url().endsWith('/api/v1/scans') && r.request().method() === 'POST'),
        admin.click('#start-scan'),
      ]);
      const { id } = (await started.json()) as { id: number };
      await admin.waitForSelector(`#scan-live .progress-block[data-job="${id}"][data-status="completed"]`);
      expect(await admin.textContent('#scan-sources')).toMatch(/^(\d+) \/ \1 bronnen klaar$/);
      await admin.screenshot({ path: join(ARTIFACTS, 'demo-scans.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('stops on Ctrl-C: exit code 0, the web application and the sandbox tenant closed', async () => {
    stop();
    expect(await running).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    await expect(fetch(tenant.sandbox.url)).rejects.toThrow();
  });
});
