import { allDetectors } from '../../classifiers/detectors/index.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';

/**
 * Where the detector pass spends its time: the shared passes (keyword scan, digit runs) once, then each detector
 * on texts whose shared passes are already done. Printed by `npm run bench -- --detail`.
 */
export function detectorBreakdown(docs: readonly string[]): void {
  const vocabulary = new Vocabulary(allDetectors.flatMap((d) => d.wordLists ?? []));
  const bytes = docs.reduce((n, d) => n + d.length, 0) / 1e6;
  const row = (name: string, ms: number) =>
    console.log(`  ${name.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms ${(bytes / (ms / 1000)).toFixed(0).padStart(7)} MB/s`);
  let start = performance.now();
  const scanned = docs.map((d) => new ScannedText(d, vocabulary));
  for (const s of scanned) s.keywords();
  row('shared: keyword scan', performance.now() - start);
  start = performance.now();
  for (const s of scanned) s.digitRuns();
  row('shared: digit runs', performance.now() - start);
  for (const detector of allDetectors) {
    start = performance.now();
    for (const s of scanned) detector.detect(s);
    row(detector.id, performance.now() - start);
  }
}
