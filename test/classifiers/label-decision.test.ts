import { describe, expect, it } from 'vitest';
import { documentType } from '../../classifiers/doctype/doctypes.ts';
import { decideLabel, SURE_TYPE, WITHOUT_SUBJECT } from '../../classifiers/label.ts';
import { classifyText } from '../../src/index.ts';
import type { Category, Finding } from '../../src/types.ts';

const finding = (category: Category, confidence: number, explanation: string): Finding => ({
  category, detector: category, count: 1, confidence, evidence: '…', explanation, spans: [],
});
const name = finding('person-name', 0.9, 'a name after a closing');
const UNSURE = SURE_TYPE - 0.2;

describe('label decision', () => {
  it('keeps an unsure special default for a special hint about someone', () => {
    const hint = finding('health', 0.4, 'health term "ziek" with no person nearby it is about (the document names a person elsewhere)');
    expect(decideLabel(documentType('ziekmelding'), UNSURE, [name], [hint], 500).label).toBe('bijzonder');
  });

  it('does not keep it for a special hint in a document that names no data subject', () => {
    const hint = finding('health', 0.32, `health term "ziekte" ${WITHOUT_SUBJECT} (no salutation with a name …)`);
    expect(decideLabel(documentType('ziekmelding'), UNSURE, [name], [hint], 500).label).toBe('generiek');
    // A sure type keeps its default.
    expect(decideLabel(documentType('ziekmelding'), SURE_TYPE, [name], [hint], 500).label).toBe('bijzonder');
  });

  it('reads the special detectors\' own wording for a term without a data subject', () => {
    const { hints } = classifyText('Verzuimbeleid\n\nBij ziekte meldt de werknemer zich voor 9.00 uur ziek bij de leidinggevende. De bedrijfsarts beoordeelt de belastbaarheid.');
    expect(hints.some((h) => h.category === 'health' && h.explanation.includes(WITHOUT_SUBJECT))).toBe(true);
  });
});
