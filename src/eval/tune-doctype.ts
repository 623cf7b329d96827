import { DEFAULT_DOCTYPE_OPTIONS, createDocumentTypeClassifier, trainDocumentTypeModel, type DocumentTypeOptions } from '../../classifiers/doctype/classifier.ts';
import { loadCorpus } from '../../classifiers/doctype/corpus.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';

/**
 * Cross-validation (5 folds over rules/corpus) of how cue words and the text model are combined, to choose
 * DEFAULT_DOCTYPE_OPTIONS without tuning on the held-back split alone. Run: npx tsx src/eval/tune-doctype.ts
 */
const corpus = loadCorpus();
const fold = (file: string) => Number(/\/(\d+)-/.exec(file)![1]) % 5;
const models = Array.from({ length: 5 }, (_, k) => trainDocumentTypeModel(corpus.filter((d) => fold(d.file) !== k)));

function accuracy(options: DocumentTypeOptions): number {
  let right = 0;
  for (let k = 0; k < 5; k++) {
    const classifier = createDocumentTypeClassifier(models[k]!, options);
    const vocabulary = new Vocabulary(classifier.wordLists);
    for (const d of corpus.filter((x) => fold(x.file) === k)) {
      if (classifier.classify(new ScannedText(d.text, vocabulary)).documentType === d.type) right++;
    }
  }
  return right / corpus.length;
}

const results: [number, string][] = [];
for (const cueWeight of [0, 0.15, 0.3, 0.45, 0.6])
  for (const titleBonus of [0, 1, 3])
    for (const minConfidence of [0, 0.2, 0.3]) {
      const options = { ...DEFAULT_DOCTYPE_OPTIONS, cueWeight, titleBonus, minConfidence };
      results.push([accuracy(options), JSON.stringify({ cueWeight, titleBonus, minConfidence })]);
    }
results.sort((a, b) => b[0] - a[0]);
for (const [acc, opts] of results.slice(0, 10)) console.log((acc * 100).toFixed(1).padStart(5), opts);
console.log('default', (accuracy(DEFAULT_DOCTYPE_OPTIONS) * 100).toFixed(1), JSON.stringify(DEFAULT_DOCTYPE_OPTIONS));
