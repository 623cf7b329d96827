import { softmax, type LogisticModel } from './logistic.ts';
import { foldLetter, HEAD_CHARS, stemOf, TITLE, TITLE_CHARS } from './tokens.ts';

/** foldLetter as a table for the hot loop (a code above 0xff is never a letter there). */
const FOLD = Int16Array.from({ length: 256 }, (_, c) => foldLetter(c));

/**
 * Scores documents with a trained logistic model on the per-document hot path. Words are read with a character
 * loop and identified by a 64-bit hash (two 32-bit hashes), so a word seen before costs a table probe and no string:
 * V8 spends ~200 ns per regex-match string + Map lookup, ten times the whole budget per word. A new word is sliced,
 * stemmed (natural's PorterStemmerNl, via tokens.ts) and remembered. Tokens are the same as documentFeatures().
 */
const EMPTY = 0;
const SLOTS = 1 << 17;
/** A table entry is four int32s side by side (two hash halves, body id, title id): one cache line per probe. */
const STRIDE = 4;
const MAX_WORDS = SLOTS * 0.7;
/** Math.log of the small counts most words have in a document, computed once (the same values Math.log gives). */
const LOGS = Float64Array.from({ length: 64 }, (_, n) => Math.log(n));

export class LogisticScorer {
  private readonly index: Map<string, number>;
  // Open addressing over SLOTS entries of [keyA, keyB, body id, title id] (ids -1: not a feature).
  // One extra entry past the last slot holds an unremembered word's ids when the table is full.
  private readonly table = new Int32Array((SLOTS + 1) * STRIDE);
  private words = 0;
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly idf: Float64Array;
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  /** Work space of finish(), made once: a document costs no allocation. */
  private readonly values: Float64Array;
  private readonly scores: Float64Array;

  constructor(private readonly model: LogisticModel) {
    const classes = model.classes.length;
    const width = model.features.length;
    // Features are renumbered, most common first (lowest idf): the weights a document touches are mostly those of
    // common words, and packed together they stay in the CPU cache instead of costing a memory load each. The sums
    // run over a document's features in the order it touches them, so the numbering does not change any result.
    const order = Array.from({ length: width }, (_, f) => f).sort((a, b) => model.idf[a]! - model.idf[b]! || a - b);
    this.index = new Map(order.map((f, id) => [model.features[f]!, id]));
    this.counts = new Float64Array(width);
    this.touched = new Int32Array(width);
    this.idf = Float64Array.from(order, (f) => model.idf[f]!);
    // Feature-major (all classes of one feature side by side): a document touches ~100 features, and class-major
    // weights would put each of its 20 class weights on a different cache line.
    this.weights = new Float64Array(classes * width);
    order.forEach((f, id) => {
      for (let c = 0; c < classes; c++) this.weights[id * classes + c] = model.weights[c * width + f]!;
    });
    this.bias = Float64Array.from(model.bias);
    this.values = new Float64Array(model.features.length);
    this.scores = new Float64Array(classes);
  }

  /** The entry (offset into the table) of a word by its two hashes, learning it from the text on first sight. */
  private entry(text: string, start: number, end: number, a: number, b: number): number {
    const table = this.table;
    let i = (a ^ (b >>> 7)) & (SLOTS - 1);
    for (;;) {
      const at = i * STRIDE;
      const ka = table[at]!;
      const kb = table[at + 1]!;
      if (ka === EMPTY && kb === EMPTY) break;
      if (ka === a && kb === b) return at;
      i = (i + 1) & (SLOTS - 1);
    }
    const stem = stemOf(text.slice(start, end).toLowerCase());
    const bodyId = stem === null ? -1 : (this.index.get(stem) ?? -1);
    const titleId = stem === null ? -1 : (this.index.get(TITLE + stem) ?? -1);
    if (this.words >= MAX_WORDS) {
      // Table full (a huge, varied text): answer without remembering.
      const spare = SLOTS * STRIDE;
      table[spare + 2] = bodyId;
      table[spare + 3] = titleId;
      return spare;
    }
    this.words++;
    const at = i * STRIDE;
    table[at] = a;
    table[at + 1] = b;
    table[at + 2] = bodyId;
    table[at + 3] = titleId;
    return at;
  }

  private count(id: number): void {
    if (id >= 0 && this.counts[id]!++ === 0) this.touched[this.touchedCount++] = id;
  }

  /** Probability per document type, indexed like `model.classes`; the array is reused: valid until the next call. */
  probabilities(text: string): Float64Array {
    const n = Math.min(text.length, HEAD_CHARS);
    let i = 0;
    while (i < n) {
      let code = text.charCodeAt(i);
      let lower = code < 256 ? FOLD[code]! : -1;
      if (lower < 0) {
        i++;
        continue;
      }
      const start = i;
      let a = 0x2f1b3c5d;
      let b = 0x1234567;
      do {
        a = (Math.imul(a, 31) + lower) | 0;
        b = (Math.imul(b ^ lower, 0x5bd1e995) + 0x9e3779b9) | 0;
        if (++i >= n) break;
        code = text.charCodeAt(i);
        lower = code < 256 ? FOLD[code]! : -1;
      } while (lower >= 0);
      if (i - start < 2) continue;
      if (a === EMPTY && b === EMPTY) a = 1;
      const at = this.entry(text, start, i, a, b);
      this.count(this.table[at + 2]!);
      if (start < TITLE_CHARS) this.count(this.table[at + 3]!);
    }
    return this.finish();
  }

  private finish(): Float64Array {
    const n = this.touchedCount;
    const { touched: ids, values, counts, idf, weights } = this;
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const id = ids[k]!;
      const count = counts[id]!;
      values[k] = (1 + (count < LOGS.length ? LOGS[count]! : Math.log(count))) * idf[id]!;
      norm += values[k]! ** 2;
      counts[id] = 0;
    }
    this.touchedCount = 0;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) values[k]! /= norm;
    const classes = this.bias.length;
    const scores = this.scores;
    scores.set(this.bias);
    for (let k = 0; k < n; k++) {
      const base = ids[k]! * classes;
      const v = values[k]!;
      for (let c = 0; c < classes; c++) scores[c]! += weights[base + c]! * v;
    }
    return softmax(scores);
  }
}
