import { generateCorpus } from './corpus.ts';
import { allDetectors } from '../../classifiers/detectors/index.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
import { scanText } from '../../classifiers/text/wasm/scanner.ts';
const docs = generateCorpus(10);
const v = new Vocabulary(allDetectors.flatMap((d) => d.wordLists ?? []));
console.log('lists', v.listIds.length);
let t = performance.now(); let cands = 0, hits = 0;
const byList = new Map<string, number>(); const byEntry = new Map<string, number>();
for (const doc of docs) { const x = scanText(doc, v.filter, v.prefixLengthFlags); cands += x.words.length / 2; const h = v.resolveCandidates(doc, x.words); hits += h.length; for (const k of h) { byEntry.set(k.entry, (byEntry.get(k.entry) ?? 0) + 1); for (const l of k.listIds) byList.set(l, (byList.get(l) ?? 0) + 1); } }
console.log('scan+resolve', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s', 'candidates', cands, 'hits', hits);
t = performance.now(); for (const doc of docs) scanText(doc, v.filter, v.prefixLengthFlags); console.log('wasm only', (10 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s');
console.log([...byList].sort((a, b) => b[1] - a[1]).slice(0, 15));
console.log([...byEntry].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([e, n]) => `${e}:${n}`).join(' '));
