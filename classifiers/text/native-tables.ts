import type { Entry, HashedEntries } from './entries.ts';
import { encodeFilter, type PhraseFilter } from './phrase-filter.ts';
import type { WordHashTable } from './word-hash.ts';

/**
 * The vocabulary's one-word entries as the WebAssembly scanner reads them (see wasm/scan.as.ts): one hash table of
 * word hashes (exact words, prefixes and phrase groups together: a word costs one probe, and a slot is one cache
 * line), the entries of each group and their letters, and the phrase filters, in one block of bytes. The scanner
 * reports entries by their index in `entries`, phrases by their group in the phrase table.
 *
 * Layout (little-endian i32s, offsets in bytes from the block's start):
 *   header: word slots, mask | groups | entries | letters | filter starts | filters
 *   a word slot is 4 i32s: the hash, then its exact group, prefix group (offsets in i32s into `groups`, where each
 *   group's entry ids end with -1) and phrase group, each -1 when none (all three -1: an empty slot);
 *   `entries` holds (letters offset in u16s, length, capitalised) per entry; per phrase group, `filter starts` holds
 *   where its phrases' filters start in `filters` (one more: the end), and `filters` 4 i32s per phrase
 *   (phrase-filter.ts: encodeFilter).
 */
export interface NativeTables {
  block: Uint8Array;
  entries: Entry[];
}

const HEADER_INTS = 8;

/** The (hash, value) pairs of a table. */
function* pairs(table: WordHashTable): Generator<[number, number]> {
  for (let i = 0; i < table.values.length; i++) if (table.values[i] !== -1) yield [table.keys[i]!, table.values[i]!];
}

/** The word slots: every hash of the three tables, with its three values (-1 where a table lacks it). */
function wordSlots(exact: [number, number][], prefix: [number, number][], phrase: [number, number][]): { slots: Int32Array; mask: number } {
  const values = new Map<number, [number, number, number]>();
  const put = (list: [number, number][], field: 0 | 1 | 2) => {
    for (const [hash, value] of list) {
      let slot = values.get(hash);
      if (!slot) values.set(hash, (slot = [-1, -1, -1]));
      slot[field] = value;
    }
  };
  put(exact, 0);
  put(prefix, 1);
  put(phrase, 2);
  let size = 16;
  while (size < values.size * 2) size <<= 1;
  const slots = new Int32Array(size * 4).fill(-1);
  for (let i = 0; i < size; i++) slots[i * 4] = 0;
  const mask = size - 1;
  for (const [hash, [e, p, g]] of values) {
    let i = hash & mask;
    while (slots[i * 4 + 1]! !== -1 || slots[i * 4 + 2]! !== -1 || slots[i * 4 + 3]! !== -1) i = (i + 1) & mask;
    slots.set([hash, e, p, g], i * 4);
  }
  return { slots, mask };
}

export function buildNativeTables(
  exact: HashedEntries<Entry>,
  prefixes: HashedEntries<Entry>,
  phrases: { table: WordHashTable },
  phraseFilters: readonly (readonly PhraseFilter[])[],
): NativeTables {
  const entries: Entry[] = [];
  const groups: number[] = [];
  /** Each table's group numbers → offsets of their entry-id lists in `groups`. */
  const groupOffsets = (table: HashedEntries<Entry>) =>
    table.groups.map((group) => {
      const offset = groups.length;
      for (const entry of group) groups.push(entries.push(entry) - 1);
      groups.push(-1);
      return offset;
    });
  const exactOffsets = groupOffsets(exact);
  const prefixOffsets = groupOffsets(prefixes);
  const letters = entries.map((e) => e.word).join('');
  const { slots, mask } = wordSlots(
    [...pairs(exact.table)].map(([hash, group]) => [hash, exactOffsets[group]!]),
    [...pairs(prefixes.table)].map(([hash, group]) => [hash, prefixOffsets[group]!]),
    [...pairs(phrases.table)],
  );

  let size = HEADER_INTS * 4;
  const header = new Int32Array(HEADER_INTS);
  const place = (bytes: number) => {
    const at = size;
    size += bytes;
    return at;
  };
  const parts: { at: number; ints: Int32Array }[] = [];
  header[0] = place(slots.byteLength);
  parts.push({ at: header[0], ints: slots });
  header[1] = mask;
  header[2] = place(groups.length * 4);
  parts.push({ at: header[2], ints: Int32Array.from(groups) });
  const info = new Int32Array(entries.length * 3);
  let offset = 0;
  entries.forEach((e, id) => {
    info.set([offset, e.word.length, e.capitalised ? 1 : 0], id * 3);
    offset += e.word.length;
  });
  header[3] = place(info.byteLength);
  parts.push({ at: header[3], ints: info });
  header[4] = place(letters.length * 2);
  const filterStarts = new Int32Array(phraseFilters.length + 1);
  const filters: number[] = [];
  phraseFilters.forEach((group, g) => {
    filterStarts[g] = filters.length / 4;
    for (const filter of group) filters.push(...encodeFilter(filter));
    filterStarts[g + 1] = filters.length / 4;
  });
  header[5] = place(filterStarts.byteLength);
  parts.push({ at: header[5], ints: filterStarts });
  header[6] = place(filters.length * 4);
  parts.push({ at: header[6], ints: Int32Array.from(filters) });

  const block = new Uint8Array(size);
  const view = new DataView(block.buffer);
  const write = (at: number, ints: Int32Array) => ints.forEach((v, k) => view.setInt32(at + k * 4, v, true));
  write(0, header);
  for (const { at, ints } of parts) write(at, ints);
  for (let k = 0; k < letters.length; k++) view.setUint16(header[4] + k * 2, letters.charCodeAt(k), true);
  return { block, entries };
}
