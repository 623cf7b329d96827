import { generateCorpus } from './corpus.ts';
import { createDetectorPass } from '../../classifiers/classify-text.ts';
const docs = generateCorpus(10);
const pass = createDetectorPass();
for (let r = 0; r < 3; r++) { const t = performance.now(); for (const d of docs) pass(d); console.log('pass', (10 / ((performance.now() - t) / 1000)).toFixed(1), 'MB/s'); }
