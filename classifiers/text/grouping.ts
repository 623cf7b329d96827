import type { KeywordHit } from './vocabulary.ts';

/**
 * Scratch space of groupByList, reused by every text (grouping runs to its end before anything else groups): per
 * list, its hit count, then the next free place in its array; the lists touched, in order of their first hit.
 */
let counts = new Int32Array(64);
let touched = new Int32Array(64);

/**
 * The hits of every list, in an array by list index (undefined: no hits), each in text order. Each list's array is
 * made at exactly its size and filled in place: grown by push, it would leave garbage (a list of two hits holds room
 * for 17).
 */
export function groupByList(hits: readonly KeywordHit[], lists: number): (readonly KeywordHit[] | undefined)[] {
  // Sized by the number of lists up front (tens): filling it out of order would turn a growing array sparse.
  const byList = new Array<KeywordHit[] | undefined>(lists);
  if (hits.length === 0) return byList;
  if (counts.length < lists) {
    counts = new Int32Array(lists);
    touched = new Int32Array(lists);
  }
  let nTouched = 0;
  for (let h = 0; h < hits.length; h++) {
    const indexes = hits[h]!.listIndexes;
    for (let k = 0; k < indexes.length; k++) {
      const index = indexes[k]!;
      const count = counts[index]!;
      if (count === 0) touched[nTouched++] = index;
      counts[index] = count + 1;
    }
  }
  for (let t = 0; t < nTouched; t++) {
    const index = touched[t]!;
    byList[index] = new Array<KeywordHit>(counts[index]!);
    counts[index] = 0; // from here: the next free place
  }
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const indexes = hit.listIndexes;
    for (let k = 0; k < indexes.length; k++) {
      const index = indexes[k]!;
      byList[index]![counts[index]!++] = hit;
    }
  }
  for (let t = 0; t < nTouched; t++) counts[touched[t]!] = 0;
  return byList;
}
