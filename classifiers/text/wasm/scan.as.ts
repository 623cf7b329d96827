// The shared text scan in WebAssembly (AssemblyScript; build: `npm run build:wasm`). It does what must touch every
// character — finding words and digit runs — and also resolves the vocabulary's one-word entries at native speed:
// a word whose hash passes the Bloom filter is looked up in the entry hash tables and confirmed letter by letter,
// so JavaScript receives entry ids (and only builds the hits). Phrases stay in JavaScript: for a word that starts
// a phrase group the scanner hands over the group. It must agree exactly with the JavaScript scanner in
// ../vocabulary.ts and ../scanned-text.ts; a conformance test runs both on the same texts.
//
// Memory layout (set up by scanner.ts):
//   [FILTER, FILTER + 2^15)   Bloom filter over word and prefix hashes (2^18 bits: 32 KB, in L1 cache)
//   [LENGTHS, LENGTHS + 65)   1 where some prefix entry has that length
//   [TRIGRAMS, TRIGRAMS + 4096) one bit per first three letters of a prefix entry (TRIGRAMS + 4096: 1 = probe always)
//   text at `textPtr` (UTF-16 code units); the entry tables at `tablesPtr` (native-tables.ts: a header of pointers,
//   three open-addressing hash tables, entry groups, entry letters); outputs at `recordsPtr` (per resolved word:
//   start, end, phrase group or -1, n, then n entry ids: the whole word's, then its prefixes' longest first) and
//   `digitsPtr` (pairs of i32: start, end)

const FILTER: usize = 0;
const LENGTHS: usize = 1 << 15;
const MAX_WORD: i32 = 64;
const FILTER_BITS: u32 = 18;
const TRIGRAMS: usize = LENGTHS + 128;
/** Room for the prefix entries of one word (at most one per length up to MAX_WORD). */
const PREFIX_STACK: usize = TRIGRAMS + 4096 + 16;

let recordLength: i32 = 0;
let digitCount: i32 = 0;

/** The number of i32s written at `recordsPtr` by the last scan. */
export function records(): i32 {
  return recordLength;
}

export function digitRuns(): i32 {
  return digitCount;
}

@inline
function isLetter(c: u32): bool {
  const lower = c | 32;
  if (lower >= 97 && lower <= 122) return true;
  return c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7;
}

@inline
function lowerCode(c: u32): u32 {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c != 0xd7)) return c + 32;
  return c;
}

@inline
function mayHit(hash: i32): bool {
  const h = <u32>hash;
  const bit = (h ^ (h >>> FILTER_BITS)) & ((1 << FILTER_BITS) - 1);
  return (load<u8>(FILTER + (bit >>> 3)) & (<u8>1 << <u8>(bit & 7))) != 0;
}

/** 5 bits of a lower-case letter for the trigram table (a–z as 1–26, other letters folded into 27–31). */
@inline
function letterBits(c: u32): u32 {
  return c >= 97 && c <= 122 ? c - 96 : 27 + (c % 5);
}

@inline
function isDigit(c: u32): bool {
  return c >= 48 && c <= 57;
}

@inline
function isSeparator(c: u32): bool {
  return c == 32 || c == 46 || c == 45 || c == 47; // space . - /
}

// Header of the entry tables (i32 offsets from tablesPtr, see native-tables.ts).
const EXACT = 0; // keys, values, mask
const PREFIX = 3;
const PHRASE = 6;
const GROUPS = 9; // entry ids per group, -1 terminated; a table value is an offset here
const ENTRIES = 10; // per entry: letters offset, length, capitalised
const LETTERS = 11; // u16 lower-case letters of every entry

@inline
function header(tables: usize, field: i32): usize {
  return tables + <usize>load<i32>(tables + (<usize>field << 2));
}

/** The value stored for `hash` in one of the open-addressing tables, or -1. */
function lookup(tables: usize, table: i32, hash: i32): i32 {
  const keys = header(tables, table);
  const values = header(tables, table + 1);
  const mask = <u32>load<i32>(tables + (<usize>(table + 2) << 2));
  let i = <u32>hash & mask;
  let v = load<i32>(values + (<usize>i << 2));
  while (v != -1 && load<i32>(keys + (<usize>i << 2)) != hash) {
    i = (i + 1) & mask;
    v = load<i32>(values + (<usize>i << 2));
  }
  return v;
}

@inline
function isCapital(c: u32): bool {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

/**
 * The first entry of the group whose letters equal the text's [start, start + len), lower-cased, if its case rule
 * allows the word (capitalised-only entries need a capital first letter); else -1. As Vocabulary.matchWord.
 */
function confirm(tables: usize, group: i32, textPtr: usize, start: i32, len: i32): i32 {
  let at = header(tables, GROUPS) + (<usize>group << 2);
  const entries = header(tables, ENTRIES);
  const letters = header(tables, LETTERS);
  for (let id = load<i32>(at); id != -1; at += 4, id = load<i32>(at)) {
    const info = entries + <usize>id * 12;
    if (load<i32>(info + 4) != len) continue;
    const word = letters + (<usize>load<i32>(info) << 1);
    let same = true;
    for (let k: i32 = 0; k < len; k++) {
      if (lowerCode(<u32>load<u16>(textPtr + (<usize>(start + k) << 1))) != <u32>load<u16>(word + (<usize>k << 1))) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (load<i32>(info + 8) != 0 && !isCapital(<u32>load<u16>(textPtr + (<usize>start << 1)))) return -1;
    return id;
  }
  return -1;
}

/** Scans `length` code units at `textPtr`; returns the number of code units read (all of them). */
export function scan(textPtr: usize, length: i32, tables: usize, recordsPtr: usize, recordsCapacity: i32, digitsPtr: usize, digitsCapacity: i32, wantWords: bool, wantDigits: bool): i32 {
  recordLength = 0;
  digitCount = 0;
  let i: i32 = 0;
  while (i < length) {
    let c = <u32>load<u16>(textPtr + (<usize>i << 1));
    if (wantDigits && isDigit(c)) {
      // A digit run: digits, single separators allowed between two digits (as /\d(?:[ .\-/]?\d)*/).
      const start = i;
      i++;
      while (i < length) {
        c = <u32>load<u16>(textPtr + (<usize>i << 1));
        if (isDigit(c)) {
          i++;
        } else if (isSeparator(c) && i + 1 < length && isDigit(<u32>load<u16>(textPtr + (<usize>(i + 1) << 1)))) {
          i += 2;
        } else break;
      }
      if (digitCount < digitsCapacity) {
        store<i32>(digitsPtr + (<usize>digitCount << 3), start);
        store<i32>(digitsPtr + (<usize>digitCount << 3) + 4, i);
      }
      digitCount++;
      continue;
    }
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    let hash: i32 = 7;
    let len: i32 = 0;
    // Prefix entries that match, shortest first (reported longest first, after the whole word).
    let prefixCount: i32 = 0;
    // Prefix entries are probed only when the word's first three letters start one (a 4 KB table that stays in
    // the CPU cache), so most words cost no filter probe per letter.
    let probePrefixes = load<u8>(TRIGRAMS + 4096) != 0;
    let trigram: u32 = 0;
    do {
      const lower = lowerCode(c);
      hash = hash * 31 + <i32>lower;
      len++;
      if (len <= 3) {
        trigram = (trigram << 5) | letterBits(lower);
        if (len == 3 && !probePrefixes) probePrefixes = (load<u8>(TRIGRAMS + (trigram >>> 3)) & (<u8>1 << <u8>(trigram & 7))) != 0;
      }
      if (wantWords && probePrefixes && len <= MAX_WORD && load<u8>(LENGTHS + <usize>len) != 0 && mayHit(hash)) {
        const group = lookup(tables, PREFIX, hash);
        if (group >= 0) {
          const id = confirm(tables, group, textPtr, start, len);
          if (id >= 0) {
            store<i32>(PREFIX_STACK + (<usize>prefixCount << 2), id);
            prefixCount++;
          }
        }
      }
      i++;
      if (i >= length) break;
      c = <u32>load<u16>(textPtr + (<usize>i << 1));
    } while (isLetter(c));
    if (!wantWords) continue;
    let phrase: i32 = -1;
    let exact: i32 = -1;
    if (mayHit(hash)) {
      phrase = lookup(tables, PHRASE, hash);
      const group = lookup(tables, EXACT, hash);
      if (group >= 0) exact = confirm(tables, group, textPtr, start, len);
    }
    const n = prefixCount + (exact >= 0 ? 1 : 0);
    if (phrase < 0 && n == 0) continue;
    if (recordLength + 4 + n <= recordsCapacity) {
      const out = recordsPtr + (<usize>recordLength << 2);
      store<i32>(out, start);
      store<i32>(out + 4, i);
      store<i32>(out + 8, phrase);
      store<i32>(out + 12, n);
      let k: usize = 16;
      if (exact >= 0) {
        store<i32>(out + k, exact);
        k += 4;
      }
      for (let p = prefixCount - 1; p >= 0; p--, k += 4) store<i32>(out + k, load<i32>(PREFIX_STACK + (<usize>p << 2)));
    }
    recordLength += 4 + n;
  }
  return i;
}
