import type { Item } from '../../connectors/connector.ts';
import type { CursorUpdate, DocumentRecord, Store } from '../store/store.ts';
import { SerialQueue } from './limiter.ts';
import { PageTracker, type TrackedPage } from './page-tracker.ts';

/** A transaction holds this many documents at most... */
const BATCH = 64;
/** ...and a document waits this long for others to join it (a kill loses at most that much work, never data). */
const BATCH_MS = 15;

export interface WriterEvents {
  /** After each commit, with what it held. */
  committed(what: { records: readonly DocumentRecord[]; seen: number; removed: number }): void;
}

/**
 * The scan's only path to the store. Writes run one at a time, in order; documents that finish while a write is
 * running are grouped into the next one (group commit: one transaction for many documents when they come fast,
 * one for one when they come slowly). Before each commit the page tracker says how far the cursor may move, and
 * that cursor is committed in the same transaction.
 */
export class ResultWriter {
  private readonly queue = new SerialQueue();
  private readonly tracker = new PageTracker();
  private pending: { page: TrackedPage; record: DocumentRecord | undefined }[] = [];
  private flushQueued = false;
  private timer: NodeJS.Timeout | undefined;
  private lastFlush: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly runId: number,
    private readonly events: WriterEvents,
  ) {}

  get failure(): unknown {
    return this.queue.failure;
  }

  /** A listed page: `writes` is how many `seen`/`removed`/`document` calls will be made for it. */
  page(cursor: string | null, last: boolean, writes: number): TrackedPage {
    return this.tracker.add(cursor, last, writes);
  }

  seen(page: TrackedPage, items: readonly Item[]): void {
    void this.queue.push(async () => {
      await this.store.recordSeen(this.runId, items, this.tracker.done(page));
      this.events.committed({ records: [], seen: items.length, removed: 0 });
    });
  }

  removed(page: TrackedPage, ids: readonly string[]): void {
    void this.queue.push(async () => {
      const removed = await this.store.recordRemoved(this.runId, ids, this.tracker.done(page));
      this.events.committed({ records: [], seen: 0, removed });
    });
  }

  /**
   * A document's outcome (nothing for one that vanished). Resolves once it is handed over, or, when a full batch
   * is waiting, once that batch is written: the caller holds its slot until then, so memory stays flat.
   */
  document(page: TrackedPage, record: DocumentRecord | undefined): Promise<void> {
    this.pending.push({ page, record });
    if (this.pending.length >= BATCH) return this.flushNow();
    this.timer ??= setTimeout(() => void this.flushNow(), BATCH_MS);
    return Promise.resolve();
  }

  private flushNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.flushQueued) {
      this.flushQueued = true;
      this.lastFlush = this.queue.push(() => this.flush());
    }
    return this.lastFlush;
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending;
    this.pending = [];
    let cursor: CursorUpdate | undefined;
    for (const { page } of batch) cursor = this.tracker.done(page) ?? cursor;
    const records = batch.flatMap((b) => (b.record ? [b.record] : []));
    if (records.length) await this.store.recordDocuments(this.runId, records, cursor);
    else if (cursor) await this.store.recordSeen(this.runId, [], cursor);
    this.events.committed({ records, seen: 0, removed: 0 });
  }

  /** Writes what is waiting and everything queued before it. */
  async drain(): Promise<void> {
    if (this.pending.length) await this.flushNow();
    await this.queue.drain();
  }
}
