import { readFileSync } from 'node:fs';
import { classifyText } from '../index.ts';
for (const f of process.argv.slice(2)) {
  const r = classifyText(readFileSync(f, 'utf8'));
  console.log(f, r.label, r.documentType, r.documentTypeConfidence);
  for (const h of [...r.findings, ...r.hints]) console.log('  ', h.category, h.confidence, h.evidence, '—', h.explanation);
}
