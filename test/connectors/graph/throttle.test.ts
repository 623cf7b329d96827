import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphTransport, createScaledClock } from '../../../connectors/graph/index.ts';
import { json, startTestGraphServer } from './support/graph-server.ts';
import type { TestGraphServer } from './support/graph-server.ts';
import { pause, testConfig } from './support/config.ts';

let server: TestGraphServer;
beforeAll(async () => {
  server = await startTestGraphServer();
});
afterAll(() => server.close());

describe('Graph transport: throttling', () => {
  it('a 429 stops every request, also those waiting and in flight elsewhere, for the full Retry-After', async () => {
    server.hits.length = 0;
    const scale = 0.01; // Retry-After 10 s = 100 ms
    let throttledAt = 0;
    let release!: () => void;
    const firstThrottled = new Promise<void>((resolve) => (release = resolve));
    server.handle(async (hit, res) => {
      if (hit.path === '/v1.0/items/0' && !throttledAt) {
        // Answer the 429 once the two other requests in flight have arrived; they are answered after it.
        while (server.hits.length < 3) await pause(1);
        throttledAt = performance.now();
        json(res, 429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '10' });
        return release();
      }
      if (!throttledAt) await firstThrottled.then(() => pause(10));
      json(res, 200, { path: hit.path });
    });
    const transport = createGraphTransport(testConfig(server, { maxConcurrency: 3 }), { clock: createScaledClock(scale) });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => transport.request<{ path: string }>({ url: `/items/${i}` })));
    await transport.close();

    expect(answers.map((a) => a.body.path)).toEqual(Array.from({ length: 10 }, (_, i) => `/v1.0/items/${i}`));
    const after = server.hits.filter((hit) => hit.at > throttledAt);
    expect(after).toHaveLength(8); // the 429'd request again, and the seven that waited
    const earliest = Math.min(...after.map((hit) => hit.at));
    expect(earliest - throttledAt).toBeGreaterThanOrEqual(10_000 * scale);
    expect(transport.counters).toMatchObject({ requests: 11, throttled: 1, retried: 1 });
    expect(transport.counters.pausedMs).toBeGreaterThanOrEqual(10_000);
  });

  it('honours a Retry-After beyond the SDK cap of 180 s in full', async () => {
    server.hits.length = 0;
    const scale = 0.0005; // 600 s = 300 ms
    let calls = 0;
    server.handle((_hit, res) => (++calls === 1 ? json(res, 503, { error: { code: 'serviceNotAvailable' } }, { 'retry-after': '600' }) : json(res, 200, { ok: true })));
    const transport = createGraphTransport(testConfig(server), { clock: createScaledClock(scale) });
    await transport.request({ url: '/drives/d1/root/delta' });
    await transport.close();

    expect(server.hits).toHaveLength(2);
    expect(server.hits[1]!.at - server.hits[0]!.at).toBeGreaterThanOrEqual(600_000 * scale);
    expect(transport.counters.pausedMs).toBeGreaterThanOrEqual(600_000);
  });

  it('spends resource units no faster than the budget allows, charging each request its cost', async () => {
    server.hits.length = 0;
    const scale = 0.01; // a minute = 600 ms
    server.handle((_hit, res) => json(res, 200, {}));
    const ruPerMinute = 600;
    const transport = createGraphTransport(testConfig(server, { ruPerMinute, maxConcurrency: 8 }), { clock: createScaledClock(scale) });
    const started = performance.now();
    await Promise.all(Array.from({ length: 60 }, (_, i) => transport.request({ url: `/drives/d${i}/root/delta`, cost: i % 3 === 0 ? 5 : 2 })));
    const took = performance.now() - started;
    await transport.close();

    const spent = 20 * 5 + 40 * 2;
    expect(transport.counters.resourceUnits).toBe(spent);
    // A burst of 5 % of the minute's budget, the rest at 95 % of it: (180 - 30) / 570 minutes at the least.
    const minimum = ((spent - 30) / 570) * 60_000 * scale;
    expect(took).toBeGreaterThanOrEqual(minimum * 0.95);
    // No window of one (scaled) minute saw more than the budget arrive.
    const minute = 60_000 * scale;
    const costs = server.hits.map((hit) => ({ at: hit.at, cost: Number(/\/d(\d+)\//.exec(hit.path)![1]) % 3 === 0 ? 5 : 2 }));
    for (const { at } of costs) {
      const inWindow = costs.filter((c) => c.at >= at && c.at < at + minute).reduce((sum, c) => sum + c.cost, 0);
      expect(inWindow).toBeLessThanOrEqual(ruPerMinute);
    }
  });

  it('keeps at most 4 requests in flight per mailbox, and no more than the global cap', async () => {
    server.hits.length = 0;
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    let total = 0;
    let mostTotal = 0;
    server.handle(async (hit, res) => {
      const mailbox = /\/users\/([^/]+)\//.exec(hit.path)?.[1] ?? 'none';
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
      most.set(mailbox, Math.max(most.get(mailbox) ?? 0, inFlight.get(mailbox)!));
      mostTotal = Math.max(mostTotal, ++total);
      // Hold each request until its mailbox has 4 in flight (or a while has passed), so a slow machine still shows
      // the most the client allows at once.
      const full = mailbox === 'none' ? 3 : 4;
      for (let waited = 0; waited < 40 || (inFlight.get(mailbox)! < full && waited < 400); waited += 5) await pause(5);
      inFlight.set(mailbox, inFlight.get(mailbox)! - 1);
      total--;
      json(res, 200, {});
    });
    const transport = createGraphTransport(testConfig(server, { maxConcurrency: 10 }));
    const mailboxes = ['anna', 'bram'];
    await Promise.all(Array.from({ length: 24 }, (_, i) => transport.request({ url: `/users/${mailboxes[i % 2]}/messages/m${i}`, mailbox: mailboxes[i % 2] })));
    await transport.close();

    // The tenant would allow 10 at once; each mailbox gets its 4, and no more.
    expect(Object.fromEntries(most)).toEqual({ anna: 4, bram: 4 });
    expect(mostTotal).toBe(8);

    // Without mailboxes only the global cap applies.
    const capped = createGraphTransport(testConfig(server, { maxConcurrency: 3 }));
    mostTotal = 0;
    await Promise.all(Array.from({ length: 12 }, (_, i) => capped.request({ url: `/sites/s${i}` })));
    await capped.close();
    expect(mostTotal).toBe(3);
  });
});
