import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetention } from '../../src/retention/index.ts';
import { ROOT } from '../support/cli.ts';
import { client, PASSWORD, startTestServer, type TestServer } from './support.ts';

// The evaluate() callbacks run inside the page; the project compiles for Node without DOM types, so declare what they touch.
declare const window: any;
declare const document: any;
declare const MutationObserver: any;
type HTMLElement = { dataset: Record<string, string | undefined> };

const ARTIFACTS = join(ROOT, 'test-artifacts');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Enough documents that a scan reports progress more than once. */
function archive(docs: string): void {
  const letter = readFileSync(join(ROOT, 'fixtures/examples/verzuim-brief.txt'), 'utf8');
  mkdirSync(join(docs, 'archief'));
  for (let i = 0; i < 60; i++) writeFileSync(join(docs, 'archief', `brief-${i}.txt`), letter.replace('27 oktober', `${(i % 28) + 1} oktober`).replace('20331', String(20_000 + i)));
}

describe('the web UI in a browser', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The clock stands in 2040, so the scanned invoice's seven years have passed and it is due for disposal.
    t = await startTestServer({ extra: archive, server: {} });
    t.server.context.retention = createRetention(t.store, { clock: () => new Date('2040-01-02T12:00:00Z') });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(t.url);
    await page.fill('#login-name', name);
    await page.fill('#login-password', PASSWORD);
    await page.press('#login-password', 'Enter');
    await page.waitForSelector('#nav:not([hidden])');
    return page;
  }

  it('an administrator starts a scan and watches the progress move', async () => {
    const page = await signIn('administrator');
    await page.goto(`${t.url}/#/scans`);
    await page.waitForSelector('#start-scan:not([disabled])');
    // Record every progress count the page shows while the scan runs.
    await page.evaluate(() => {
      const seen: number[] = ((window as any).seen = []);
      new MutationObserver(() => {
        const block = document.querySelector('#scan-live .progress-block') as HTMLElement | null;
        if (block) seen.push(Number(block.dataset.handled));
      }).observe(document.getElementById('scan-live')!, { childList: true, subtree: true });
    });
    await page.click('#start-scan');
    await page.waitForSelector('#scan-live .progress-block[data-status="completed"]', { timeout: 60_000 });
    const seen = (await page.evaluate(() => (window as any).seen)) as number[];
    const found = Number(await page.getAttribute('#scan-live .progress-block', 'data-found'));
    expect(found).toBe(65);
    expect(seen.at(-1)).toBe(65);
    expect(new Set(seen.filter((n) => n > 0 && n < found)).size).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(ARTIFACTS, 'scans.png'), fullPage: true });
    await page.goto(`${t.url}/#/overzicht`);
    await page.waitForSelector('.tiles .tile-value');
    expect(await page.textContent('.tiles .tile-value')).toBe('65');
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    await page.context().close();
  });

  it('a records manager reviews the queue with the keyboard, corrects a type and approves a disposal', async () => {
    const page = await signIn('records-manager');
    await page.goto(`${t.url}/#/beoordelen`);
    await page.waitForSelector('#detail article');
    expect(await page.textContent('#queue-list li.current .badge')).toBe('bijzonder');
    const first = Number(await page.getAttribute('#detail', 'data-id'));
    await page.keyboard.press('j');
    await page.waitForFunction((id) => document.querySelector('#detail')?.getAttribute('data-id') !== String(id), first);
    await page.keyboard.press('k');
    await page.waitForFunction((id) => document.querySelector('#detail')?.getAttribute('data-id') === String(id), first);
    await page.screenshot({ path: join(ARTIFACTS, 'review.png'), fullPage: true });
    await page.keyboard.press('2');
    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('doc-type');
    await page.selectOption('#doc-type', 'ziekmelding');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('#detail')?.getAttribute('data-id') !== String(id), first);
    const api = client(t.url, t.tokens.auditor);
    const reviewed = (await api(`/api/v1/documents/${first}`)).data;
    expect(reviewed).toMatchObject({ label: 'generiek', documentType: 'ziekmelding', review: { status: 'corrected', reviewer: 'records-manager' } });
    expect(await page.locator(`#queue-list li[data-id="${first}"]`).count()).toBe(0);

    await page.goto(`${t.url}/#/vernietiging`);
    const row = page.locator('tr', { hasText: 'factuur-zakelijk.md' });
    await row.waitFor();
    await row.locator('input[type=checkbox]').check();
    await page.fill('#disp-comment', 'termijn verstreken, geen lopende zaak');
    await page.click('#approve');
    await page.locator('tr', { hasText: 'factuur-zakelijk.md' }).locator('.status', { hasText: 'records-manager' }).waitFor();
    const queue = (await api('/api/v1/disposition')).data;
    const invoice = queue.groups.flatMap((g: any) => g.items).find((d: any) => d.name === 'factuur-zakelijk.md');
    expect(invoice.approvals).toEqual([expect.objectContaining({ actor: 'records-manager', comment: 'termijn verstreken, geen lopende zaak' })]);
    await page.screenshot({ path: join(ARTIFACTS, 'disposition.png'), fullPage: true });
    await page.goto(`${t.url}/#/verwijderd`);
    await page.waitForSelector('h1');
    await page.screenshot({ path: join(ARTIFACTS, 'disposals.png'), fullPage: true });
    await page.context().close();
  });
});
