// The shared text scan in WebAssembly (AssemblyScript; build: `npm run build:wasm`). It does what must touch every
// character — finding words and digit runs — and also resolves the vocabulary's one-word entries at native speed:
// a word whose hash passes the Bloom filter is looked up in the entry hash tables and confirmed letter by letter,
// so JavaScript receives entry ids (and only builds the hits). Phrases stay in JavaScript: for a word that starts
// a phrase group the scanner hands over the group. It must agree exactly with the JavaScript scanner in
// ../vocabulary.ts and ../scanned-text.ts; a conformance test runs both on the same texts.
//
// Speed: the character loops (`scan`) do as little per character as possible — one load, one ASCII test, the hash
// step — and keep few values alive, so the compiled loop holds them in registers. Everything a word may need beyond
// its hash (prefix probes, table lookups, confirmation, the record) is in separate functions that run for few words.
// The text is followed by a 0 code unit (a sentinel, written by scanner.ts): no loop tests the text's length per
// character, a word or digit run simply ends there.
//
// Memory layout (set up by scanner.ts):
//   [FILTER, FILTER + 2^15)   Bloom filter over word and prefix hashes (2^18 bits: 32 KB, one bit test per word)
//   [LENGTHS, LENGTHS + 65)   1 where some prefix entry has that length
//   [STARTS, STARTS + 4096)   2^15 bits over the hashes of the prefix entries' first letters (see startsLikePrefix)
//   [PREFIX_STACK, +260)      the prefix entries of one word, found shortest first
//   [COUNTS, +16)             the last scan's digit runs, name capitals, trigger facts and head words (four i32s: scanner.ts
//                             reads them from memory, no call per count)
//   text at `textPtr` (UTF-16 code units, then a 0); the entry tables at `tablesPtr` (native-tables.ts: a header
//   of pointers, one open-addressing hash table of words, entry groups, entry letters, phrase filters); outputs at
//   `recordsPtr` (per resolved word: start, end, phrase, n, then n entry ids: the whole word's, then its prefixes'
//   longest first) and `digitsPtr` (pairs of i32: start, end). The phrase is the word's phrase group when its filters
//   pass (phraseMayMatch), -2 - the group when JavaScript must test them, -1 when none.

const FILTER: usize = 0;
const LENGTHS: usize = 1 << 15;
const MAX_WORD: i32 = 64;
const FILTER_BITS: u32 = 18;
const STARTS: usize = LENGTHS + 128;
const PREFIX_STACK: usize = STARTS + 4096 + 16;
/** Where `scan` leaves its counts (scanner.ts: COUNTS): digit runs, name capitals, trigger facts, head words. */
const COUNTS: usize = STARTS + 4096 + 384;

let recordLength: i32 = 0;
/** The number of head words of the scan in progress (see `scan`: headPtr). */
let headCount: i32 = 0;
/** The number of name capitals of the scan in progress (start/end pairs at `capsPtr`; see capitalsIn). */
let capitalCount: i32 = 0;

/** Trigger facts (../triggers.ts): bits for characters that some detector's whole-text search needs. */
const MRZ_MARK = 1; // `<`, `«` or `‹`
const IPV6_COLON = 2; // `::`, or `:`, one to four hex digits, `:` (ip-address.ts: IPV6_ANCHOR matches)

@inline
function isHex(c: u32): bool {
  return c - 48 < 10 || (c | 32) - 97 < 6;
}

/** Whether `::` or `:` + one to four hex digits + `:` starts at the colon at `i` (the 0 after the text ends it). */
function ipv6ColonAt(textPtr: usize, i: i32): bool {
  let k = i + 1;
  while (k - i <= 5 && isHex(textAt(textPtr, k))) k++;
  return k - i <= 5 && textAt(textPtr, k) == 58;
}

@inline
function textAt(textPtr: usize, i: i32): u32 {
  return <u32>load<u16>(textPtr + (<usize>i << 1));
}

/**
 * The lower-case code of a letter (as lowerCode), 0 for any other character. Letters as the scanner sees them
 * (word-hash.ts: isLetter): ASCII, Latin-1 and Latin Extended-A/B letters (not × and ÷); ASCII costs one test.
 */
@inline
function letterCode(c: u32): u32 {
  const lower = c | 32;
  if (lower - 97 < 26) return lower;
  if (c - 0xc0 > 0x24f - 0xc0 || c == 0xd7 || c == 0xf7) return 0;
  return c <= 0xde ? c + 32 : c;
}

/** Lower-cases a letter's code the cheap way, as word-hash.ts: ASCII and Latin-1; other codes unchanged. */
@inline
function lowerCode(c: u32): u32 {
  if (c - 65 < 26 || (c - 0xc0 <= 0xde - 0xc0 && c != 0xd7)) return c + 32;
  return c;
}

@inline
function mayHit(hash: i32): bool {
  const h = <u32>hash;
  const bit = (h ^ (h >>> FILTER_BITS)) & ((1 << FILTER_BITS) - 1);
  return (load<u8>(FILTER + (bit >>> 3)) & (<u8>1 << <u8>(bit & 7))) != 0;
}

@inline
function isDigit(c: u32): bool {
  return c - 48 < 10;
}

@inline
function isSeparator(c: u32): bool {
  return c == 32 || c == 46 || c == 45 || c == 47; // space . - /
}

// Header of the entry tables (i32s at tablesPtr, see native-tables.ts): offsets from tablesPtr, but WORDS_MASK.
const WORDS = 0; // word slots: hash, exact group, prefix group, phrase group (-1: none)
const WORDS_MASK = 1;
const GROUPS = 2; // entry ids per group, -1 terminated; a slot's exact or prefix group is an offset here
const ENTRIES = 3; // per entry: letters offset, length, capitalised
const LETTERS = 4; // u16 lower-case letters of every entry
const FILTER_STARTS = 5; // per phrase group, its first filter (one more: the end)
const FILTERS = 6; // per phrase: follows, precedes, nextWord, previousWord (phrase-filter.ts: encodeFilter)
const EXACT_GROUP = 4; // byte offsets in a word slot
const PREFIX_GROUP = 8;
const PHRASE_GROUP = 12;

@inline
function header(tables: usize, field: i32): usize {
  return tables + <usize>load<i32>(tables + (<usize>field << 2));
}

/** The address of the word slot of `hash` (open addressing, one probe for most words), or 0 when there is none. */
function slotOf(tables: usize, hash: i32): usize {
  const slots = header(tables, WORDS);
  const mask = <u32>load<i32>(tables + (<usize>WORDS_MASK << 2));
  let i = <u32>hash & mask;
  let at = slots + (<usize>i << 4);
  // An empty slot has all three groups -1 (a used one has some group ≥ 0); the table is never full.
  while ((load<i32>(at + EXACT_GROUP) & load<i32>(at + PREFIX_GROUP) & load<i32>(at + PHRASE_GROUP)) != -1) {
    if (load<i32>(at) == hash) return at;
    i = (i + 1) & mask;
    at = slots + (<usize>i << 4);
  }
  return 0;
}

@inline
function isCapital(c: u32): bool {
  return c - 65 < 26 || (c - 0xc0 <= 0xde - 0xc0 && c != 0xd7);
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
      if (lowerCode(textAt(textPtr, start + k)) != <u32>load<u16>(word + (<usize>k << 1))) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (load<i32>(info + 8) != 0 && !isCapital(textAt(textPtr, start))) return -1;
    return id;
  }
  return -1;
}

/**
 * Whether a word begins like some prefix entry: the hash of its first `startLength` letters (`startHash`) has its
 * bit in STARTS (Vocabulary.prefixStarts).
 */
@inline
function startsLikePrefix(startHash: i32): bool {
  const h = <u32>startHash;
  const bit = (h ^ (h >>> 15)) & 0x7fff;
  return (load<u8>(STARTS + (bit >>> 3)) & (<u8>1 << <u8>(bit & 7))) != 0;
}

/** The prefix entries that the word [start, end) starts with, shortest first, on PREFIX_STACK; returns their count. */
function matchPrefixes(tables: usize, textPtr: usize, start: i32, end: i32): i32 {
  let count: i32 = 0;
  let hash: i32 = 7;
  const last = min(end - start, MAX_WORD);
  for (let len: i32 = 1; len <= last; len++) {
    hash = hash * 31 + <i32>lowerCode(textAt(textPtr, start + len - 1));
    if (load<u8>(LENGTHS + <usize>len) == 0 || !mayHit(hash)) continue;
    const slot = slotOf(tables, hash);
    if (slot == 0) continue;
    const group = load<i32>(slot + PREFIX_GROUP);
    if (group < 0) continue;
    const id = confirm(tables, group, textPtr, start, len);
    if (id < 0) continue;
    store<i32>(PREFIX_STACK + (<usize>count << 2), id);
    count++;
  }
  return count;
}

/** A lower-case letter as the person-name pattern reads one (../name-capitals.ts: a-z, ß-ö, ø-ÿ). */
@inline
function isLowerName(c: u32): bool {
  return c - 97 < 26 || (c - 0xdf <= 0xff - 0xdf && c != 0xf7);
}

@inline
function isLineTerminator(c: u32): bool {
  return c == 10 || c == 13 || c == 0x2028 || c == 0x2029;
}

/**
 * Where the name-capital pattern (../name-capitals.ts) matches at `p`, an upper-case letter of a word: appends the
 * match [p, end) to the capitals output. The pattern: `IJ` or a capital, then a `.`, or (after a lower-case
 * letter or comma, a space and one or two characters, not a line break) a run of lower-case letters, all of it.
 * Reads nothing before the chunk's start (index 0): the caller scans texts of one chunk only this way.
 */
function capitalAt(textPtr: usize, p: i32, capsPtr: usize): void {
  const c = textAt(textPtr, p);
  if (!isCapital(c)) return;
  // `IJ` is tried first; when it fails, `I` alone cannot match either (`J` is neither `.` nor lower case).
  const q = c == 73 && textAt(textPtr, p + 1) == 74 ? p + 2 : p + 1;
  const next = textAt(textPtr, q);
  let end: i32 = -1;
  if (next == 46) end = q + 1;
  else if (isLowerName(next)) {
    // The lookbehind (?<=[lower,] ..?) at q.
    const before2 = q >= 3 && textAt(textPtr, q - 2) == 32 && isLowerOrComma(textAt(textPtr, q - 3));
    if (before2 || (q >= 4 && textAt(textPtr, q - 3) == 32 && isLowerOrComma(textAt(textPtr, q - 4)) && !isLineTerminator(textAt(textPtr, q - 2)))) {
      end = q + 1;
      while (isLowerName(textAt(textPtr, end))) end++;
    }
  }
  if (end < 0) return;
  const out = capsPtr + (<usize>capitalCount << 3);
  store<i32>(out, p);
  store<i32>(out + 4, end);
  capitalCount++;
}

@inline
function isLowerOrComma(c: u32): bool {
  return c == 44 || isLowerName(c);
}

/**
 * Whether the word at `start` follows a lower-case letter or comma and a space, with at most one character between
 * (the space and the word): what the pattern's lookbehind needs to match at the word's first two letters.
 */
@inline
function afterLowerWord(textPtr: usize, start: i32): bool {
  return (start >= 2 && textAt(textPtr, start - 1) == 32 && isLowerOrComma(textAt(textPtr, start - 2))) ||
    (start >= 3 && textAt(textPtr, start - 2) == 32 && isLowerOrComma(textAt(textPtr, start - 3)));
}

/**
 * The name capitals in the word [start, end) (a maximal run of letters). The pattern can match only at the word's
 * first two letters, when `midSentence` (afterLowerWord: its lookbehind needs a space at most two characters back),
 * and at its last two letters when `dot` (a `.` follows, and `.` ends the word): those positions are tried, in text
 * order, each once.
 */
function capitalsIn(textPtr: usize, start: i32, end: i32, midSentence: bool, dot: bool, capsPtr: usize): void {
  let last = start - 1;
  if (midSentence) {
    capitalAt(textPtr, (last = start), capsPtr);
    if (start + 1 < end) capitalAt(textPtr, (last = start + 1), capsPtr);
  }
  if (!dot) return;
  if (end - 2 > last) capitalAt(textPtr, (last = end - 2), capsPtr);
  if (end - 1 > last) capitalAt(textPtr, end - 1, capsPtr);
}

const FAIL = 0;
const PASS = 1;
/** A character the test needs lies outside this chunk: JavaScript decides (phrase-filter.ts: mayMatch). */
const UNKNOWN = 2;

@inline
function isSpace(c: u32): bool {
  // The gap characters of ../gap.ts: space, tab, hyphen, line feed, carriage return, underscore, no-break space.
  return c == 32 || c == 9 || c == 45 || c == 10 || c == 13 || c == 95 || c == 160;
}

/** Whether `c` is in a filter's character set (-1: any, -2: a gap character, else that character). */
@inline
function inSet(set: i32, c: u32): bool {
  return set == -1 || (set == -2 ? isSpace(c) : c == <u32>set);
}

/**
 * Whether some phrase of the group may match at the word [start, end) of a chunk of `length` code units: the
 * phrase filters of phrase-filter.ts (mayMatch), so that a word whose phrases cannot match costs JavaScript nothing.
 * It answers as mayMatch does, except where a test reads beyond the chunk: then UNKNOWN (unless another phrase passes).
 */
function phraseMayMatch(tables: usize, textPtr: usize, length: i32, start: i32, end: i32, group: i32): i32 {
  const starts = header(tables, FILTER_STARTS) + (<usize>group << 2);
  const last = load<i32>(starts + 4);
  const filters = header(tables, FILTERS);
  let verdict = FAIL;
  for (let f = load<i32>(starts); f < last; f++) {
    const at = filters + (<usize>f << 4);
    let unknown = false;
    const follows = load<i32>(at);
    if (follows != -1) {
      if (end >= length) unknown = true;
      else if (!inSet(follows, textAt(textPtr, end))) continue;
    }
    const precedes = load<i32>(at + 4);
    if (precedes != -1) {
      if (start == 0) unknown = true;
      else if (!inSet(precedes, textAt(textPtr, start - 1))) continue;
    }
    const nextWord = load<i32>(at + 8);
    if (nextWord >= 0) {
      let k = end;
      while (k < length && isSpace(textAt(textPtr, k))) k++;
      if (k >= length) unknown = true;
      else if ((textAt(textPtr, k) | 32) != <u32>nextWord) continue;
    }
    const previousWord = load<i32>(at + 12);
    if (previousWord >= 0) {
      let k = start - 1;
      while (k >= 0 && isSpace(textAt(textPtr, k))) k--;
      if (k < 0) unknown = true;
      else if ((textAt(textPtr, k) | 32) != <u32>previousWord) continue;
    }
    if (!unknown) return PASS;
    verdict = UNKNOWN;
  }
  return verdict;
}

/**
 * Resolves the word [start, end) with hash `hash`: its phrase group, its exact entry, its prefix entries (when
 * `probe`: it starts like one), and appends a record when it has any.
 */
function resolveWord(tables: usize, textPtr: usize, length: i32, start: i32, end: i32, hash: i32, probe: bool, recordsPtr: usize, recordsCapacity: i32): void {
  const prefixCount = probe ? matchPrefixes(tables, textPtr, start, end) : 0;
  let phrase: i32 = -1;
  let exact: i32 = -1;
  const slot = mayHit(hash) ? slotOf(tables, hash) : 0;
  if (slot != 0) {
    phrase = load<i32>(slot + PHRASE_GROUP);
    if (phrase >= 0) {
      const verdict = phraseMayMatch(tables, textPtr, length, start, end, phrase);
      if (verdict == FAIL) phrase = -1;
      else if (verdict == UNKNOWN) phrase = -2 - phrase;
    }
    const group = load<i32>(slot + EXACT_GROUP);
    if (group >= 0) exact = confirm(tables, group, textPtr, start, end - start);
  }
  const n = prefixCount + (exact >= 0 ? 1 : 0);
  if (phrase < 0 && n == 0) return;
  if (recordLength + 4 + n <= recordsCapacity) {
    const out = recordsPtr + (<usize>recordLength << 2);
    store<i32>(out, start);
    store<i32>(out + 4, end);
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

/**
 * Scans `length` code units at `textPtr` (followed by a 0). `minPrefix`: the shortest prefix entry's length (a word
 * shorter than it is not probed for prefixes; > MAX_WORD when there are none); `startLength`: the number of first
 * letters that STARTS hashes (Vocabulary.prefixStartLength); `capsPtr`: where the name capitals go (start/end pairs,
 * room for `length` of them), 0 for none (a caller that passes no such argument gets 0); `headPtr`: where the words
 * of two letters or more that start before `headChars` go (start, end, hash: the document-type word pass reads them
 * instead of finding the words again; room for headChars / 3 + 1), 0 for none. Returns the number of i32s written
 * at `recordsPtr`; the number of digit runs, of name capitals, the trigger facts and the number of head words go to
 * COUNTS.
 */
export function scan(textPtr: usize, length: i32, tables: usize, recordsPtr: usize, recordsCapacity: i32, digitsPtr: usize, digitsCapacity: i32, wantWords: bool, minPrefix: i32, startLength: i32, capsPtr: usize, headPtr: usize, headChars: i32): i32 {
  recordLength = 0;
  headCount = 0;
  capitalCount = 0;
  let digits: i32 = 0;
  let facts: i32 = 0;
  let i: i32 = 0;
  while (i < length) {
    let c = textAt(textPtr, i);
    if (isDigit(c)) {
      // A digit run: digits, single separators allowed between two digits (as /\d(?:[ .\-/]?\d)*/).
      const start = i;
      for (;;) {
        c = textAt(textPtr, ++i);
        if (isDigit(c)) continue;
        if (isSeparator(c) && isDigit(textAt(textPtr, i + 1))) {
          i++;
          continue;
        }
        break;
      }
      if (digits < digitsCapacity) {
        store<i32>(digitsPtr + (<usize>digits << 3), start);
        store<i32>(digitsPtr + (<usize>digits << 3) + 4, i);
      }
      digits++;
      continue;
    }
    let lower = letterCode(c);
    if (lower == 0) {
      // Trigger facts, tested only here, between words (spaces, punctuation): most such characters fail both tests.
      if (c == 58) {
        if (ipv6ColonAt(textPtr, i)) facts |= IPV6_COLON;
      } else if (c == 60 || c == 0xab || c == 0x2039) facts |= MRZ_MARK;
      i++;
      continue;
    }
    // A word: hash its lower-cased letters (as word-hash.ts) until a non-letter (the sentinel at the latest). The
    // first loop also keeps the hash of the first `startLength` letters, for the prefix test.
    const start = i;
    let hash: i32 = 7;
    let more = true;
    for (;;) {
      hash = hash * 31 + <i32>lower;
      lower = letterCode(textAt(textPtr, ++i));
      if (lower == 0) {
        more = false;
        break;
      }
      if (i - start == startLength) break;
    }
    const startHash = hash;
    if (more) {
      for (;;) {
        hash = hash * 31 + <i32>lower;
        lower = letterCode(textAt(textPtr, ++i));
        if (lower == 0) break;
      }
    }
    if (start < headChars && i - start >= 2) {
      const out = headPtr + <usize>headCount * 12;
      store<i32>(out, start);
      store<i32>(out, i, 4);
      store<i32>(out, hash, 8);
      headCount++;
    }
    // Name capitals (when asked: capsPtr): only a word before a `.`, or with a capital among its first two letters
    // after a lower-case word, can hold one (capitalsIn); most words are neither, and cost three tests.
    if (capsPtr != 0) {
      const dot = textAt(textPtr, i) == 46;
      const mid = (isCapital(textAt(textPtr, start)) || (i - start >= 2 && isCapital(textAt(textPtr, start + 1)))) && afterLowerWord(textPtr, start);
      if (dot || mid) capitalsIn(textPtr, start, i, mid, dot, capsPtr);
    }
    if (!wantWords) continue;
    // Prefix entries are probed only when the word's first letters start one (a 4 KB table that stays in the CPU
    // cache), so most words cost no probe per letter.
    const probe = i - start >= minPrefix && startsLikePrefix(startHash);
    if (probe || mayHit(hash)) resolveWord(tables, textPtr, length, start, i, hash, probe, recordsPtr, recordsCapacity);
  }
  store<i32>(COUNTS, digits);
  store<i32>(COUNTS + 4, capitalCount);
  store<i32>(COUNTS + 8, facts);
  store<i32>(COUNTS + 12, headCount);
  return recordLength;
}
