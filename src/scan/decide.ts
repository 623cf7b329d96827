import type { Item } from '../../connectors/connector.ts';
import type { KeyedHasher } from '../store/keyed-hash.ts';
import { sourceHashOf, type KnownDocument } from '../store/store.ts';

/**
 * Before reading: is the item certainly unchanged since it was classified? Same version and size, or the same
 * content hash from the source itself. A document whose last read failed at the source is always read again.
 */
export function unchangedUnread(prev: KnownDocument | undefined, item: Item, hasher: KeyedHasher): boolean {
  if (!prev || (prev.state === 'error' && prev.errorStage !== 'extract')) return false;
  if (prev.version === item.version && prev.size === item.size) return true;
  const sourceHash = sourceHashOf(hasher, item);
  return sourceHash !== undefined && sourceHash === prev.sourceHash;
}

/** After reading: the content is what was classified before (the version moved, the bytes did not). */
export function unchangedContent(prev: KnownDocument | undefined, contentHash: string): boolean {
  return prev !== undefined && prev.contentHash === contentHash && (prev.state === 'classified' || prev.errorStage === 'extract');
}
