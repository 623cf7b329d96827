// The shared text scan in WebAssembly (AssemblyScript; build: `npm run build:wasm`). It does the one thing that
// must touch every character — finding words and digit runs — at native speed, and hands JavaScript only the
// words that may be in a vocabulary (their hash or a prefix hash passes the Bloom filter) and the digit runs.
// It must agree exactly with the JavaScript scanner in ../vocabulary.ts and ../scanned-text.ts; a conformance test
// runs both on the same texts.
//
// Memory layout (set up by scan-wasm.ts):
//   [FILTER, FILTER + 2^15)   Bloom filter over word and prefix hashes (2^18 bits: 32 KB, in L1 cache)
//   [LENGTHS, LENGTHS + 65)   1 where some prefix entry has that length
//   [TRIGRAMS, TRIGRAMS + 4096) one bit per first three letters of a prefix entry (TRIGRAMS + 4096: 1 = probe always)
//   text at `textPtr` (UTF-16 code units), outputs at `wordsPtr` and `digitsPtr` (pairs of i32: start, end)

const FILTER: usize = 0;
const LENGTHS: usize = 1 << 15;
const MAX_WORD: i32 = 64;
const FILTER_BITS: u32 = 18;
const TRIGRAMS: usize = LENGTHS + 128;

let wordCount: i32 = 0;
let digitCount: i32 = 0;

export function words(): i32 {
  return wordCount;
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

/** Scans `length` code units at `textPtr`; returns the number of code units read (all of them). */
export function scan(textPtr: usize, length: i32, wordsPtr: usize, wordsCapacity: i32, digitsPtr: usize, digitsCapacity: i32, wantWords: bool, wantDigits: bool): i32 {
  wordCount = 0;
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
    let candidate = false;
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
      if (wantWords && probePrefixes && len <= MAX_WORD && load<u8>(LENGTHS + <usize>len) != 0 && mayHit(hash)) candidate = true;
      i++;
      if (i >= length) break;
      c = <u32>load<u16>(textPtr + (<usize>i << 1));
    } while (isLetter(c));
    if (wantWords && (candidate || mayHit(hash))) {
      if (wordCount < wordsCapacity) {
        store<i32>(wordsPtr + (<usize>wordCount << 3), start);
        store<i32>(wordsPtr + (<usize>wordCount << 3) + 4, i);
      }
      wordCount++;
    }
  }
  return i;
}
