import { generateCorpus } from './corpus.ts';
import { createTextClassifier, createDetectorPass } from '../../classifiers/classify-text.ts';
const docs = generateCorpus(10);
const big: string[] = []; for (let i = 0; i < docs.length; i += 80) big.push(docs.slice(i, i + 80).join('\n\n'));
const classify = createTextClassifier();
const pass = createDetectorPass();
for (let r = 0; r < 3; r++) {
  let t = performance.now(); for (const d of docs) pass(d); console.log('pass small docs', (10 / ((performance.now() - t) / 1000)).toFixed(1));
  t = performance.now(); for (const d of big) pass(d); console.log('pass 100KB docs', (10 / ((performance.now() - t) / 1000)).toFixed(1));
  t = performance.now(); for (const d of docs) classify(d); console.log('classify small', (10 / ((performance.now() - t) / 1000)).toFixed(1));
}
