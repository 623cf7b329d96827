import { isConnectorError, type Connector, type Item, type ItemLabels } from '../connector.ts';
import type { Store } from '../../src/store/store.ts';

export interface WriteBackResult {
  written: number;
  /** Documents whose labels could not be written (gone, locked, not allowed): tried again next scan. */
  failed: number;
}

/** Disposal dates per document id, from retention when it has scheduled them. */
export type DisposalDates = (documentIds: readonly number[]) => Promise<Map<number, string>>;

/**
 * Puts each classified document's label, type and disposal date on the document in the source (SharePoint
 * columns, a mail category), once: what was written is recorded per item, so a rescan writes only what changed.
 * The writes change the item's eTag, not its content: the stored version follows the write, and the next scan sees
 * the item unchanged.
 */
export async function writeBackLabels(connector: Connector, store: Store, sourceId: number, options: { disposalDates?: DisposalDates; signal?: AbortSignal } = {}): Promise<WriteBackResult> {
  const written = await store.writtenLabels(sourceId);
  // Collected first: the store's listing is a live cursor, and the writes below record into the same database.
  const documents: { id: number; item: Item; labels: ItemLabels }[] = [];
  for await (const d of store.listDocuments({ sourceId })) {
    if (d.status !== 'classified' || !d.classification) continue;
    const item: Item = { id: d.itemId, name: d.name, location: d.location, size: d.size, version: d.version, modified: d.modified ?? d.scannedAt };
    documents.push({ id: d.id, item, labels: { label: d.classification.label, documentType: d.classification.documentType } });
  }
  const dates = options.disposalDates ? await options.disposalDates(documents.map((d) => d.id)) : new Map<number, string>();
  const result: WriteBackResult = { written: 0, failed: 0 };
  for (const { id, item, labels } of documents) {
    if (options.signal?.aborted) break;
    const date = dates.get(id);
    if (date) labels.disposeAfter = date;
    const record = JSON.stringify(labels);
    if (written.get(item.id) === record) continue;
    let version: string | void;
    try {
      version = await connector.writeLabel(item, labels);
    } catch (error) {
      if (isConnectorError(error)) {
        result.failed++;
        continue;
      }
      throw error;
    }
    // The write moved the eTag or change key: the stored version follows, or the purge would see our own write as
    // someone else's change (If-Match → 412) and send the document back to review.
    await store.recordWrittenLabels(sourceId, item.id, record, version ? { from: item.version, to: version } : undefined);
    result.written++;
  }
  return result;
}
