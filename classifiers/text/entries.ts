import type { KeywordHit } from './vocabulary.ts';
import { WordHashTable } from './word-hash.ts';

/** A vocabulary entry as compiled: what to compare a text word with, and the lists that hold it. */
export interface Entry {
  /** The letters to compare with (without `*`). */
  word: string;
  display: string;
  owners: string[];
  /** Some list holds this entry as an exception (`!word`). */
  exception?: boolean;
  /** Every list that holds this entry wants capitalised words only. */
  capitalised?: boolean;
  /** Its owners' indexes (Vocabulary.listIndex), set once the vocabulary is complete: what its hits carry. */
  listIndexes?: readonly number[];
}

/** Marks an exception entry's owner: `list!` (see Vocabulary). */
export const EXCEPTION = '!';

/** Groups of entries under one 32-bit hash (collisions are confirmed by comparing strings). */
export class HashedEntries<E extends Entry> {
  readonly groups: E[][] = [];
  private readonly byHash = new Map<number, number>();
  table = new WordHashTable(16);

  add(hash: number, entry: E): void {
    const index = this.byHash.get(hash);
    if (index === undefined) {
      this.byHash.set(hash, this.groups.length);
      this.groups.push([entry]);
    } else this.groups[index]!.push(entry);
  }

  seal(): void {
    this.table = new WordHashTable(this.byHash.size);
    for (const [hash, index] of this.byHash) this.table.set(hash, index);
  }
}

/**
 * Removes the lists named by exception hits (`list!`) from the other hits of the same word, and the exceptions.
 * `indexesOf` gives the list indexes of a hit's remaining lists.
 */
export function applyExceptions(hits: KeywordHit[], from: number, indexesOf: (owners: readonly string[]) => readonly number[]): void {
  const excluded = new Set<string>();
  for (let k = from; k < hits.length; k++) {
    for (const owner of hits[k]!.listIds) if (owner.endsWith(EXCEPTION)) excluded.add(owner.slice(0, -1));
  }
  if (excluded.size === 0) return;
  const kept: KeywordHit[] = [];
  for (const hit of hits.splice(from)) {
    const owners = hit.listIds.filter((o) => !o.endsWith(EXCEPTION) && !excluded.has(o));
    if (owners.length === hit.listIds.length) kept.push(hit);
    else if (owners.length) kept.push({ start: hit.start, end: hit.end, entry: hit.entry, listIds: owners, listIndexes: indexesOf(owners) });
  }
  hits.push(...kept);
}

