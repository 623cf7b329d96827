import type { CursorUpdate } from '../store/store.ts';

/** A listed page whose documents are being stored: how many writes are still to come for it. */
export interface TrackedPage {
  pending: number;
  cursor: string | null;
  last: boolean;
}

/**
 * Pages finish out of order (documents are classified concurrently), but a run's progress cursor may only pass a
 * page when that page and every page before it is stored: otherwise a crash would skip documents never written.
 * The writes are serialized, and each asks `done` just before it commits: the cursor it returns goes into that
 * same transaction.
 */
export class PageTracker {
  private readonly pages: TrackedPage[] = [];

  add(cursor: string | null, last: boolean, pending: number): TrackedPage {
    const page = { pending, cursor, last };
    this.pages.push(page);
    return page;
  }

  /** One write of `page` is about to commit: the cursor to commit with it, if it moves. */
  done(page: TrackedPage, writes = 1): CursorUpdate | undefined {
    page.pending -= writes;
    let update: CursorUpdate | undefined;
    while (this.pages.length && this.pages[0]!.pending <= 0) {
      const head = this.pages.shift()!;
      // The last page's cursor is where the *next* scan starts: finishing the run saves it, not the progress.
      if (!head.last) update = { cursor: head.cursor };
    }
    return update;
  }
}
