import type { GraphTransport } from '../graph/transport.ts';
import { scan, type ScanOptions } from '../../src/scan/scan.ts';
import { emptyCounts, type ScanCounts } from '../../src/scan/summary.ts';
import type { Store } from '../../src/store/store.ts';
import { discoverTenant, type TenantDiscovery, type TenantSource } from './discover.ts';
import { retentionDisposalDates } from './disposal-dates.ts';
import { connectorFor, storeFolders } from './source-connector.ts';
import { addCounts, emptyTenantSummary, graphFigures, type TenantSummary } from './summary.ts';
import { writeBackLabels, type DisposalDates } from './write-back.ts';

export interface TenantProgress {
  counts: Readonly<ScanCounts>;
  /** Every source listed to the end (the total is known). */
  listed: boolean;
  sourcesDone: number;
  sourcesTotal: number;
  graphRequests: number;
}

export interface TenantScanOptions {
  /** Sources scanned at once (default 4); per-mailbox and tenant-wide limits are the transport's. */
  concurrency?: number;
  /** Write label, type and disposal date back to the documents (opt-in). */
  writeBack?: boolean;
  /** The dates write-back puts on documents; default: retention's schedule over the same store. */
  disposalDates?: DisposalDates;
  signal?: AbortSignal;
  onProgress?: (progress: TenantProgress) => void;
  /** Passed to every source's scan (classifier, documents at once per source, size limit, actor). */
  scan?: Pick<ScanOptions, 'classify' | 'concurrency' | 'maxBytes' | 'actor' | 'reclassify' | 'pageSize'>;
  /** The sandbox's count of retries before Retry-After ran out; a real tenant does not tell (0). */
  earlyRetries?: () => number;
  /** Sources found earlier (tests); default: discovered now. */
  discovery?: TenantDiscovery;
}

/**
 * Scans a whole tenant: discovers every library, OneDrive and mailbox, runs the resumable scan of each (a few at
 * once), optionally writes the labels back, and sums it up. Stopped or killed, a rerun resumes every source from its
 * own cursor. One source failing (after the transport's retries) does not stop the others.
 */
export async function scanTenant(transport: GraphTransport, store: Store, options: TenantScanOptions = {}): Promise<TenantSummary> {
  const started = performance.now();
  const atStart = { ...transport.counters };
  const summary = emptyTenantSummary();
  const discovery = options.discovery ?? (await discoverTenant(transport, options.signal ? { signal: options.signal } : {}));
  summary.skippedUsers = discovery.skipped;
  const disposalDates = options.writeBack ? (options.disposalDates ?? retentionDisposalDates(store)) : undefined;
  const live = new Map<TenantSource, Readonly<ScanCounts>>();
  const listed = new Set<TenantSource>();
  let done = 0;
  const progress = () => {
    if (!options.onProgress) return;
    const counts = emptyCounts();
    for (const c of live.values()) addCounts(counts, c);
    options.onProgress({ counts, listed: listed.size === discovery.sources.length, sourcesDone: done, sourcesTotal: discovery.sources.length, graphRequests: transport.counters.requests - atStart.requests });
  };

  async function scanOne(source: TenantSource): Promise<void> {
    // With its title and web address, so the review screen names the library and links into it.
    const sourceId = await store.source({ kind: source.kind, root: source.root, title: source.title, ...(source.webUrl ? { webUrl: source.webUrl } : {}) });
    const connector = connectorFor(transport, source, storeFolders(store, sourceId));
    const kind = summary.sources[source.kind];
    kind.sources++;
    try {
      const result = await scan(connector, store, {
        ...options.scan,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress(counts, all) {
          live.set(source, counts);
          if (all) listed.add(source);
          progress();
        },
      });
      live.set(source, { ...result });
      listed.add(source);
      kind.classified += result.classified;
      kind.errors += result.errors;
      if (result.status === 'interrupted') summary.status = summary.status === 'failed' ? 'failed' : 'interrupted';
      if (options.writeBack && result.status === 'completed' && !options.signal?.aborted) {
        const written = await writeBackLabels(connector, store, sourceId, { ...(disposalDates ? { disposalDates } : {}), ...(options.signal ? { signal: options.signal } : {}) });
        summary.labelsWritten += written.written;
        summary.labelWritesFailed += written.failed;
      }
    } catch (error) {
      summary.status = 'failed';
      summary.failedSources.push({ kind: source.kind, root: source.root, reason: (error as Error).message });
    }
    for await (const _ of store.listDocuments({ sourceId })) kind.documents++;
    done++;
    progress();
  }

  const queue = [...discovery.sources];
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) }, async () => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      if (options.signal?.aborted) {
        summary.status = summary.status === 'failed' ? 'failed' : 'interrupted';
        return;
      }
      await scanOne(source);
    }
  });
  await Promise.all(workers);

  for (const c of live.values()) addCounts(summary, c);
  for (const k of Object.values(summary.sources)) summary.documents += k.documents;
  Object.assign(summary, graphFigures(transport.counters, atStart));
  summary.earlyRetries = options.earlyRetries?.() ?? 0;
  summary.seconds = Math.round(performance.now() - started) / 1000;
  return summary;
}
