import { softmaxScores, type LogisticModel } from './logistic.ts';
import { foldLetter, HEAD_CHARS, stemOf, TITLE, TITLE_CHARS } from './tokens.ts';

/**
 * Scores documents with a trained logistic model on the per-document hot path. Words are read with a character
 * loop and identified by a 64-bit hash (two 32-bit hashes), so a word seen before costs a table probe and no string:
 * V8 spends ~200 ns per regex-match string + Map lookup, ten times the whole budget per word. A new word is sliced,
 * stemmed (natural's PorterStemmerNl, via tokens.ts) and remembered. Tokens are the same as documentFeatures().
 */
const EMPTY = 0;
const MAX_WORDS = 1 << 19;

export class LogisticScorer {
  private readonly index: Map<string, number>;
  // Open addressing: key halves, and the body/title feature ids (-1: not a feature) per slot.
  private readonly keyA = new Int32Array(MAX_WORDS * 2);
  private readonly keyB = new Int32Array(MAX_WORDS * 2);
  private readonly body = new Int32Array(MAX_WORDS * 2);
  private readonly title = new Int32Array(MAX_WORDS * 2);
  private words = 0;
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly idf: Float64Array;
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;

  constructor(private readonly model: LogisticModel) {
    this.index = new Map(model.features.map((f, i) => [f, i]));
    this.counts = new Float64Array(model.features.length);
    this.touched = new Int32Array(model.features.length);
    this.idf = Float64Array.from(model.idf);
    this.weights = Float64Array.from(model.weights);
    this.bias = Float64Array.from(model.bias);
  }

  /** The slot of a word (by its two hashes), learning it from the text on first sight. */
  private slot(text: string, start: number, end: number, a: number, b: number): number {
    const mask = this.keyA.length - 1;
    let i = (a ^ (b >>> 7)) & mask;
    for (;;) {
      const ka = this.keyA[i]!;
      if (ka === EMPTY && this.keyB[i] === EMPTY) break;
      if (ka === a && this.keyB[i] === b) return i;
      i = (i + 1) & mask;
    }
    const stem = stemOf(text.slice(start, end).toLowerCase());
    const bodyId = stem === null ? -1 : (this.index.get(stem) ?? -1);
    const titleId = stem === null ? -1 : (this.index.get(TITLE + stem) ?? -1);
    if (this.words >= MAX_WORDS) {
      // Table full (a huge, varied text): answer without remembering.
      this.body[mask] = bodyId;
      this.title[mask] = titleId;
      return mask;
    }
    this.words++;
    this.keyA[i] = a;
    this.keyB[i] = b;
    this.body[i] = bodyId;
    this.title[i] = titleId;
    return i;
  }

  private count(id: number): void {
    if (id >= 0 && this.counts[id]!++ === 0) this.touched[this.touchedCount++] = id;
  }

  /** Probability per document type. */
  probabilities(text: string): Map<string, number> {
    const n = Math.min(text.length, HEAD_CHARS);
    let i = 0;
    while (i < n) {
      let lower = foldLetter(text.charCodeAt(i));
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
        lower = foldLetter(text.charCodeAt(i));
      } while (lower >= 0);
      if (i - start < 2) continue;
      if (a === EMPTY && b === EMPTY) a = 1;
      const s = this.slot(text, start, i, a, b);
      this.count(this.body[s]!);
      if (start < TITLE_CHARS) this.count(this.title[s]!);
    }
    return this.finish();
  }

  private finish(): Map<string, number> {
    const n = this.touchedCount;
    const ids = this.touched.slice(0, n);
    const values = new Float64Array(n);
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const id = ids[k]!;
      values[k] = (1 + Math.log(this.counts[id]!)) * this.idf[id]!;
      norm += values[k]! ** 2;
      this.counts[id] = 0;
    }
    this.touchedCount = 0;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) values[k]! /= norm;
    const p = softmaxScores({ weights: this.weights, bias: this.bias }, this.model.features.length, { ids, values });
    return new Map(this.model.classes.map((c, k) => [c, p[k]!]));
  }
}
