import type { Span } from '../../../src/types.ts';
import { WEAK } from '../../detector.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { documentSubject, type SubjectCue } from './document-subject.ts';
import { within } from './sentence-span.ts';
import { negatedBefore, negationPattern, onFormLine } from './subject-cues.ts';
import { kindsOf, localCues, SUBJECT_RULES as R, type LocalCue } from './subject-rules.ts';

/**
 * Is a special-category term said ABOUT A PERSON? A small, explainable scorer:
 *   confidence = base × subject factor − generic wording
 * The subject factor comes from the best cue: a named person or a filled-in name field in the same sentence
 * (1.0) or within the window (× nearby); "ik"/"mijn", a role ("de patiënt", "zij") or "u" in a letter to one
 * person in the same sentence; a "Label: value" line in a document about a named person. Without a cue the
 * factor is low, lower still when the document has no data subject at all — then nothing is strong.
 * Generic wording in the sentence ("verwerken", "persoonsgegevens", "mensen met", "kunnen"), a question or a
 * negation ("geen strafblad") subtracts. Data in rules/special/data-subject.json.
 */
export { SUBJECT_WORDS } from './subject-rules.ts';
export type { SubjectCue } from './document-subject.ts';
export const SUBJECT_WINDOW = R.window;

const S = R.scores;
const EMPTY = new Set(R.emptyValues);
const NEGATION = negationPattern(R.negation);
const round = (x: number) => Math.round(x * 100) / 100;

export interface Judgement {
  /** 0 means: generic wording outweighs everything, report nothing. */
  confidence: number;
  cue?: SubjectCue;
  /** Why, after the term: `in the same sentence as the named person "mevrouw J******"; no generic wording (…)`. */
  reason: string;
}

const sameSentence = (cue: Span, sentence: Span) => cue.start >= sentence.start && cue.end <= sentence.end;

function describe(cue: SubjectCue): string {
  switch (cue.kind) {
    case 'named': return `the named person "${cue.shown}"`;
    case 'field': return `the filled-in field "${cue.shown}"`;
    case 'firstPerson': return `the first person "${cue.shown}"`;
    case 'role': return `"${cue.shown}" in a document about a named person`;
    case 'secondPerson': return `"${cue.shown}" in a letter addressed to one person`;
    case 'formLine': return 'a "Label: value" line in a document about a named person';
  }
}

interface Best {
  cue: SubjectCue;
  factor: number;
}

const distanceTo = (term: Span, s: Span) => (s.end <= term.start ? term.start - s.end : s.start - term.end);

/** The better of the best cue so far and a new one: a higher factor, or the same factor nearer the term. */
function better(best: Best | undefined, term: Span, cue: SubjectCue, factor: number): Best | undefined {
  if (!best || factor > best.factor || (factor === best.factor && distanceTo(term, cue) < distanceTo(term, best.cue))) return { cue, factor };
  return best;
}

/** "ik"/"mijn" a sentence or two away counts only where someone is named (an e-mail, a letter), not in a template. */
function firstPerson(best: Best | undefined, term: Span, cue: SubjectCue, sentence: Span, named: boolean): Best | undefined {
  if (sameSentence(cue, sentence)) return better(best, term, cue, S.firstPerson);
  return named ? better(best, term, cue, S.firstPerson * S.nearby) : best;
}

const asCue = (local: LocalCue, kind: SubjectCue['kind']): SubjectCue => ({ kind, start: local.start, end: local.end, shown: local.shown });

/**
 * Scores one term hit inside its sentence. Runs for every candidate term, so no closures: under tsx (keepNames)
 * every function made per call costs a property definition.
 */
export function judge(text: ScannedText, cueList: string, term: Span, sentence: Span, base: number): Judgement {
  const doc = documentSubject(text, cueList);
  const from = Math.max(0, term.start - R.window);
  const to = term.end + R.window;
  let best: Best | undefined;
  // Named persons and fields may stand a line or two away (forms, letters); pronouns and roles only in the sentence.
  for (const person of within(doc.people, from, to)) {
    best = better(best, term, person, (person.kind === 'field' ? S.field : S.namedPerson) * (sameSentence(person, sentence) ? 1 : S.nearby));
  }
  if (doc.named && onFormLine(text.text, term, EMPTY)) best = better(best, term, { kind: 'formLine', start: term.start, end: term.end, shown: '' }, S.formLine);
  for (const hit of within(text.hits(cueList), from, to)) {
    if (!kindsOf(text.text, hit).includes('firstPerson')) continue;
    const cue: SubjectCue = { kind: 'firstPerson', start: hit.start, end: hit.end, shown: text.text.slice(hit.start, hit.end).toLowerCase() };
    best = firstPerson(best, term, cue, sentence, doc.named);
  }
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const local of localCues(text, from, Math.min(to, text.text.length))) {
    if (local.kind === 'firstPersonObject') {
      if (doc.has) best = firstPerson(best, term, asCue(local, 'firstPerson'), sentence, doc.named);
    } else if (!sameSentence(local, sentence)) continue;
    else if (local.kind === 'roles' && doc.named) best = better(best, term, asCue(local, 'role'), S.role);
    else if (local.kind === 'secondPerson' && doc.addressed) best = better(best, term, asCue(local, 'secondPerson'), S.secondPerson);
    else if (local.kind === 'strongGeneric') strong.add(local.shown);
    else if (local.kind === 'weakGeneric') weak.add(local.shown);
  }
  const question = text.text[sentence.end - 1] === '?';
  const negation = negatedBefore(text.text, term.start, NEGATION);
  const penalty = strong.size * S.strongGeneric + weak.size * S.weakGeneric + (question ? S.question : 0)
    + (negation ? S.negation : 0);
  const found = best;
  const factor = found ? found.factor : doc.has ? S.noCueWithSubject : S.noSubject;
  let confidence = Math.max(0, base * factor - penalty);
  if (!doc.has) confidence = Math.min(confidence, WEAK - 0.01);
  confidence = round(confidence);

  const where = found
    ? `${sameSentence(found.cue, sentence) ? 'in the same sentence as' : `within ${R.window} characters of`} ${describe(found.cue)}`
    : doc.has
      ? 'with no person nearby it is about (the document names a person elsewhere)'
      : 'in a document without a data subject (no salutation with a name, filled-in name field, signature or first person)';
  const wording = [...strong, ...weak].map((w) => `"${w}"`);
  const notes = [wording.length ? `generic wording ${wording.join(', ')} lowers it` : 'no generic wording'];
  if (question) notes.push('asked as a question');
  if (negation) notes.push(`negated by "${negation}"`);
  const score = `score ${round(base)} × ${round(factor)}${penalty ? ` − ${round(penalty)}` : ''} = ${confidence}`;
  return {
    confidence: confidence < S.drop ? 0 : confidence,
    ...(found ? { cue: found.cue } : {}),
    reason: `${where}; ${notes.join('; ')} (${score})`,
  };
}
