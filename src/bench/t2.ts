import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
import { scanText } from '../../classifiers/text/wasm/scanner.ts';
const empty = new Vocabulary([]);
for (const [name, unit] of [['xxxx', 'x'], ['words', 'hallo wereld dit is een tekst '], ['digits', '12 34 56 '], ['punct', '.,;:!? ']] as const) {
  const big = unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);
  for (let r = 0; r < 2; r++) { const t = performance.now(); for (let k = 0; k < 10; k++) scanText(big, empty); if (r) console.log(name, (10 * big.length / 1e6 / ((performance.now() - t) / 1000)).toFixed(0), 'MB/s'); }
}
