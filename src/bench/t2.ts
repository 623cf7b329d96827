import { generateCorpus } from './corpus.ts';
import { trainDocumentTypeModel } from '../../classifiers/doctype/classifier.ts';
import { LogisticScorer } from '../../classifiers/doctype/scorer.ts';
const docs = generateCorpus(10);
const model = trainDocumentTypeModel();
console.log('features', model.features.length, 'classes', model.classes.length, typeof model.weights[0]);
const s = new LogisticScorer(model);
for (let r = 0; r < 3; r++) { const t = performance.now(); for (const d of docs) s.probabilities(d); console.log('prob', (10 / ((performance.now() - t) / 1000)).toFixed(1), 'MB/s'); }
