import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../src/index.ts';

/**
 * Realistic documents the classifier was not trained on (fixtures/documents/<name>.<label>.txt), including the hard
 * negatives: texts about health, BSNs, ID copies or sick leave that hold none, tables full of 9-digit numbers, and
 * company-only contact details.
 */
const DIR = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
const documents = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ file, label: file.split('.').at(-2)!, text: readFileSync(DIR + file, 'utf8') }));

describe('labels on unseen documents', () => {
  it.each(documents)('$file → $label', ({ text, label }) => {
    const result = classifyText(text);
    expect(result.label, `${result.labelReason}\n${JSON.stringify(result.findings.map((f) => [f.category, f.confidence, f.explanation]), null, 1)}`).toBe(label);
  });

  it('gives every label a reason and every finding an explanation', () => {
    for (const { text } of documents) {
      const result = classifyText(text);
      expect(result.labelReason.length).toBeGreaterThan(10);
      for (const f of result.findings) expect(f.explanation.length).toBeGreaterThan(10);
    }
  });
});
