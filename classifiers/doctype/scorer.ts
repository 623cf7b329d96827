import { softmax, type LogisticModel } from './logistic.ts';
import { WordPass } from './word-pass.ts';

/** Math.log of the small counts most words have in a document, computed once (the same values Math.log gives). */
const LOGS = Float64Array.from({ length: 64 }, (_, n) => Math.log(n));

/**
 * Scores documents with a trained logistic model on the per-document hot path. The word pass (word-pass.ts) counts
 * the features of a text's head natively, identifying words by a 64-bit hash (two 32-bit hashes), so a word seen
 * before costs a table probe and no string; its tokens are the same as documentFeatures(). The result is the same,
 * to the last bit, as vectorise() and softmaxScores() on those tokens: the same sums in the same order.
 */
export class LogisticScorer {
  private readonly index: Map<string, number>;
  private readonly pass: WordPass;
  private readonly idf: Float64Array;
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  /** Work space of finish(), made once: a document costs no allocation. */
  private readonly values: Float64Array;
  private readonly scores: Float64Array;
  /** Where prefetch() leaves what it read (unused). */
  sink = 0;

  constructor(private readonly model: LogisticModel) {
    const classes = model.classes.length;
    const width = model.features.length;
    // Features are renumbered, most common first (lowest idf): the weights a document touches are mostly those of
    // common words, and packed together they stay in the CPU cache instead of costing a memory load each. The sums
    // run over a document's features in the order it touches them, so the numbering does not change any result.
    const order = Array.from({ length: width }, (_, f) => f).sort((a, b) => model.idf[a]! - model.idf[b]! || a - b);
    this.index = new Map(order.map((f, id) => [model.features[f]!, id]));
    this.pass = new WordPass(width, this.index);
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

  /** Probability per document type, indexed like `model.classes`; the array is reused: valid until the next call. */
  probabilities(text: string): Float64Array {
    return this.finish(this.pass.count(text));
  }

  /** The model's output for the `n` features the word pass touched; sets their counts back to 0. */
  private finish(n: number): Float64Array {
    const { touched: ids, counts } = this.pass;
    const { values, idf, weights } = this;
    const classes = this.bias.length;
    this.prefetch(ids, n, classes);
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const id = ids[k]!;
      const count = counts[id]!;
      values[k] = (1 + (count < LOGS.length ? LOGS[count]! : Math.log(count))) * idf[id]!;
      norm += values[k]! ** 2;
      counts[id] = 0;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) values[k]! /= norm;
    const scores = this.scores;
    scores.set(this.bias);
    for (let k = 0; k < n; k++) {
      const base = ids[k]! * classes;
      const v = values[k]!;
      for (let c = 0; c < classes; c++) scores[c]! += weights[base + c]! * v;
    }
    return softmax(scores);
  }

  /**
   * Loads every cache line of the weight rows the document touches, in a loop of independent loads the CPU runs far
   * ahead: once the detectors have run, the rows are out of the cache, and the sums below (a long chain per row)
   * would wait for them one or two rows at a time. The values read are only kept so the loads are not optimised
   * away; nothing depends on them.
   */
  private prefetch(ids: Int32Array, n: number, classes: number): void {
    const weights = this.weights;
    let sink = 0;
    for (let k = 0; k < n; k++) {
      const base = ids[k]! * classes;
      for (let c = 0; c < classes; c += 8) sink += weights[base + c]!;
      sink += weights[base + classes - 1]!;
    }
    this.sink = sink;
  }
}
