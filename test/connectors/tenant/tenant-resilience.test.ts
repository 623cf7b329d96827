import { afterAll, describe, expect, it } from 'vitest';
import { createScaledClock } from '../../../connectors/graph/clock.ts';
import { scanTenant } from '../../../connectors/tenant/index.ts';
import { expectedDocuments } from './fixture-index.ts';
import { cleanUp, documentsOf, openTempStore, quickClassifier, startTestTenant } from './support.ts';

const expected = expectedDocuments();
afterAll(cleanUp);

describe('tenant scan under pressure', () => {
  it('completes through a throttling storm (random 503s, 429s, a Retry-After beyond the SDK cap) with no early retry', async () => {
    // A simulated second of 10 ms: the 200 s Retry-After below passes in 2 s, honoured in full on both sides (at 2 ms,
    // a busy machine's event-loop delay is the size of a whole Retry-After and blurs the two clocks).
    const tenant = await startTestTenant({ secondUnitMs: 10, clock: createScaledClock(0.01), throttling: { serviceUnavailableRate: 0.05, latencyMs: 2 } });
    const store = openTempStore();
    try {
      const control = tenant.sandbox.control;
      control.script({ path: '/messages/', status: 429, headers: { 'Retry-After': '200' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } }, nth: 40 });
      control.script({ path: '/root/delta', status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } }, nth: 3, times: 3 });
      control.script({ path: '/download/', status: 503, headers: { 'Retry-After': '3' }, nth: 25, times: 2 });
      const { classify } = quickClassifier();
      const summary = await scanTenant(tenant.transport, store, { scan: { classify }, earlyRetries: () => tenant.sandbox.stats().earlyRetries.length });
      const stats = tenant.sandbox.stats();
      expect(stats.throttled.serviceUnavailable).toBeGreaterThan(0);
      expect(stats.throttled.scripted).toBeGreaterThanOrEqual(4); // the scripted download 503s are not counted there
      expect(stats.earlyRetries).toEqual([]);
      expect(summary).toMatchObject({ status: 'completed', errors: 0, earlyRetries: 0, failedSources: [], documents: expected.length });
      expect(summary.throttled).toBeGreaterThanOrEqual(6 + stats.throttled.serviceUnavailable);
      // Every request stood still for the whole 200 s (scaled), beyond the Graph SDK's own 180 s cap.
      expect(tenant.transport.counters.pausedMs).toBeGreaterThanOrEqual(200_000);
    } finally {
      await store.close();
      await tenant.close();
    }
  });

  it('stopped mid-scan, resumes every source from its cursor: nothing lost, nothing read twice', async () => {
    const tenant = await startTestTenant({ throttling: false });
    const store = openTempStore();
    try {
      const { calls, classify } = quickClassifier();
      const stop = new AbortController();
      const counting: typeof classify = async (bytes, name) => {
        if (calls.length === 120) stop.abort();
        return classify(bytes, name);
      };
      const first = await scanTenant(tenant.transport, store, { scan: { classify: counting }, signal: stop.signal });
      expect(first.status).toBe('interrupted');
      expect(first.documents).toBeLessThan(expected.length);
      const second = await scanTenant(tenant.transport, store, { scan: { classify } });
      expect(second).toMatchObject({ status: 'completed', documents: expected.length, errors: 0 });
      // Every document classified exactly once over both runs.
      expect(calls).toHaveLength(expected.length);
      expect((await documentsOf(store)).filter((d) => d.status === 'classified')).toHaveLength(expected.length);
      const runs = await store.runs();
      expect(runs.filter((r) => r.status !== 'completed')).toEqual([]);
    } finally {
      await store.close();
      await tenant.close();
    }
  });
});
