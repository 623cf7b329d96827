/**
 * Multinomial naive Bayes over stemmed tokens, scored in log space, with sub-linear term frequency (1 + log tf).
 *
 * Why not natural's BayesClassifier: it turns every document into a dense 0/1 vector over the whole vocabulary with
 * `indexOf` (cost vocabulary × tokens per document — seconds on a real document) and multiplies probabilities
 * outside log space, which underflows to 0 for every class on a long document. The tokens still come from natural
 * (PorterStemmerNl, stop word lists).
 */
export interface TrainingDocument {
  tokens: readonly string[];
  label: string;
}

/** Plain data (JSON-serialisable): a trained model can be saved and restored. */
export interface NaiveBayesModel {
  classes: string[];
  /** log P(class) */
  priors: number[];
  /** token → log P(token | class) per class */
  likelihoods: Record<string, number[]>;
}

function termWeights<T>(tokens: Iterable<T>): Map<T, number> {
  const tf = new Map<T, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const [t, n] of tf) tf.set(t, 1 + Math.log(n));
  return tf;
}

export function trainNaiveBayes(docs: readonly TrainingDocument[], smoothing = 0.5): NaiveBayesModel {
  const classes = [...new Set(docs.map((d) => d.label))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const counts = new Map<string, number[]>();
  const totals = classes.map(() => 0);
  const docCounts = classes.map(() => 0);
  for (const doc of docs) {
    const c = index.get(doc.label)!;
    docCounts[c]!++;
    for (const [token, weight] of termWeights(doc.tokens)) {
      let row = counts.get(token);
      if (!row) counts.set(token, (row = classes.map(() => 0)));
      row[c]! += weight;
      totals[c]! += weight;
    }
  }
  const denominators = totals.map((t) => Math.log(t + smoothing * counts.size));
  const likelihoods: Record<string, number[]> = {};
  for (const [token, row] of counts) likelihoods[token] = row.map((n, c) => Math.log(n + smoothing) - denominators[c]!);
  return { classes, priors: docCounts.map((n) => Math.log(n / docs.length)), likelihoods };
}

/**
 * A model ready to score. Each known token gets an integer id; its log-likelihoods sit in one flat array, and a
 * document is scored from token-id counts in a reused scratch array: no allocation per word on the hot path.
 */
export class NaiveBayesScorer {
  readonly classes: readonly string[];
  private readonly priors: Float64Array;
  private readonly ids: Map<string, number>;
  private readonly likelihoods: Float64Array;
  private readonly counts: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(model: NaiveBayesModel) {
    this.classes = model.classes;
    this.priors = Float64Array.from(model.priors);
    const entries = Object.entries(model.likelihoods);
    const width = this.classes.length;
    this.ids = new Map(entries.map(([t], i) => [t, i]));
    this.likelihoods = new Float64Array(entries.length * width);
    entries.forEach(([, row], i) => this.likelihoods.set(row, i * width));
    this.counts = new Int32Array(entries.length);
    this.touched = new Int32Array(entries.length);
  }

  /** The id of a token, or -1 for a token the corpus never saw (it says nothing about the type). */
  id(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  /** Counts one occurrence of a known token in the document being scored. */
  add(id: number): void {
    if (this.counts[id]!++ === 0) this.touched[this.touchedCount++] = id;
  }

  /**
   * Posterior probabilities per class for the tokens added since the last call (which it then forgets).
   * Softmax of the log scores, tempered by √(weight): naive Bayes grows overconfident with length.
   */
  posteriors(): Float64Array {
    const width = this.classes.length;
    const scores = Float64Array.from(this.priors);
    let known = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const id = this.touched[i]!;
      const weight = 1 + Math.log(this.counts[id]!);
      this.counts[id] = 0;
      known += weight;
      const base = id * width;
      for (let c = 0; c < width; c++) scores[c]! += weight * this.likelihoods[base + c]!;
    }
    this.touchedCount = 0;
    const scale = 1 / Math.max(1, Math.sqrt(known));
    let max = -Infinity;
    for (const s of scores) max = Math.max(max, s);
    let sum = 0;
    for (let c = 0; c < width; c++) sum += scores[c] = Math.exp((scores[c]! - max) * scale);
    for (let c = 0; c < width; c++) scores[c]! /= sum;
    return scores;
  }
}
