import { generateCorpus } from './corpus.ts';
import { createTextClassifier } from '../../classifiers/classify-text.ts';
const docs = generateCorpus(10);
const classify = createTextClassifier();
for (let r = 0; r < 4; r++) { const t = performance.now(); for (const d of docs) classify(d); console.log('classify', (10 / ((performance.now() - t) / 1000)).toFixed(1), 'MB/s'); }
