import { createTextClassifier } from '../../classifiers/classify-text.ts';
import { allDetectors } from '../../classifiers/detectors/index.ts';
import { scoreCategories } from './categories.ts';
import { spanRecall } from './deid-nl.ts';
import { nameRecall } from './ner-nl.ts';
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

function categorySection(): void {
  const score = scoreCategories(createTextClassifier());
  console.log(`\nCategories — fixtures/eval/categories.jsonl, ${score.items} hand-annotated texts (document level)`);
  console.log(`  label accuracy ${pct(score.labelAccuracy)}\n`);
  console.log(`  ${'category'.padEnd(20)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  for (const [c, r] of score.perCategory) {
    console.log(`  ${c.padEnd(20)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)} ${pct(r.precision).padStart(10)} ${pct(r.recall).padStart(8)}`);
  }
  if (process.env.EVAL_VERBOSE) {
    for (const m of score.misses) console.log(`    ${m.id}: missing [${m.missing}] extra [${m.extra}] label ${m.label} (want ${m.expected})`);
  }
}

async function sharedTestdataSection(): Promise<void> {
  const names = await nameRecall(allDetectors);
  console.log('\nPerson names — ../shared/testdata/ner-nl (Dutch newspapers 1810s–1860s, OCR, B-PER/I-PER tags)');
  console.log(`  ${names.gold} gold names: recall ${pct(names.recall)}, precision ${pct(names.precision)} (all occurrences);` +
    ` recall ${pct(names.strongRecall)}, precision ${pct(names.strongPrecision)} (decisive occurrences only)`);
  const spans = await spanRecall(allDetectors);
  console.log(`\nSpans — ../shared/testdata/deid-nl (${spans.documents} care-record texts, brat annotations; any detector's occurrence overlapping a gold span)`);
  for (const [type, r] of Object.entries(spans.types)) {
    console.log(`  ${type.padEnd(20)} ${String(r.found).padStart(3)} of ${String(r.gold).padStart(3)}  ${pct(r.recall)}`);
  }
  console.log(`  ${'overall'.padEnd(20)} ${String(spans.overall.found).padStart(3)} of ${String(spans.overall.gold).padStart(3)}  ${pct(spans.overall.recall)}`);
}

corpusSection();
categorySection();
await sharedTestdataSection();
