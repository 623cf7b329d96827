import { generateCorpus } from './corpus.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
const docs = generateCorpus(10);
const text = docs.join('\n');
const freq = new Map<string, number>();
for (const m of text.toLowerCase().matchAll(/[a-z]{4,}/g)) freq.set(m[0], (freq.get(m[0]) ?? 0) + 1);
const sorted = [...freq].sort((a, b) => b[1] - a[1]).map(([w]) => w);
const rnd = (n: number) => { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26)); return s; };
for (const [name, list] of [['rare300', sorted.slice(500, 800)], ['rare1500', sorted.slice(500, 2000)], ['random3000', Array.from({ length: 3000 }, () => rnd(6))], ['rare1500+pfx', sorted.slice(500, 2000).map((w, i) => i % 2 ? w.slice(0, 5) + '*' : w)], ['common500', sorted.slice(0, 500)]] as const) {
  const v = new Vocabulary([{ id: 'x', words: list as string[] }]);
  const t0 = performance.now(); let hits = 0;
  for (const d of docs) hits += v.scan(d).length;
  const s = (performance.now() - t0) / 1000;
  console.log(name.padEnd(14), (10 / s).toFixed(0).padStart(5), 'MB/s', hits);
}
