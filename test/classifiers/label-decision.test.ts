import { describe, expect, it } from 'vitest';
import { documentType } from '../../classifiers/doctype/doctypes.ts';
import { aboutTheDocumentsPerson, decideLabel, NAMED_ELSEWHERE, SURE_TYPE, WITHOUT_SUBJECT } from '../../classifiers/label.ts';
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

describe('a document about one person (a CV, a payslip, an appraisal): its affiliations are that person\'s', () => {
  const cv = documentType('cv-sollicitatie');
  const elsewhere = (category: Category, more = 'no generic wording') =>
    finding(category, 0.41, `term with no person nearby it is about (${NAMED_ELSEWHERE}); ${more} (score 0.9 × 0.45 = 0.41)`);

  it.each([
    ['trade-union' as const, 'a CV\'s "Kaderlid FNV" in the career list'],
    ['political' as const, 'a CV\'s "gemeenteraadslid voor de ChristenUnie"'],
    ['religion' as const, 'a CV\'s "koster van de Hervormde gemeente"'],
  ])('%s becomes a finding: %s', (category, _why) => {
    const judged = aboutTheDocumentsPerson(cv, 0.8, [name], [elsewhere(category)]);
    expect(judged.findings.map((f) => f.category)).toEqual(['person-name', category]);
    expect(judged.findings[1]!.explanation).toMatch(/the document is a cv-sollicitatie, about the one person it names/);
    expect(judged.hints).toEqual([]);
    expect(decideLabel(cv, 0.8, judged.findings, judged.hints, 500).label).toBe('bijzonder');
  });

  it.each([
    ['a health word in a CV is as often the field of work ("cao GGZ")', cv, 0.8, elsewhere('health')],
    ['the type is unsure', cv, UNSURE, elsewhere('trade-union')],
    ['a type about many people or none', documentType('notulen'), 0.9, elsewhere('trade-union')],
    ['generic wording lowered it', cv, 0.8, elsewhere('trade-union', 'generic wording "de vakbond" lowers it')],
    ['negated', cv, 0.8, elsewhere('political', 'no generic wording; negated by "geen"')],
    ['the document names nobody', cv, 0.8, finding('trade-union', 0.41, `term ${WITHOUT_SUBJECT}`)],
  ])('stays a hint: %s', (_why, type, confidence, hint) => {
    const judged = aboutTheDocumentsPerson(type, confidence, [name], [hint]);
    expect(judged.findings).toEqual([name]);
    expect(judged.hints).toEqual([hint]);
  });
});
