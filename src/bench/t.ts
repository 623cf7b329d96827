import { generateCorpus } from './corpus.ts';
import { allDetectors } from '../../classifiers/detectors/index.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
import { scanText } from '../../classifiers/text/wasm/scanner.ts';
const docs = generateCorpus(10);
const v = new Vocabulary(allDetectors.flatMap((d) => d.wordLists ?? []));
for (let r = 0; r < 3; r++) {
  let t = performance.now(); let w = 0, d = 0;
  for (const doc of docs) { const x = scanText(doc, v.filter, v.prefixLengthFlags); w += x.words.length / 2; d += x.digitRuns.length / 2; }
  console.log('wasm scan', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s', w, d);
  t = performance.now(); let h = 0;
  for (const doc of docs) h += v.scan(doc).length;
  console.log('js scan', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s', h);
}
const big = docs.join('\n');
let t = performance.now(); const x = scanText(big, v.filter, v.prefixLengthFlags); console.log('wasm one big', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s', x.words.length / 2);
t = performance.now(); const y = v.resolveCandidates(big, x.words); console.log('resolve', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s', y.length);
