import type { Store } from '../../src/store/store.ts';

/**
 * Everything a store holds about the documents that should come out the same whatever happened during the scan
 * (interrupted, killed, failed and rerun): per location its status, size, error and whole classification. Ids
 * and times are left out: they depend on the order of events, not on the outcome.
 */
export async function snapshot(store: Store) {
  const docs = [];
  for (const status of ['classified', 'error', 'deleted'] as const) {
    for await (const d of store.listDocuments({ status })) {
      docs.push({ location: d.location, itemId: d.itemId, status: d.status, size: d.size, error: d.error, classification: d.classification });
    }
  }
  return docs.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}
