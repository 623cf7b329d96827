import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../classifiers/doctype/corpus.ts';
import { classifyText } from '../../src/index.ts';

/**
 * The product must not become the leak: what the classifier says about a document (evidence, explanations,
 * reasons) never repeats an identifier from it. Checked on all 480 corpus documents, which are full of them.
 */
const IDENTIFIERS = [
  /\d[\d .-]{4,}\d/g, // BSNs, phone numbers, account and document numbers (runs of 6+ digits with separators)
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b/g, // IBANs written without spaces
];

function identifiersIn(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of IDENTIFIERS) {
    for (const m of text.matchAll(pattern)) {
      const digits = m[0].replace(/\D/g, '');
      if (m[0].includes('@') || digits.length >= 6) found.add(m[0].trim());
    }
  }
  return [...found];
}

describe('no identifier leaves the classifier', () => {
  it('on every corpus document: evidence, explanations and reasons hold no raw identifier or name', () => {
    const leaks: string[] = [];
    for (const doc of loadCorpus()) {
      const result = classifyText(doc.text);
      const said = JSON.stringify({
        findings: [...result.findings, ...result.hints].map((f) => [f.evidence, f.explanation]),
        reasons: [result.labelReason, result.documentTypeReason],
      });
      for (const id of identifiersIn(doc.text)) {
        const compact = id.replace(/[\s.-]/g, '');
        if (said.includes(id) || (compact.length >= 6 && said.replace(/[\s.-]/g, '').includes(compact))) leaks.push(`${doc.file}: identifier`);
      }
      for (const f of [...result.findings, ...result.hints].filter((x) => x.category === 'person-name')) {
        for (const span of f.spans) {
          for (const word of doc.text.slice(span.start, span.end).match(/\p{Lu}\p{Ll}{3,}/gu) ?? []) {
            if (said.includes(word)) leaks.push(`${doc.file}: name word`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
