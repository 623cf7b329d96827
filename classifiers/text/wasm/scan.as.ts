// The shared text scan in WebAssembly (AssemblyScript; build: `npm run build:wasm`). It does the one thing that
// must touch every character — finding words and digit runs — at native speed, and hands JavaScript only the
// words that may be in a vocabulary (their hash or a prefix hash passes the Bloom filter) and the digit runs.
// It must agree exactly with the JavaScript scanner in ../vocabulary.ts and ../scanned-text.ts; a conformance test
// runs both on the same texts.
//
// Memory layout (set up by scan-wasm.ts):
//   [FILTER, FILTER + 2^19)   Bloom filter over word and prefix hashes (2^22 bits)
//   [LENGTHS, LENGTHS + 65)   1 where some prefix entry has that length
//   text at `textPtr` (UTF-16 code units), outputs at `wordsPtr` and `digitsPtr` (pairs of i32: start, end)

const FILTER: usize = 0;
const LENGTHS: usize = 1 << 19;
const MAX_WORD: i32 = 64;
const FILTER_BITS: u32 = 22;

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
    do {
      hash = hash * 31 + <i32>lowerCode(c);
      len++;
      if (wantWords && len <= MAX_WORD && load<u8>(LENGTHS + <usize>len) != 0 && mayHit(hash)) candidate = true;
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
