import { createRetention, type Retention } from '../../src/retention/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { DisposalDates } from './write-back.ts';

/**
 * Write-back's disposal dates from retention: the documents are (re)scheduled first — they were classified a moment
 * ago — and each one's dispose-after date (an extension included) goes on the document. A document whose policy
 * waits for an event date gets none until a records manager sets it (`bewaarder set-trigger`).
 */
export function retentionDisposalDates(store: Store, given?: Retention): DisposalDates {
  let retention = given;
  // Sources are written back a few at once; one scheduling pass at a time is enough for all of them.
  let scheduling: Promise<unknown> = Promise.resolve();
  return async function disposalDates(documentIds) {
    // Made on first use: a scan without anything to write back never loads the policies.
    retention ??= createRetention(store);
    const r = retention;
    scheduling = scheduling.catch(() => undefined).then(() => r.schedule());
    await scheduling;
    const dates = new Map<number, string>();
    if (!documentIds.length) return dates;
    for (const d of await store.scheduled({ documentIds })) if (d.disposeAfter) dates.set(d.documentId, d.disposeAfter);
    return dates;
  };
}
