import { generateCorpus } from './corpus.ts';
import { allDetectors } from '../../classifiers/detectors/index.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
import { scanText } from '../../classifiers/text/wasm/scanner.ts';
const docs = generateCorpus(10);
const v = new Vocabulary(allDetectors.flatMap((d) => d.wordLists ?? []));
for (let r = 0; r < 3; r++) {
let t = performance.now(); let cands = 0, hits = 0;
for (const doc of docs) { const x = scanText(doc, v); cands += x.words.length / 2; const h = v.resolveCandidates(doc, x.words); hits += h.length; }
console.log('scan+resolve', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s', 'candidates', cands, 'hits', hits);
t = performance.now(); for (const doc of docs) scanText(doc, v); console.log('wasm only', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s');
}
