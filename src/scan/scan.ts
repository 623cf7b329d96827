import { availableParallelism, hostname } from 'node:os';
import type { Connector, Item } from '../../connectors/connector.ts';
import { classifyDocument } from '../classify-document.ts';
import { DEFAULT_LIMITS } from '../extract/types.ts';
import { osUser } from '../store/os-user.ts';
import type { KnownDocument, Store } from '../store/store.ts';
import { unchangedUnread } from './decide.ts';
import { Limiter } from './limiter.ts';
import type { TrackedPage } from './page-tracker.ts';
import { readAhead } from './read-ahead.ts';
import { readItem, type ClassifyBytes, type ReadContext } from './read-item.ts';
import { emptyCounts, type ScanCounts, type ScanSummary } from './summary.ts';
import { ResultWriter } from './writer.ts';

/** Items listed ahead of the classification at most (a few MB of metadata). */
const READ_AHEAD = 10_000;

export interface ScanOptions {
  /** Documents read and classified at once. Default: two per core (extraction runs on worker threads). */
  concurrency?: number;
  /** Items per listed page, the unit of saved progress (default: the connector's). */
  pageSize?: number;
  /** Larger documents are not read (an error "too large"). */
  maxBytes?: number;
  /** Classify everything again, changed or not (after a rules update). */
  reclassify?: boolean;
  /** Stops cleanly: no new documents, the ones in flight are stored, the run can be resumed. */
  signal?: AbortSignal;
  /** Called whenever a count changes (cheap; a renderer should throttle); `listed`: the total is known. */
  onProgress?: (counts: Readonly<ScanCounts>, listed: boolean) => void;
  /** Who asked, for the audit log. Default: the OS user. */
  actor?: string;
  /** The classifier (tests count calls). Default: classifyDocument with its extraction sandbox. */
  classify?: ClassifyBytes;
}

/**
 * Scans a source into the store: lists it page by page, skips what is unchanged since it was classified (version
 * and size, then the content hash), reads and classifies the rest a few at a time, and stores the results —
 * every transaction holding whole documents and the progress cursor they allow. Killed at any moment, a rerun
 * resumes the same run from the last stored page: nothing is lost, nothing twice. Documents missing from a complete
 * listing are marked deleted; a renamed or moved one keeps its record and classification.
 */
export async function scan(connector: Connector, store: Store, options: ScanOptions = {}): Promise<ScanSummary> {
  const started = performance.now();
  const actor = options.actor ?? osUser();
  const sourceId = await store.source(connector.source);
  const { run, resumed } = await store.startRun(sourceId, { pid: process.pid, host: hostname() });
  await store.appendAudit({ actor, action: 'scan.started', subject: connector.source.root, details: { run: run.id, resumed } });

  const counts = emptyCounts();
  const context: ReadContext = {
    connector,
    hasher: store.hasher,
    classify: options.classify ?? ((bytes, name) => classifyDocument(bytes, name)),
    maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    reclassify: options.reclassify ?? false,
    counters: counts,
  };
  const limiter = new Limiter(Math.max(1, options.concurrency ?? availableParallelism() * 2));
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const unreadable: string[] = [];
  let resync = false; // a delta source is listing everything (first listing or resync): sweep what it misses
  let listed = false; // every page listed and dispatched
  let allFound = false; // every page listed (the total is known)
  let nextCursor: string | null = null;
  const progress = () => options.onProgress?.(counts, allFound);
  const writer = new ResultWriter(store, run.id, {
    committed({ records, seen, removed }) {
      counts.skipped += seen;
      counts.deleted += removed;
      for (const r of records) {
        if (r.outcome.kind === 'error') counts.errors++;
        else if (r.outcome.kind === 'unchanged') counts.skipped++;
      }
      progress();
    },
  });
  const stopped = () => options.signal?.aborted === true || writer.failure !== undefined;

  function dispatch(page: TrackedPage, item: Item, prev: KnownDocument | undefined): void {
    const task = readItem(item, prev, context)
      .then((record) => writer.document(page, record))
      .catch((error: unknown) => {
        failure ??= error; // not a document's fault (those are records): stop the scan
      })
      .finally(() => {
        limiter.release();
        inFlight.delete(task);
      });
    inFlight.add(task);
  }

  try {
    const pages = readAhead(connector.enumerate(run.cursor, options.pageSize ? { pageSize: options.pageSize } : {}), READ_AHEAD, (page) => {
      counts.found += page.items.length;
      allFound ||= page.last;
      progress();
    });
    listing: for await (const page of pages) {
      if (stopped() || failure !== undefined) break;
      for (const u of page.unreadable ?? []) unreadable.push(u.location);
      resync ||= page.resync === true;
      const known = await store.knownDocuments(sourceId, page.items.map((i) => i.id));
      const seen: Item[] = [];
      const toRead: Item[] = [];
      for (const item of page.items) {
        const prev = known.get(item.id);
        if (prev && !prev.deleted && prev.location !== item.location) counts.moved++;
        // A size the listing does not know (0: a message) keeps the size last read, which the same content has.
        if (!context.reclassify && unchangedUnread(prev, item, store.hasher)) seen.push(prev && item.size === 0 ? { ...item, size: prev.size } : item);
        else toRead.push(item);
      }
      const removed = page.removed ?? [];
      // Every page gets at least one write, so its cursor is committed even when nothing in it changed.
      const writeSeen = seen.length > 0 || (toRead.length === 0 && removed.length === 0);
      const tracked = writer.page(page.nextCursor, page.last, toRead.length + (writeSeen ? 1 : 0) + (removed.length ? 1 : 0));
      if (writeSeen) writer.seen(tracked, seen);
      if (removed.length) writer.removed(tracked, removed);
      for (const item of toRead) {
        await limiter.acquire();
        if (stopped() || failure !== undefined) {
          limiter.release();
          break listing; // this page's cursor is never committed: a rerun lists it again
        }
        dispatch(tracked, item, known.get(item.id));
      }
      progress();
      if (page.last) {
        listed = true;
        nextCursor = page.nextCursor;
      }
    }
  } catch (error) {
    failure = error;
  }
  await Promise.all(inFlight);
  await writer.drain();
  failure ??= writer.failure;

  const interrupted = failure === undefined && !listed;
  const complete = listed && failure === undefined && unreadable.length === 0;
  const status = failure !== undefined ? 'failed' : interrupted ? 'interrupted' : 'completed';
  const summary: ScanSummary = {
    ...counts,
    seconds: 0,
    status,
    run: run.id,
    resumed,
    complete,
    ...(unreadable.length ? { unreadable } : {}),
  };
  try {
    const { deleted } = await store.finishRun(run.id, {
      status,
      counts: { ...counts },
      ...(status === 'completed' ? { nextCursor } : {}),
      sweepUnseen: (connector.listing === 'full' || resync) && complete,
    });
    summary.deleted += deleted;
    summary.seconds = Math.round(performance.now() - started) / 1000;
    await store.appendAudit({ actor, action: 'scan.finished', subject: connector.source.root, details: { ...summary } });
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) throw failure;
  summary.seconds = Math.round(performance.now() - started) / 1000;
  return summary;
}
