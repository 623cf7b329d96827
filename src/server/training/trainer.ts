import { createHash } from 'node:crypto';
import { createTextClassifier, type ClassifyText } from '../../../classifiers/classify-text.ts';
import { trainDocumentTypeModel } from '../../../classifiers/doctype/classifier.ts';
import { loadCorpus } from '../../../classifiers/doctype/corpus.ts';
import { trainLogistic, type LogisticModel } from '../../../classifiers/doctype/logistic.ts';
import { documentFeatures } from '../../../classifiers/doctype/tokens.ts';
import type { KeyedHasher } from '../../store/keyed-hash.ts';
import type { TrainingExample } from '../../store/web-store.ts';

/**
 * The document-type model, retrained from reviewed documents only (as paperless-ngx does). The store holds no
 * text, so a reviewed document is kept as its feature vector: the stems the model knows (the corpus vocabulary),
 * each as a keyed hash with its count. Words outside the vocabulary (names, addresses) are never kept, not even
 * hashed, and without the key the hashes cannot be matched to words. Retraining maps the hashes back through the
 * vocabulary and trains on the corpus plus the reviewed vectors.
 */
export interface TypeTrainer {
  /** The classifier as trained now (the corpus model until something was reviewed). */
  classifier(): ClassifyText;
  /** A reviewed document's text → its hashed feature vector (computed in memory, text dropped). */
  featuresOf(text: string): Record<string, number>;
  /** Retrains when the reviewed examples changed since the last training; says whether it did. */
  retrain(examples: readonly TrainingExample[]): { retrained: boolean; examples: number };
}

/** A reviewed document weighs this many corpus documents: a correction should win against the fictional corpus. */
export const REVIEW_WEIGHT = 3;
const PURPOSE = 'doctype-feature';

export function createTypeTrainer(hasher: KeyedHasher): TypeTrainer {
  const base: LogisticModel = trainDocumentTypeModel();
  let current: ClassifyText | undefined;
  let signature = '';
  let corpus: { tokens: string[]; label: string }[] | undefined;
  let byHash: Map<string, string> | undefined;
  const hashOf = (token: string) => hasher.digest(PURPOSE, token).slice(0, 16);
  const vocabulary = () => (byHash ??= new Map(base.features.map((f) => [hashOf(f), f])));

  return {
    classifier: () => (current ??= createTextClassifier({ model: base })),
    featuresOf(text) {
      const known = new Set(base.features);
      const counts: Record<string, number> = {};
      for (const token of documentFeatures(text)) {
        if (!known.has(token)) continue;
        const h = hashOf(token);
        counts[h] = (counts[h] ?? 0) + 1;
      }
      return counts;
    },
    retrain(examples) {
      const next = createHash('sha256').update(JSON.stringify(examples.map((e) => [e.documentId, e.documentType, e.features]))).digest('hex');
      if (next === signature) return { retrained: false, examples: examples.length };
      signature = next;
      if (!examples.length) {
        current = createTextClassifier({ model: base });
        return { retrained: true, examples: 0 };
      }
      corpus ??= loadCorpus().map((d) => ({ tokens: documentFeatures(d.text), label: d.type }));
      const words = vocabulary();
      const reviewed = examples.map((e) => ({
        label: e.documentType,
        tokens: Object.entries(e.features).flatMap(([h, n]) => {
          const word = words.get(h);
          return word ? Array<string>(n).fill(word) : [];
        }),
      }));
      const docs = [...corpus, ...reviewed.flatMap((r) => Array<typeof r>(REVIEW_WEIGHT).fill(r))];
      current = createTextClassifier({ model: trainLogistic(docs) });
      return { retrained: true, examples: examples.length };
    },
  };
}
