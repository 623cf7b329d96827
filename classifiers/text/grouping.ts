import type { KeywordHit } from './vocabulary.ts';

/**
 * Scratch space of groupByList, reused by every text (grouping runs to its end before anything else groups): per
 * list, its hit count and where its hits go in `placed`; the lists touched, in order of their first hit.
 */
let counts = new Int32Array(64);
let next = new Int32Array(64);
let touched = new Int32Array(64);
const placed: KeywordHit[] = [];

/**
 * The hits of every list, in an array by list index (undefined: no hits), each in text order. Each list's array is
 * a slice of exactly its size: grown by push, it would leave garbage (a list of two hits holds room for 17).
 */
export function groupByList(hits: readonly KeywordHit[], lists: number): (readonly KeywordHit[] | undefined)[] {
  // Sized by the number of lists up front (tens): filling it out of order would turn a growing array sparse.
  const byList = new Array<readonly KeywordHit[] | undefined>(lists);
  if (hits.length === 0) return byList;
  if (counts.length < lists) {
    counts = new Int32Array(lists);
    next = new Int32Array(lists);
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
  let total = 0;
  for (let t = 0; t < nTouched; t++) {
    const index = touched[t]!;
    next[index] = total;
    total += counts[index]!;
  }
  // Placed out of order below: room first (pushed, so the array stays packed and so do its slices).
  while (placed.length < total) placed.push(undefined as unknown as KeywordHit);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const indexes = hit.listIndexes;
    for (let k = 0; k < indexes.length; k++) placed[next[indexes[k]!]!++] = hit;
  }
  for (let t = 0; t < nTouched; t++) {
    const index = touched[t]!;
    const end = next[index]!;
    byList[index] = placed.slice(end - counts[index]!, end);
    counts[index] = 0;
  }
  // Drop the references: the scratch must not keep a text's hits alive.
  placed.fill(undefined as unknown as KeywordHit, 0, total);
  return byList;
}
