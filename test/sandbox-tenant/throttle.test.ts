import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { connect, USERS, writeTenant, type TestClient } from './support.ts';

// One simulated second lasts 10 ms: a budget of 20 RU per "minute" refills in 600 ms.
const SECOND_MS = 10;
let sandbox: SandboxTenant;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: writeTenant(2), throttling: { ruPerMinute: 20, secondUnitMs: SECOND_MS } });
  client = await connect(sandbox);
});
afterAll(async () => {
  await client.dispatcher.close();
  await sandbox.close();
});

/** Sends `count` single-item GETs one after another; on 429/503 waits Retry-After, or first retries twice at once. */
async function crawl(count: number, honourRetryAfter: boolean): Promise<{ throttled: number; retryAfter: string[] }> {
  const seen = { throttled: 0, retryAfter: [] as string[] };
  let impatient = honourRetryAfter ? 0 : 2;
  for (let done = 0; done < count;) {
    const res = await client.graph(`/users/${USERS.jan.id}`);
    await res.arrayBuffer();
    if (res.status === 429 || res.status === 503) {
      seen.throttled++;
      const retryAfter = res.headers.get('retry-after')!;
      seen.retryAfter.push(retryAfter);
      if (impatient-- > 0) continue;
      await sleep(Number(retryAfter) * SECOND_MS + 1);
      continue;
    }
    expect(res.status).toBe(200);
    done++;
  }
  return seen;
}

describe('sandbox tenant: throttling simulator', () => {
  it('throttles over the RU budget with Retry-After in whole seconds, and records a client that retries early', async () => {
    sandbox.control.resetStats();
    const seen = await crawl(40, false);
    expect(seen.throttled).toBeGreaterThan(0);
    expect(seen.retryAfter.every((r) => /^[1-9]\d*$/.test(r))).toBe(true);
    const stats = sandbox.stats();
    expect(stats.earlyRetries.length).toBeGreaterThan(0);
    expect(stats.earlyRetries[0]).toEqual(expect.objectContaining({ method: 'GET', path: `/users/${USERS.jan.id}`, scope: 'app' }));
    expect(stats.throttled.resourceUnits).toBeGreaterThan(0);
  });

  it('records no early retry for a client that waits for Retry-After, and still gets throttled', async () => {
    sandbox.control.resetStats();
    const seen = await crawl(40, true);
    expect(seen.throttled).toBeGreaterThan(0);
    const stats = sandbox.stats();
    expect(stats.earlyRetries).toEqual([]);
    expect(stats.throttled.resourceUnits).toBe(seen.throttled);
    expect(stats.resourceUnits).toBe(40 + seen.throttled);
  });

  it('charges every $batch item and throttles items inside an outer 200', async () => {
    await sleep(60 * SECOND_MS / 2);
    sandbox.control.resetStats();
    let batch: { responses: { id: string; status: number; headers: Record<string, string> }[] } | undefined;
    for (let i = 0; i < 10 && !batch?.responses.some((r) => r.status === 429); i++) {
      const res = await client.graph('/$batch', { method: 'POST', body: { requests: Array.from({ length: 20 }, (_, n) => ({ id: String(n + 1), method: 'GET', url: `/users/${USERS.piet.id}` })) } });
      expect(res.status).toBe(200);
      batch = (await res.json()) as typeof batch;
    }
    const limited = batch!.responses.find((r) => r.status === 429)!;
    expect(limited.headers['Retry-After']).toMatch(/^[1-9]\d*$/);
    expect(sandbox.stats().batchItems % 20).toBe(0);
    expect(sandbox.stats().resourceUnits).toBe(sandbox.stats().batchItems);
  });

  it('scripts the nth matching request, and a scripted 429 fences early retries too', async () => {
    await sleep(60 * SECOND_MS / 2);
    sandbox.control.resetStats();
    sandbox.control.script({ method: 'GET', path: '/sites/getAllSites', nth: 2, status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'TooManyRequests', message: 'scripted' } } });
    expect((await client.graph('/sites/getAllSites')).status).toBe(200);
    expect((await client.graph('/sites/getAllSites')).status).toBe(429);
    expect((await client.graph('/sites/getAllSites')).status).toBe(429);
    expect(sandbox.stats().earlyRetries).toHaveLength(1);
    await sleep(3 * SECOND_MS + 5);
    expect((await client.graph('/sites/getAllSites')).status).toBe(200);
    sandbox.control.clearScripts();
  });
});

describe('sandbox tenant: per-mailbox concurrency', () => {
  it('allows 4 concurrent requests per mailbox, answers more with MailboxConcurrency 429, and does not call those retries', async () => {
    const slow = await startSandboxTenant({ root: writeTenant(1), throttling: { latencyMs: 100 } });
    const c = await connect(slow);
    try {
      const responses = await Promise.all(Array.from({ length: 6 }, () => c.graph(`/users/${USERS.jan.id}/mailFolders/inbox`)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 429, 429]);
      const throttled = responses.find((r) => r.status === 429)!;
      expect(((await throttled.json()) as { error: { message: string } }).error.message).toContain('MailboxConcurrency');
      expect(slow.stats().earlyRetries).toEqual([]);
      const other = await c.graph(`/users/${USERS.piet.id}/mailFolders/inbox`);
      expect(other.status).toBe(200);
    } finally {
      await c.dispatcher.close();
      await slow.close();
    }
  });
});

describe('sandbox tenant: random faults', () => {
  it('answers a seeded share of requests with 503 + Retry-After', async () => {
    const faulty = await startSandboxTenant({ root: writeTenant(1), seed: 3, throttling: { serviceUnavailableRate: 0.3, secondUnitMs: 1, serviceUnavailableRetryAfter: 1 } });
    const c = await connect(faulty);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await c.graph('/users');
        await res.arrayBuffer();
        statuses.push(res.status);
        if (res.status === 503) {
          expect(res.headers.get('retry-after')).toBe('1');
          await sleep(2);
        }
      }
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(2);
      expect(faulty.stats().throttled.serviceUnavailable).toBe(statuses.filter((s) => s === 503).length);
      expect(faulty.stats().earlyRetries).toEqual([]);
    } finally {
      await c.dispatcher.close();
      await faulty.close();
    }
  });
});
