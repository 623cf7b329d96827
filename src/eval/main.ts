import { scoreCorpus } from './doctypes.ts';

/**
 * `npm run eval`: how good the classifier is, on data it was not trained on.
 *  1. document type and label accuracy on the held-back split of rules/corpus;
 *  2. per-category precision and recall on fixtures/eval/categories.jsonl (hand-annotated);
 *  3. person-name recall on ../shared/testdata/ner-nl and span recall on ../shared/testdata/deid-nl.
 */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function corpusSection(): void {
  const score = scoreCorpus();
  console.log(`Document types and labels — rules/corpus, trained on ${score.train}, scored on ${score.dev} held-back documents`);
  console.log(`  document type accuracy ${pct(score.typeAccuracy)}   label accuracy ${pct(score.labelAccuracy)}\n`);
  console.log(`  ${'type'.padEnd(24)} ${'n'.padStart(3)} ${'type ok'.padStart(8)} ${'label ok'.padStart(9)}`);
  for (const [type, row] of [...score.perType].sort()) {
    console.log(`  ${type.padEnd(24)} ${String(row.n).padStart(3)} ${String(row.type).padStart(8)} ${String(row.label).padStart(9)}`);
  }
  if (score.confusions.length) {
    console.log('\n  mistakes (file: expected type/label → got):');
    for (const c of score.confusions) {
      console.log(`    ${c.file}: ${c.expectedType}/${c.expectedLabel} → ${c.type}/${c.label}`);
    }
  }
}

corpusSection();
