import { createTextClassifier } from '../../classifiers/classify-text.ts';
import { loadCorpus } from '../../classifiers/doctype/corpus.ts';
import { trainDocumentTypeModel } from '../../classifiers/doctype/classifier.ts';

export interface CorpusScore {
  train: number;
  dev: number;
  typeAccuracy: number;
  labelAccuracy: number;
  /** Per document type: dev documents, correct type, correct label. */
  perType: Map<string, { n: number; type: number; label: number }>;
  confusions: { file: string; expectedType: string; type: string; expectedLabel: string; label: string }[];
}

/** Trains on the train split of rules/corpus and scores type and label on the held-back dev split. */
export function scoreCorpus(): CorpusScore {
  const corpus = loadCorpus();
  const train = corpus.filter((d) => d.split === 'train');
  const dev = corpus.filter((d) => d.split === 'dev');
  const classify = createTextClassifier({ model: trainDocumentTypeModel(train) });
  const perType = new Map<string, { n: number; type: number; label: number }>();
  const confusions: CorpusScore['confusions'] = [];
  let typeOk = 0;
  let labelOk = 0;
  for (const doc of dev) {
    const result = classify(doc.text);
    const row = perType.get(doc.type) ?? { n: 0, type: 0, label: 0 };
    perType.set(doc.type, row);
    row.n++;
    if (result.documentType === doc.type) (row.type++, typeOk++);
    if (result.label === doc.label) (row.label++, labelOk++);
    if (result.documentType !== doc.type || result.label !== doc.label) {
      confusions.push({ file: doc.file, expectedType: doc.type, type: result.documentType, expectedLabel: doc.label, label: result.label });
    }
  }
  return {
    train: train.length,
    dev: dev.length,
    typeAccuracy: dev.length ? typeOk / dev.length : 0,
    labelAccuracy: dev.length ? labelOk / dev.length : 0,
    perType,
    confusions,
  };
}
