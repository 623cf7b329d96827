import { softmaxScores, type LogisticModel } from './logistic.ts';
import { forEachWord, stemOf, TITLE, TITLE_CHARS } from './tokens.ts';

/**
 * Scores documents with a trained logistic model on the per-document hot path: each distinct word is stemmed and
 * looked up once (cached word → feature ids), counts go into a reused scratch array, and only the features a
 * document has are touched.
 */
export class LogisticScorer {
  private readonly index: Map<string, number>;
  private readonly wordIds = new Map<string, [body: number, title: number]>();
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

  private ids(word: string): [number, number] {
    let ids = this.wordIds.get(word);
    if (!ids) {
      const stem = stemOf(word);
      ids = stem === null ? [-1, -1] : [this.index.get(stem) ?? -1, this.index.get(TITLE + stem) ?? -1];
      if (this.wordIds.size < 300_000) this.wordIds.set(word, ids);
    }
    return ids;
  }

  private count(id: number): void {
    if (id < 0) return;
    if (this.counts[id]!++ === 0) this.touched[this.touchedCount++] = id;
  }

  /** Probability per document type. */
  probabilities(text: string): Map<string, number> {
    forEachWord(text, (word, at) => {
      const [body, title] = this.ids(word);
      this.count(body);
      if (at < TITLE_CHARS) this.count(title);
    });
    const n = this.touchedCount;
    const ids = this.touched.slice(0, n);
    const values = new Float64Array(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      values[i] = (1 + Math.log(this.counts[id]!)) * this.idf[id]!;
      norm += values[i]! ** 2;
      this.counts[id] = 0;
    }
    this.touchedCount = 0;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) values[i]! /= norm;
    const p = softmaxScores({ weights: this.weights, bias: this.bias }, this.model.features.length, { ids, values });
    return new Map(this.model.classes.map((c, i) => [c, p[i]!]));
  }
}
