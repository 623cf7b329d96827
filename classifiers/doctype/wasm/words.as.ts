// The document-type scorer's word pass in WebAssembly (AssemblyScript; build:
//   npx asc classifiers/doctype/wasm/words.as.ts -O3 --runtime stub --noAssert --initialMemory 2 -o classifiers/doctype/wasm/words.wasm
// ). It reads the head of a text, finds the same words as tokens.ts's forEachWord (runs of foldLetter letters, two
// or more), identifies each by two 32-bit hashes of its lower-case letters, looks it up in the word table and counts
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
 * One pass over `length` code units at `textPtr`. Counts go to `countsPtr` (zero on entry: the caller clears what
 * it read), touched ids to `touchedPtr`; the table has mask + 1 entries at `tablePtr`; `wordsPtr` is work space
 * (16 bytes per word).
 *
 * In three steps: the words and their hashes are listed; the table line of each is loaded (independent loads the
 * CPU runs far ahead of: after the detectors have run, the table is mostly out of the cache, and probing in the
 * hash loop waited for one line at a time); then each word is looked up and counted, in text order.
 */
export function scan(textPtr: usize, length: i32, titleChars: i32, tablePtr: usize, mask: u32, countsPtr: usize, touchedPtr: usize, missesPtr: usize, wordsPtr: usize): void {
  const words = listWords(textPtr, length, wordsPtr);
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

/** Lists the words (two letters or more) at `wordsPtr` as start, end, hash a, hash b; returns how many. */
function listWords(textPtr: usize, length: i32, wordsPtr: usize): i32 {
  let words: i32 = 0;
  let i: i32 = 0;
  while (i < length) {
    let lower = foldAt(textPtr, i);
    if (lower == 0) {
      i++;
      continue;
    }
    const start = i;
    let a: i32 = 0x2f1b3c5d;
    let b: i32 = 0x1234567;
    do {
      a = a * 31 + <i32>lower;
      b = (b ^ <i32>lower) * 0x5bd1e995 + <i32>0x9e3779b9;
      if (++i >= length) break;
      lower = foldAt(textPtr, i);
    } while (lower != 0);
    if (i - start < 2) continue;
    if (a == 0 && b == 0) a = 1; // 0, 0 marks an empty entry
    const at = wordsPtr + (<usize>words << 4);
    store<i32>(at, start);
    store<i32>(at, i, 4);
    store<i32>(at, a, 8);
    store<i32>(at, b, 12);
    words++;
  }
  return words;
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
  for (let k: i32 = 0; k < n; k++) {
    const value = load<f64>(valuesPtr + (<usize>k << 3)) / norm;
    const weights = rowsPtr + <usize>load<i32>(touchedPtr + (<usize>k << 2)) * rowBytes + 8;
    for (let c: usize = 0; c < classBytes; c += 8) store<f64>(scoresPtr + c, load<f64>(scoresPtr + c) + load<f64>(weights + c) * value);
  }
}
