import { labelOfCategory, labelRank, maxLabel, type Category, type Finding, type Label } from '../src/types.ts';
import type { DocumentType } from './doctype/doctypes.ts';

export interface LabelDecision {
  label: Label;
  reason: string;
}

/**
 * The label: the highest of the document type's default and what the findings imply. Below the type's default
 * only when the content clearly holds no personal data: no decisive finding in a text long enough to judge.
 */
export const MIN_CHARS_TO_JUDGE = 40;

/** A special default (kopie-legitimatie, medische-brief) without special findings holds only when the type is sure. */
export const SURE_TYPE = 0.6;

/** How the special-category detectors explain a term in a document that names no person (special/data-subject.ts). */
export const WITHOUT_SUBJECT = 'in a document without a data subject';
/** … and a term with no person nearby in a document that names someone elsewhere (special/data-subject.ts). */
export const NAMED_ELSEWHERE = 'the document names a person elsewhere';
/** The lowest score of such a term that a document about one person makes decisive (a strong term: 0.9 × 0.45). */
export const ONE_PERSON_HINT = 0.4;
/**
 * The categories a document about one person lists as that person's affiliations (a CV's "Kaderlid FNV", "raadslid
 * voor D66", "koster van de Hervormde kerk"). Health words in a CV or payslip are as often the person's field of work
 * ("cao GGZ", "verpleegkundige oncologie") as their condition: they keep needing a person nearby.
 */
const AFFILIATIONS: ReadonlySet<Category> = new Set<Category>(['trade-union', 'political', 'religion', 'sexual-orientation']);

/**
 * In a document of a type about one person (rules/doctypes.json aboutOnePerson: a CV, a payslip, an appraisal) whose
 * type is sure, an affiliation (AFFILIATIONS) that only lacked a person nearby ("Kaderlid FNV" in a CV's career list)
 * is the person's the document names: it becomes a finding, its explanation saying why. Hints lowered by generic
 * wording, negated, or in a document that names nobody stay hints.
 */
export function aboutTheDocumentsPerson(
  type: DocumentType,
  typeConfidence: number,
  findings: readonly Finding[],
  hints: readonly Finding[],
): { findings: Finding[]; hints: Finding[] } {
  const promote = (h: Finding) =>
    type.aboutOnePerson === true && typeConfidence >= SURE_TYPE && AFFILIATIONS.has(h.category) &&
    h.confidence >= ONE_PERSON_HINT && h.explanation.includes(NAMED_ELSEWHERE) && h.explanation.includes('no generic wording') &&
    !/negated by|asked as a question/.test(h.explanation);
  if (!hints.some(promote)) return { findings: [...findings], hints: [...hints] };
  const promoted = hints.filter(promote).map((h) => ({
    ...h,
    explanation: `${h.explanation}; the document is a ${type.id}, about the one person it names: about that person`,
  }));
  return {
    findings: [...findings, ...promoted].sort((a, b) => b.confidence - a.confidence),
    hints: hints.filter((h) => !promote(h)),
  };
}

export function decideLabel(
  type: DocumentType,
  typeConfidence: number,
  findings: readonly Finding[],
  hints: readonly Finding[],
  textLength: number,
): LabelDecision {
  let fromFindings: Label = 'geen';
  const special: Category[] = [];
  const ordinary: Category[] = [];
  for (const f of findings) {
    const label = labelOfCategory(f.category);
    fromFindings = maxLabel(fromFindings, label);
    (label === 'bijzonder' ? special : ordinary).push(f.category);
  }
  const found =
    special.length > 0 ? `special personal data found (${special.join(', ')})`
    : ordinary.length > 0 ? `personal data found (${ordinary.join(', ')})`
    : 'no personal data found';
  const typeSays = `document type ${type.id} defaults to ${type.defaultLabel}`;

  if (labelRank(fromFindings) >= labelRank(type.defaultLabel)) {
    return { label: fromFindings, reason: `${found}; ${typeSays}` };
  }
  // Hints (a role mailbox, a company account, a 9-digit number without context) are not about a person: they do
  // not keep a default up. A short text is not enough to be sure of anything.
  const clearlyNothing = findings.length === 0 && textLength >= MIN_CHARS_TO_JUDGE;
  if (clearlyNothing) {
    const weak = hints.length ? ` (only weak hints: ${[...new Set(hints.map((h) => h.category))].join(', ')})` : '';
    return { label: 'geen', reason: `${typeSays}, but the text holds no personal data${weak}: lowered to geen` };
  }
  // A special hint that names nobody (a policy on sick leave that mentions fit notes) is about a topic, not a person:
  // it does not keep a special default up either.
  const specialHint = hints.some((h) => labelOfCategory(h.category) === 'bijzonder' && !h.explanation.includes(WITHOUT_SUBJECT));
  if (type.defaultLabel === 'bijzonder' && typeConfidence < SURE_TYPE && !specialHint) {
    const label = maxLabel(fromFindings, findings.length > 0 || hints.length > 0 ? 'generiek' : 'geen');
    return {
      label,
      reason: `${typeSays}, but the type is uncertain (${typeConfidence}) and nothing special was found: ${found}`,
    };
  }
  return { label: type.defaultLabel, reason: `${typeSays} (${type.ground}); ${found}` };
}
