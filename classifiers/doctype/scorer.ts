import { softmax, type LogisticModel } from './logistic.ts';
import type { HeadWords } from '../text/wasm/scanner.ts';
import { WordPass } from './word-pass.ts';

/**
 * Scores documents with a trained logistic model on the per-document hot path. The word pass (word-pass.ts) counts
 * the features of a text's head natively, identifying words by a 64-bit hash (two 32-bit hashes), so a word seen
 * before costs a table probe and no string; its tokens are the same as documentFeatures(). It also sums the weights
 * natively. The result is the same, to the last bit, as vectorise() and softmaxScores() on those tokens: the same
 * operations in the same order.
 */
export class LogisticScorer {
  private readonly pass: WordPass;
  /** Work space: the sums of the last document turned into probabilities (no allocation per document). */
  private readonly scores: Float64Array;

  constructor(model: LogisticModel) {
    const classes = model.classes.length;
    const width = model.features.length;
    // Features are renumbered, most common first (lowest idf): the weights a document touches are mostly those of
    // common words, and packed together they stay in the CPU cache instead of costing a memory load each. The sums
    // run over a document's features in the order it touches them, so the numbering does not change any result.
    const order = Array.from({ length: width }, (_, f) => f).sort((a, b) => model.idf[a]! - model.idf[b]! || a - b);
    // Feature-major (all classes of one feature side by side): a document touches ~100 features, and class-major
    // weights would put each of its 20 class weights on a different cache line.
    const weights = new Float64Array(classes * width);
    order.forEach((f, id) => {
      for (let c = 0; c < classes; c++) weights[id * classes + c] = model.weights[c * width + f]!;
    });
    this.pass = new WordPass(new Map(order.map((f, id) => [model.features[f]!, id])), {
      idf: Float64Array.from(order, (f) => model.idf[f]!),
      weights,
      bias: Float64Array.from(model.bias),
    });
    this.scores = new Float64Array(classes);
  }

  /**
   * Probability per document type, indexed like `model.classes`; the array is reused: valid until the next call.
   * `listed`: the head's words from the shared text scan (WordPass.count).
   */
  probabilities(text: string, listed?: Readonly<HeadWords>): Float64Array {
    this.scores.set(this.pass.sums(this.pass.count(text, listed)));
    return softmax(this.scores);
  }
}
