// The document-type scorer's word pass in WebAssembly (AssemblyScript; build: `npm run build:wasm`). It reads the
// head of a text, finds the same words as tokens.ts's forEachWord (runs of foldLetter letters, two or more; or takes
// them from the shared text scan's list: scanListed), identifies each by two 32-bit hashes of its lower-case letters
// (the first as the shared scan's, so that its list can be used), looks it up in the word table and counts
// its feature ids. A word not in the table is only recorded: JavaScript stems it, adds it to the table and runs the
// pass again, so the features are always counted in the order the text touches them (the sums depend on it).
//
// score() then sums the model's weights over those features.
//
// Memory layout (set up by word-pass.ts): FOLD (256 bytes: a Latin-1 code's lower-case letter, 0 for a non-letter),
// then the text (UTF-16 code units), the words and the misses (start, end, hash a, hash b per word), a spare count
// (for the words that are no feature), the counts and the touched feature ids (i32 per feature), the model's arrays
// (score()), the word table (i32 entries [hash a, hash b, body id, title id]; 0, 0 = empty).

const FOLD: usize = 0;

let touchedCount: i32 = 0;
let missCount: i32 = 0;
/** What the loads ahead of the lookups read: unused, exported only so that they are not optimised away. */
let loadedSink: i32 = 0;

export function sink(): i32 {
  return loadedSink;
}

/** How many feature ids the last pass touched (written in order at `touchedPtr`). */
export function touched(): i32 {
  return touchedCount;
}

/** How many words the last pass did not find in the table (written at `missesPtr`). */
export function misses(): i32 {
  return missCount;
}

@inline
function foldAt(textPtr: usize, i: i32): u32 {
  const c = <u32>load<u16>(textPtr + (<usize>i << 1));
  return c < 256 ? <u32>load<u8>(FOLD + c) : 0;
}

@inline
function count(id: i32, countsPtr: usize, touchedPtr: usize): void {
  // Branch-free: whether a word is a feature and whether the text had it before are a coin toss per word, and the
  // mispredicted branches cost more than the rest of the lookup. A word that is no feature (id -1) counts in the
  // spare slot before the counts; every id is written after the touched ones, and kept only when it is new.
  const at = countsPtr + (<usize>id << 2);
  const n = load<i32>(at);
  store<i32>(at, n + 1);
  store<i32>(touchedPtr + (<usize>touchedCount << 2), id);
  touchedCount += <i32>(n == 0) & <i32>(id >= 0);
}

/**
 * One pass over `length` code units at `textPtr` that finds the words itself (a text the shared scan did not list,
 * see scanListed). Counts go to `countsPtr` (zero on entry: the caller clears what it read), touched ids to
 * `touchedPtr`; the table has mask + 1 entries at `tablePtr`; `wordsPtr` is work space (16 bytes per word).
 */
export function scan(textPtr: usize, length: i32, titleChars: i32, tablePtr: usize, mask: u32, countsPtr: usize, touchedPtr: usize, missesPtr: usize, wordsPtr: usize): void {
  lookUp(listRange(textPtr, 0, length, wordsPtr, 0), titleChars, tablePtr, mask, countsPtr, touchedPtr, missesPtr, wordsPtr);
}

/**
 * As `scan`, for a text whose words the shared text scan listed (../../text/wasm/scan.as.ts: its head words, `listed`
 * of them at `listPtr`: start, end, hash). Its words are runs of its letters (a superset of foldLetter's: Latin
 * Extended too), so a listed word is this pass's word when all its code units are Latin-1 (then each is a foldLetter
 * letter) and it ends within `length`; any other listed word is split here by the letters of this pass (rare). The
 * first hash is the shared scan's (the same function: seed 7, times 31 plus the lower-case letter): the character
 * loop over the head runs once, not twice.
 */
export function scanListed(textPtr: usize, length: i32, listPtr: usize, listed: i32, titleChars: i32, tablePtr: usize, mask: u32, countsPtr: usize, touchedPtr: usize, missesPtr: usize, wordsPtr: usize): void {
  let words: i32 = 0;
  for (let w: i32 = 0; w < listed; w++) {
    const item = listPtr + <usize>w * 12;
    const start = load<i32>(item);
    const end = load<i32>(item, 4);
    if (end <= length) {
      const b = secondHash(textPtr, start, end);
      if (!wide) {
        record(wordsPtr, words++, start, end, load<i32>(item, 8), b);
        continue;
      }
    }
    words = listRange(textPtr, start, min(end, length), wordsPtr, words);
  }
  lookUp(words, titleChars, tablePtr, mask, countsPtr, touchedPtr, missesPtr, wordsPtr);
}

/**
 * Looks up the `words` listed at `wordsPtr` and counts their feature ids, in text order; a word not in the table
 * goes to the misses. In two steps: the table line of each word is loaded first (independent loads the CPU runs far
 * ahead of: after the detectors have run, the table is mostly out of the cache, and probing in the lookup loop
 * waited for one line at a time); then each word is looked up and counted.
 */
function lookUp(words: i32, titleChars: i32, tablePtr: usize, mask: u32, countsPtr: usize, touchedPtr: usize, missesPtr: usize, wordsPtr: usize): void {
  let loaded: i32 = 0;
  for (let w: i32 = 0; w < words; w++) {
    const at = wordsPtr + (<usize>w << 4);
    const a = load<i32>(at, 8);
    const b = load<i32>(at, 12);
    loaded += load<i32>(tablePtr + (<usize>((<u32>a ^ (<u32>b >>> 7)) & mask) << 4));
  }
  loadedSink = loaded;
  touchedCount = 0;
  missCount = 0;
  for (let w: i32 = 0; w < words; w++) {
    const word = wordsPtr + (<usize>w << 4);
    const start = load<i32>(word);
    const a = load<i32>(word, 8);
    const b = load<i32>(word, 12);
    let slot = (<u32>a ^ (<u32>b >>> 7)) & mask;
    for (;;) {
      const at = tablePtr + (<usize>slot << 4);
      const ka = load<i32>(at);
      const kb = load<i32>(at, 4);
      if (ka == a && kb == b) {
        count(load<i32>(at, 8), countsPtr, touchedPtr);
        if (start < titleChars) count(load<i32>(at, 12), countsPtr, touchedPtr);
        break;
      }
      if (ka == 0 && kb == 0) {
        memory.copy(missesPtr + (<usize>missCount << 4), word, 16);
        missCount++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}

@inline
function record(wordsPtr: usize, w: i32, start: i32, end: i32, a: i32, b: i32): void {
  if (a == 0 && b == 0) a = 1; // 0, 0 marks an empty entry
  const at = wordsPtr + (<usize>w << 4);
  store<i32>(at, start);
  store<i32>(at, end, 4);
  store<i32>(at, a, 8);
  store<i32>(at, b, 12);
}

/**
 * Lists the words (two letters or more) of [from, to) at `wordsPtr` from index `words` on, as start, end, hash a,
 * hash b; returns the new number of words. Hash a as the shared scan's (seed 7, times 31 plus the letter).
 */
function listRange(textPtr: usize, from: i32, to: i32, wordsPtr: usize, words: i32): i32 {
  let i = from;
  while (i < to) {
    let lower = foldAt(textPtr, i);
    if (lower == 0) {
      i++;
      continue;
    }
    const start = i;
    let a: i32 = 7;
    do {
      a = a * 31 + <i32>lower;
      if (++i >= to) break;
      lower = foldAt(textPtr, i);
    } while (lower != 0);
    if (i - start < 2) continue;
    record(wordsPtr, words++, start, i, a, secondHash(textPtr, start, i));
  }
  return words;
}

/** Whether the last secondHash read a code unit beyond Latin-1 (no foldLetter letter). */
let wide = false;
const LOWER4: u64 = 0x0020002000200020;
const HIGH4: u64 = 0xff00ff00ff00ff00;

/**
 * A word's second hash, from its code units four at a time: each lower-cased by setting bit 5, which is the lower
 * case of every foldLetter letter (A–Z, À–Þ are their lower case minus 32, with bit 5 clear; the lower-case letters
 * have it set). A function of the word's lower-case letters and length only, whichever loop found the word. Sets
 * `wide` when a unit is beyond Latin-1. Reads up to three units past the word (the caller's memory has them).
 */
@inline
function secondHash(textPtr: usize, start: i32, end: i32): i32 {
  let h: u64 = 0x9e3779b97f4a7c15 ^ <u64>(end - start);
  let p = textPtr + (<usize>start << 1);
  const last = textPtr + (<usize>end << 1);
  let high: u64 = 0;
  while (p + 8 <= last) {
    const v = load<u64>(p);
    high |= v;
    h = (h ^ (v | LOWER4)) * 0xff51afd7ed558ccd;
    p += 8;
  }
  if (p < last) {
    const keep = (<u64>1 << (<u64>(last - p) << 3)) - 1;
    const v = load<u64>(p) & keep;
    high |= v;
    h = (h ^ (v | (LOWER4 & keep))) * 0xff51afd7ed558ccd;
  }
  wide = (high & HIGH4) != 0;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53;
  h ^= h >> 33;
  return <i32>h;
}

/**
 * The model's linear part for the `n` features the last scan touched, into `classes` f64s at `scoresPtr`: the same
 * operations, in the same order, as the training code's vectorise() and softmaxScores() (so the same bits): the
 * sub-linear tf-idf of each feature, L2-normalised, then per class its bias plus the weighted values in the order the
 * text touched the features. `logsPtr` holds Math.log(count) as JavaScript computes it (WebAssembly has no log of its
 * own, and a software one could differ in the last bit). A feature's row (`rowBytes` at `rowsPtr`) holds its idf,
 * then its weights (an f64 per class). Sets the counts read back to 0. `valuesPtr` is work space (f64 per feature).
 */
export function score(n: i32, countsPtr: usize, touchedPtr: usize, logsPtr: usize, rowsPtr: usize, rowBytes: usize, classes: i32, biasPtr: usize, scoresPtr: usize, valuesPtr: usize): void {
  // Every cache line of the rows the text touches is loaded first, in a loop of independent loads the CPU runs far
  // ahead: once the detectors have run, the rows are out of the cache, and the sums below (a long chain per row)
  // would wait for them one or two rows at a time.
  let loaded: i64 = 0;
  for (let k: i32 = 0; k < n; k++) {
    const row = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2)) * rowBytes;
    for (let c: usize = 0; c < rowBytes; c += 64) loaded += load<i64>(row + c);
  }
  loadedSink = <i32>loaded;
  let norm: f64 = 0;
  for (let k: i32 = 0; k < n; k++) {
    const id = <usize>load<i32>(touchedPtr + (<usize>k << 2));
    const at = countsPtr + (id << 2);
    const value = (1 + load<f64>(logsPtr + (<usize>load<i32>(at) << 3))) * load<f64>(rowsPtr + id * rowBytes);
    store<i32>(at, 0);
    store<f64>(valuesPtr + (<usize>k << 3), value);
    norm += value * value;
  }
  norm = Math.sqrt(norm);
  if (!(norm > 0)) norm = 1; // as `Math.sqrt(norm) || 1`: no features (0), never NaN
  const classBytes = <usize>classes << 3;
  memory.copy(scoresPtr, biasPtr, classBytes);
  // Four features at a time: a class's score is loaded and stored once per four of them, not once per feature
  // (the loads and stores were most of this loop's work); its additions stay the same, in the same order.
  let k: i32 = 0;
  for (; k + 4 <= n; k += 4) {
    const v0 = load<f64>(valuesPtr + (<usize>k << 3)) / norm;
    const v1 = load<f64>(valuesPtr + (<usize>k << 3), 8) / norm;
    const v2 = load<f64>(valuesPtr + (<usize>k << 3), 16) / norm;
    const v3 = load<f64>(valuesPtr + (<usize>k << 3), 24) / norm;
    const w0 = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2)) * rowBytes + 8;
    const w1 = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2), 4) * rowBytes + 8;
    const w2 = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2), 8) * rowBytes + 8;
    const w3 = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2), 12) * rowBytes + 8;
    for (let c: usize = 0; c < classBytes; c += 8) {
      let score = load<f64>(scoresPtr + c);
      score = score + load<f64>(w0 + c) * v0;
      score = score + load<f64>(w1 + c) * v1;
      score = score + load<f64>(w2 + c) * v2;
      score = score + load<f64>(w3 + c) * v3;
      store<f64>(scoresPtr + c, score);
    }
  }
  for (; k < n; k++) {
    const value = load<f64>(valuesPtr + (<usize>k << 3)) / norm;
    const weights = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2)) * rowBytes + 8;
    for (let c: usize = 0; c < classBytes; c += 8) store<f64>(scoresPtr + c, load<f64>(scoresPtr + c) + load<f64>(weights + c) * value);
  }
}
