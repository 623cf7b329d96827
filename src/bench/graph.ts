import { createScaledClock } from '../../connectors/graph/clock.ts';
import { scanTenant, type TenantSummary } from '../../connectors/tenant/index.ts';
import { startDemoTenant } from '../cli/demo-sandbox.ts';
import type { DocumentClassification } from '../classify-document.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../store/sqlite/index.ts';

/**
 * `npm run bench -- graph`: what a tenant scan costs in Graph requests and how close it runs to the throttling
 * budget, against the sandbox tenant with a generated tenant (BENCH_GRAPH_ITEMS, default 5,000 documents and
 * messages) over HTTPS, through MSAL and the real transport. Time is scaled (both sides: a simulated second lasts
 * BENCH_GRAPH_SECOND_MS real ms) so a budget of 1,200 resource units per minute runs in about a minute. The
 * classifier is a constant (this measures the crawl; classification has its own section).
 */
const ITEMS = Number(process.env.BENCH_GRAPH_ITEMS ?? 5000);
const BUDGET = 1200;

const constant = async (): Promise<DocumentClassification> => ({
  label: 'geen',
  labelReason: 'bench',
  documentType: 'overig',
  documentTypeConfidence: 0,
  documentTypeReason: 'bench',
  categories: [],
  findings: [],
  hints: [],
  kind: 'text',
  parts: [],
  warnings: [],
} as unknown as DocumentClassification);

export async function graphBench(): Promise<void> {
  // Roughly 1.05 RU per item: aim the simulated scan at ~60 s of real time, whatever the size.
  const simulatedMinutes = Math.max(0.5, (ITEMS * 1.05 - BUDGET) / BUDGET);
  const secondMs = Number(process.env.BENCH_GRAPH_SECOND_MS ?? Math.max(5, Math.round(60_000 / (simulatedMinutes * 60))));
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-bench-graph-'));
  const tenant = await startDemoTenant({ generate: { items: ITEMS }, secondUnitMs: secondMs, clock: createScaledClock(secondMs / 1000), ruPerMinute: BUDGET });
  const store = openSqliteStore(join(dir, 'b.db'), { key: new Uint8Array(32).fill(1) });
  const earlyRetries = () => tenant.sandbox.stats().earlyRetries.length;
  try {
    console.log(`Generated tenant: ${ITEMS.toLocaleString('en-US')} items; budget ${BUDGET} RU per simulated minute; 1 simulated second = ${secondMs} ms.`);
    const started = performance.now();
    const full = await scanTenant(tenant.transport, store, { scan: { classify: constant }, earlyRetries, concurrency: 6 });
    const realMs = performance.now() - started;
    report('full scan', full);
    const perDoc = full.graphRequests / full.documents;
    console.log(`  requests per document: ${perDoc.toFixed(3)} (goal ≤ 1.1) ${perDoc <= 1.1 ? 'within goal' : 'OVER GOAL'}`);
    // The budget-bound maximum: documents per minute = budget / RU per document, in the steady state (the
    // tenant's first minute starts with a full bucket; a scan of hours does not live on that).
    const minutes = realMs / (60 * secondMs);
    const efficiency = full.resourceUnits / (BUDGET * minutes);
    const perMinute = full.documents / minutes;
    const bound = BUDGET / (full.resourceUnits / full.documents);
    console.log(`  ${full.resourceUnits} RU in ${minutes.toFixed(2)} simulated minutes (${(realMs / 1000).toFixed(1)} s real): ` +
      `${perMinute.toFixed(0)} documents per minute vs the budget-bound maximum ${bound.toFixed(0)} → ${(efficiency * 100).toFixed(1)} % ` +
      `(goal ≥ 90 %) ${efficiency >= 0.9 ? 'within goal' : 'BELOW GOAL'}`);

    const before = tenant.transport.counters.requests;
    const rescan = await scanTenant(tenant.transport, store, { scan: { classify: constant }, earlyRetries, concurrency: 6 });
    report('rescan, unchanged tenant', rescan);
    let folders = 0;
    const mailboxes = new Set<number>();
    for await (const d of store.listDocuments()) if (d.source.kind === 'mail') mailboxes.add(await store.source(d.source));
    for (const id of mailboxes) folders += (await store.folders(id)).size;
    const drives = rescan.sources.sharepoint.sources + rescan.sources.onedrive.sources;
    const units = drives + folders + rescan.sources.mail.sources;
    const used = tenant.transport.counters.requests - before;
    console.log(`  ${used} requests for ${drives} drives and ${folders} mail folders in ${rescan.sources.mail.sources} mailboxes ` +
      `(goal: one per drive or mail folder = ${drives + folders}; plus one folder delta per mailbox and discovery: ${used - units})`);
  } finally {
    await store.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, s: TenantSummary): void {
  console.log(`${name}: ${s.documents} documents, ${s.classified} classified, ${s.graphRequests} requests, ${s.resourceUnits} RU, ` +
    `${s.throttled} throttled, ${s.retried} retried, ${s.earlyRetries} early retries, status ${s.status}`);
}
