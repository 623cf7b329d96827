import { describe, expect, it } from 'vitest';
import { createGraphTransport, createScaledClock } from '../../../connectors/graph/index.ts';
import type { GraphTransport } from '../../../connectors/graph/index.ts';
import { DEMO_TENANT_ROOT, sandboxGraphConfig } from '../../../src/cli/demo-sandbox.ts';
import { startSandboxTenant } from '../../../src/sandbox-tenant/index.ts';

/** A simulated second in real ms, on both sides (the sandbox's clock and the transport's). */
const SECOND_MS = 10;
/** The tenant's real budget; the transport is configured with twice as much. */
const TENANT_RU_PER_MINUTE = 100;
/**
 * Listings of 2 RU: six minutes of the tenant's budget, the first of which its full bucket pays at once. Few and
 * dear, so the budget binds even on a busy machine (cheap requests would be slowed by the CPU instead).
 */
const REQUESTS = 300;

/** The traffic of a scan: eight requests in flight, the directory listed over and over. */
async function crawl(transport: GraphTransport): Promise<number> {
  let next = 0;
  let answered = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
        const answer = await transport.request<{ value: unknown[] }>({ url: `/users?$select=id&$top=${1 + (i % 20)}`, cost: 2 });
        if (answer.body.value.length > 0) answered++;
      }
    }),
  );
  return answered;
}

async function crawlOverBudget(adaptiveBudget: boolean) {
  const sandbox = await startSandboxTenant({ root: DEMO_TENANT_ROOT, throttling: { ruPerMinute: TENANT_RU_PER_MINUTE, secondUnitMs: SECOND_MS, latencyMs: 1 } });
  const config = sandboxGraphConfig(sandbox, { ruPerMinute: 2 * TENANT_RU_PER_MINUTE, maxConcurrency: 8 });
  const transport = createGraphTransport(config, { clock: createScaledClock(SECOND_MS / 1000), adaptiveBudget });
  try {
    // Without adapting, some request may be refused more often than the transport's cap and fail: recorded, not thrown.
    const answered = await crawl(transport).catch((error: unknown) => error as Error);
    return { answered, stats: sandbox.stats() };
  } finally {
    await transport.close();
    await sandbox.close();
  }
}

describe('Graph transport: a configured budget twice the tenant\'s', () => {
  it('slows down after resource-unit 429s: the crawl completes with far fewer 429s, and never retries early', async () => {
    const fixed = await crawlOverBudget(false);
    const adapted = await crawlOverBudget(true);
    expect(adapted.answered).toBe(REQUESTS);
    for (const run of [fixed, adapted]) expect(run.stats.earlyRetries).toEqual([]);
    // Both met the real budget (the configured one is too high); the adapting one a few times, then kept under it.
    expect(adapted.stats.throttled.resourceUnits).toBeGreaterThan(0);
    expect(adapted.stats.throttled.resourceUnits).toBeLessThan(fixed.stats.throttled.resourceUnits / 2);
    expect(adapted.stats.throttled.total).toBeLessThan(fixed.stats.throttled.total / 2);
  });
});
