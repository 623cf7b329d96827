import type { Entry, HashedEntries } from './entries.ts';
import type { WordHashTable } from './word-hash.ts';

/**
 * The vocabulary's one-word entries as the WebAssembly scanner reads them (see wasm/scan.as.ts): its three hash
 * tables (exact words, prefixes, phrase groups), the entries of each group and their letters, in one block of
 * bytes. The scanner reports entries by their index in `entries`, phrases by their group in the phrase table.
 *
 * Layout (little-endian i32s, offsets in bytes from the block's start):
 *   header: exact keys, values, mask | prefix keys, values, mask | phrase keys, values, mask | groups | entries | letters
 *   a table's values are offsets (in i32s) into `groups`, where each group's entry ids end with -1 (phrase tables
 *   keep their group numbers); `entries` holds (letters offset in u16s, length, capitalised) per entry.
 */
export interface NativeTables {
  block: Uint8Array;
  entries: Entry[];
}

const HEADER_INTS = 12;

export function buildNativeTables(exact: HashedEntries<Entry>, prefixes: HashedEntries<Entry>, phrases: { table: WordHashTable }): NativeTables {
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

  const tables = [
    { table: exact.table, remap: exactOffsets },
    { table: prefixes.table, remap: prefixOffsets },
    { table: phrases.table, remap: undefined },
  ];
  let size = HEADER_INTS * 4;
  const header = new Int32Array(HEADER_INTS);
  const place = (bytes: number) => {
    const at = size;
    size += bytes;
    return at;
  };
  const parts: { at: number; ints: Int32Array }[] = [];
  tables.forEach(({ table, remap }, t) => {
    const values = remap ? table.values.map((v) => (v < 0 ? v : remap[v]!)) : table.values;
    header[t * 3] = place(table.keys.byteLength);
    parts.push({ at: header[t * 3]!, ints: table.keys });
    header[t * 3 + 1] = place(values.byteLength);
    parts.push({ at: header[t * 3 + 1]!, ints: values });
    header[t * 3 + 2] = table.mask;
  });
  header[9] = place(groups.length * 4);
  parts.push({ at: header[9], ints: Int32Array.from(groups) });
  const info = new Int32Array(entries.length * 3);
  let offset = 0;
  entries.forEach((e, id) => {
    info.set([offset, e.word.length, e.capitalised ? 1 : 0], id * 3);
    offset += e.word.length;
  });
  header[10] = place(info.byteLength);
  parts.push({ at: header[10], ints: info });
  header[11] = place(letters.length * 2);

  const block = new Uint8Array(size);
  const view = new DataView(block.buffer);
  const write = (at: number, ints: Int32Array) => ints.forEach((v, k) => view.setInt32(at + k * 4, v, true));
  write(0, header);
  for (const { at, ints } of parts) write(at, ints);
  for (let k = 0; k < letters.length; k++) view.setUint16(header[11] + k * 2, letters.charCodeAt(k), true);
  return { block, entries };
}
