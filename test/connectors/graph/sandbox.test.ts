import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphTransport, createScaledClock } from '../../../connectors/graph/index.ts';
import { sandboxGraphConfig } from '../../../src/cli/demo-sandbox.ts';
import type { GraphTransport } from '../../../connectors/graph/index.ts';
import { startSandboxTenant } from '../../../src/sandbox-tenant/index.ts';
import type { SandboxTenant } from '../../../src/sandbox-tenant/index.ts';

interface DeltaPage {
  value: { id: string; file?: unknown; deleted?: unknown }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const SCALE = 0.05; // a simulated second lasts 50 ms on both sides (at 10 ms, event-loop delay on a busy machine blurs the clocks)
const RU_PER_MINUTE = 120; // the crawl needs about a (simulated) minute of budget

let sandbox: SandboxTenant;
beforeAll(async () => {
  sandbox = await startSandboxTenant({
    seed: 5,
    throttling: { ruPerMinute: RU_PER_MINUTE, secondUnitMs: 1000 * SCALE, serviceUnavailableRate: 0.08, gatewayTimeoutRate: 0.03, serviceUnavailableRetryAfter: 3, latencyMs: 2 },
  });
});
afterAll(() => sandbox?.close());

/** Every user's OneDrive, its full delta, and a few downloads: the traffic of a scan. */
async function crawl(transport: GraphTransport): Promise<{ drives: number; files: number; downloaded: number; bytes: number }> {
  const users = (await transport.request<{ value: { id: string }[] }>({ url: '/users?$select=id&$top=999', cost: 2 })).body.value;
  const drives = await Promise.all(users.map((user) => transport.request<{ id?: string }>({ url: `/users/${user.id}/drive`, accept: [404] })));
  const ids = drives.flatMap((answer) => (answer.status === 200 && answer.body.id ? [answer.body.id] : []));
  let files = 0;
  let downloaded = 0;
  let bytes = 0;
  await Promise.all(
    ids.map(async (drive) => {
      const fileIds: string[] = [];
      for (let url: string | undefined = `/drives/${drive}/root/delta`; url; ) {
        const page: DeltaPage = (await transport.request<DeltaPage>({ url, cost: url.includes('token=') ? 1 : 2 })).body;
        fileIds.push(...page.value.filter((item) => item.file && !item.deleted).map((item) => item.id));
        url = page['@odata.nextLink'];
      }
      files += new Set(fileIds).size;
      for (const id of fileIds.slice(0, 3)) {
        bytes += (await transport.download(`/drives/${drive}/items/${id}/content`, { maxBytes: 50_000_000 })).byteLength;
        downloaded++;
      }
    }),
  );
  return { drives: ids.length, files, downloaded, bytes };
}

describe('Graph transport against the sandbox tenant', () => {
  it('crawls through a throttling storm with no early retry', async () => {
    // Eight at once, as in a real scan: the global pause must hold for requests in flight too.
    const config = sandboxGraphConfig(sandbox, { ruPerMinute: RU_PER_MINUTE, maxConcurrency: 8, maxRetries: 8 });
    const transport = createGraphTransport(config, { clock: createScaledClock(SCALE), baseBackoffMs: 200 });
    const result = await crawl(transport);
    await transport.close();
    const stats = sandbox.stats();

    expect(result.drives).toBeGreaterThanOrEqual(10);
    expect(result.files).toBeGreaterThan(20);
    expect(result.downloaded).toBeGreaterThanOrEqual(result.drives);
    expect(result.bytes).toBeGreaterThan(result.downloaded * 100);
    expect(stats.throttled.serviceUnavailable + stats.throttled.gatewayTimeout).toBeGreaterThan(0);
    expect(stats.earlyRetries).toEqual([]);
    // The budget bound the crawl, yet Graph never had to refuse for it: the client's bucket kept under the budget.
    expect(stats.throttled.resourceUnits).toBe(0);
    expect(transport.counters.resourceUnits).toBe(stats.resourceUnits);
    expect(stats.userAgents).toEqual(['ISV|Bewaarder|Bewaarder/0.1.0']);
    // The sandbox also counts the one token request.
    expect(stats.requests).toBe(transport.counters.requests + 1);
    expect(transport.counters.throttled).toBe(stats.throttled.total - stats.throttled.gatewayTimeout);
  });
});
