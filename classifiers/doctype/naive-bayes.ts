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

export interface NaiveBayesModel {
  classes: string[];
  /** log P(class) */
  priors: number[];
  /** token → log P(token | class) per class */
  likelihoods: Record<string, number[]>;
  /** log P(unseen token | class) */
  unseen: number[];
}

function termWeights(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
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
  const vocabulary = counts.size;
  const denominators = totals.map((t) => Math.log(t + smoothing * vocabulary));
  const likelihoods: Record<string, number[]> = {};
  for (const [token, row] of counts) likelihoods[token] = row.map((n, c) => Math.log(n + smoothing) - denominators[c]!);
  return {
    classes,
    priors: docCounts.map((n) => Math.log(n / docs.length)),
    likelihoods,
    unseen: denominators.map((d) => Math.log(smoothing) - d),
  };
}

/** Posterior probabilities per class (softmax of the log scores, tempered: naive Bayes is overconfident). */
export function posteriors(model: NaiveBayesModel, tokens: readonly string[], temperature = 1): Map<string, number> {
  const scores = model.priors.slice();
  let known = 0;
  for (const [token, weight] of termWeights(tokens)) {
    const row = model.likelihoods[token];
    if (!row) continue; // a word the corpus never saw says nothing about the type
    known += weight;
    for (let c = 0; c < scores.length; c++) scores[c]! += weight * row[c]!;
  }
  const scale = 1 / (temperature * Math.max(1, Math.sqrt(known)));
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - max) * scale));
  const sum = exps.reduce((a, b) => a + b, 0);
  return new Map(model.classes.map((c, i) => [c, exps[i]! / sum]));
}
