import { createTextClassifier } from './classifiers/classify-text.ts';
import { readFileSync } from 'node:fs';
const c = createTextClassifier();
const r = c(readFileSync(0, 'utf8'));
console.log(r.label, r.categories, r.findings.map((f) => [f.category, f.evidence, f.explanation]));
