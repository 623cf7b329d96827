import type { Span } from '../../src/types.ts';
import { WEAK } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { maskWords } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { caseMatches, compileWords, entryKey, type Entries } from './special-rules.ts';
import { fieldValue, greetingName, salutationName, signatureName, within } from './subject-cues.ts';

/**
 * Is a special-category term said ABOUT A PERSON? A small, explainable scorer: a subject cue near the term
 * (a named person, a filled-in name field, first person; a role or "u" only in a document about one person)
 * raises it, generic wording in its sentence ("verwerken", "persoonsgegevens", "mensen met") lowers it, and a
 * document without any data subject never yields a strong occurrence. Data in rules/special/data-subject.json.
 */
type CueKind = 'salutations' | 'greetings' | 'fields' | 'roles' | 'firstPerson' | 'secondPerson' | 'closings';
const CUE_KINDS: readonly CueKind[] = ['salutations', 'greetings', 'fields', 'roles', 'firstPerson', 'secondPerson', 'closings'];
type Kind = CueKind | 'strongGeneric' | 'weakGeneric';
type Score = 'namedPerson' | 'field' | 'firstPerson' | 'role' | 'secondPerson' | 'nearby' | 'noCueWithSubject'
  | 'noSubject' | 'strongGeneric' | 'weakGeneric' | 'question' | 'drop';

const RULES = loadRule('special/data-subject.json', (raw, f) => {
  const generic = f.object('generic');
  const lists = Object.fromEntries(CUE_KINDS.map((k) => [k, f.strings(k)])) as Record<Kind, string[]>;
  lists.strongGeneric = generic.strong as string[];
  lists.weakGeneric = generic.weak as string[];
  return {
    window: f.number('window', 20, 1000),
    addressBlock: f.number('addressBlock', 0, 5000),
    lists,
    greetingNonNames: new Set(f.strings('greetingNonNames')),
    nonNames: new Set(f.strings('nonNames')),
    signatureNonNames: new Set(f.strings('signatureNonNames')),
    scores: f.object('scores') as Record<Score, number>,
  };
});
const S = RULES.scores;
export const SUBJECT_WINDOW = RULES.window;

const KINDS = new Map<string, Kind[]>();
const CUES: Entries = { words: [], caseSensitive: new Map() };
for (const [kind, words] of Object.entries(RULES.lists) as [Kind, string[]][]) {
  const compiled = compileWords(words);
  for (const word of compiled.words) KINDS.set(entryKey(word), [...(KINDS.get(entryKey(word)) ?? []), kind]);
  CUES.words.push(...compiled.words);
  for (const [key, forms] of compiled.caseSensitive) CUES.caseSensitive.set(key, forms);
}
/** Every cue word; each special-category detector declares them under its own list id. */
export const SUBJECT_WORDS: readonly string[] = [...new Set(CUES.words)];

export interface SubjectCue extends Span {
  kind: 'named' | 'field' | 'firstPerson' | 'role' | 'secondPerson';
  /** Masked for display: `mevrouw J******`, `Naam: J. J*****`, `ik`. */
  shown: string;
}

export interface DocumentSubject {
  /** Named persons and filled-in name fields, in text order. */
  people: SubjectCue[];
  firstPerson: boolean;
  /** Addressed to one person (a greeting with a name, or a name-and-address block): "u" means that person. */
  addressed: boolean;
  has: boolean;
}

function kindsOf(text: string, hit: KeywordHit): readonly Kind[] {
  if (!caseMatches(CUES, hit.entry, text.slice(hit.start, hit.end))) return [];
  return KINDS.get(entryKey(hit.entry)) ?? [];
}

/**
 * PERSON-NAME HOOK — the single place where the person-name detector's results can be consulted later
 * (classifiers/detectors/person-name.ts, `text.memo('person-name', …)`): return each name it found as a
 * `named` cue with a masked `shown`. Until then the cheap salutation/field/signature cues stand alone.
 */
function peopleFromOtherDetectors(_text: ScannedText): SubjectCue[] {
  return [];
}

function opensLine(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return text.slice(lineStart, pos).trim() === '';
}

/** Does the document have a data subject at all? Computed once per text, from the shared keyword pass. */
export function documentSubject(text: ScannedText, cueList: string): DocumentSubject {
  return text.memo('special-category.subject', () => {
    const people: SubjectCue[] = [];
    let firstPerson = false;
    let addressed = false;
    let greetingEnd = -Infinity;
    const t = text.text;
    for (const hit of text.hits(cueList)) {
      const word = t.slice(hit.start, hit.end);
      for (const kind of kindsOf(t, hit)) {
        if (kind === 'greetings') {
          greetingEnd = hit.end;
          const name = greetingName(t, hit.end, RULES.greetingNonNames);
          if (name) people.push({ kind: 'named', start: hit.start, end: hit.end + 1 + name.length, shown: `${word.toLowerCase()} ${maskWords(name)}` });
          addressed ||= name !== undefined;
        } else if (kind === 'salutations') {
          const name = salutationName(t, hit.end, RULES.nonNames);
          if (!name) continue;
          people.push({ kind: 'named', start: hit.start, end: hit.end + 1 + name.length, shown: `${word.toLowerCase()} ${maskWords(name)}` });
          // "Geachte heer X", or a name-and-address block: the name opens a line near the top.
          addressed ||= hit.start - greetingEnd <= 3 || (hit.start < RULES.addressBlock && opensLine(t, hit.start));
        } else if (kind === 'fields') {
          const value = fieldValue(t, hit.end);
          if (value) people.push({ kind: 'field', start: hit.start, end: hit.end, shown: `${word}: ${maskWords(value)}` });
        } else if (kind === 'closings') {
          const name = signatureName(t, hit.end, RULES.signatureNonNames);
          if (name) people.push({ kind: 'named', start: hit.start, end: hit.end, shown: maskWords(name) });
        } else if (kind === 'firstPerson') firstPerson = true;
      }
    }
    people.push(...peopleFromOtherDetectors(text));
    people.sort((a, b) => a.start - b.start);
    return { people, firstPerson, addressed, has: people.length > 0 || firstPerson };
  });
}

export interface Judgement {
  confidence: number;
  cue?: SubjectCue;
  /** Why, after the term: `in the same sentence as the named person "mevrouw J******"; no generic wording (…)`. */
  reason: string;
}

const round = (x: number) => Math.round(x * 100) / 100;

function describe(cue: SubjectCue): string {
  switch (cue.kind) {
    case 'named': return `the named person "${cue.shown}"`;
    case 'field': return `the filled-in field "${cue.shown}"`;
    case 'firstPerson': return `the first person "${cue.shown}"`;
    case 'role': return `"${cue.shown}" in a document about a named person`;
    case 'secondPerson': return `"${cue.shown}" in a letter addressed to one person`;
  }
}

/** Scores one term hit: base × subject factor − generic wording, explained. */
export function judge(text: ScannedText, cueList: string, term: Span, sentence: Span, base: number): Judgement {
  const doc = documentSubject(text, cueList);
  const from = Math.max(0, term.start - SUBJECT_WINDOW);
  const to = term.end + SUBJECT_WINDOW;
  let best: { cue: SubjectCue; factor: number } | undefined;
  const distance = (s: Span) => (s.end <= term.start ? term.start - s.end : s.start - term.end);
  const consider = (cue: SubjectCue, weight: number) => {
    const factor = weight * (sameSentence(cue, sentence) ? 1 : S.nearby);
    if (!best || factor > best.factor || (factor === best.factor && distance(cue) < distance(best.cue))) best = { cue, factor };
  };
  for (const person of within(doc.people, from, to)) consider(person, person.kind === 'field' ? S.field : S.namedPerson);
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const hit of within(text.hits(cueList), from, to)) {
    const shown = text.text.slice(hit.start, hit.end).toLowerCase().replace(/\s+/g, ' ');
    const inSentence = hit.start >= sentence.start && hit.end <= sentence.end;
    for (const kind of kindsOf(text.text, hit)) {
      if (kind === 'firstPerson') consider({ kind, start: hit.start, end: hit.end, shown }, S.firstPerson);
      else if (kind === 'roles' && doc.has) consider({ kind: 'role', start: hit.start, end: hit.end, shown }, S.role);
      else if (kind === 'secondPerson' && doc.addressed) consider({ kind, start: hit.start, end: hit.end, shown }, S.secondPerson);
      else if (kind === 'strongGeneric' && inSentence) strong.add(shown);
      else if (kind === 'weakGeneric' && inSentence) weak.add(shown);
    }
  }
  const question = text.text[sentence.end - 1] === '?';
  const penalty = strong.size * S.strongGeneric + weak.size * S.weakGeneric + (question ? S.question : 0);
  const found = best as { cue: SubjectCue; factor: number } | undefined;
  const factor = found ? found.factor : doc.has ? S.noCueWithSubject : S.noSubject;
  let confidence = Math.max(0, base * factor - penalty);
  if (!doc.has) confidence = Math.min(confidence, WEAK - 0.01);
  confidence = round(confidence);

  const where = found
    ? `${sameSentence(found.cue, sentence) ? 'in the same sentence as' : `within ${SUBJECT_WINDOW} characters of`} ${describe(found.cue)}`
    : doc.has
      ? 'with no person nearby it is about (the document names a person elsewhere)'
      : 'in a document without a data subject (no salutation with a name, filled-in name field, signature or first person)';
  const wording = [...strong, ...weak].map((w) => `"${w}"`);
  const generic = wording.length ? `generic wording ${wording.join(', ')} lowers it` : 'no generic wording';
  const score = `score ${round(base)} × ${round(factor)}${penalty ? ` − ${round(penalty)}` : ''} = ${confidence}`;
  return {
    confidence: confidence < S.drop ? 0 : confidence,
    ...(found ? { cue: found.cue } : {}),
    reason: `${where}; ${generic}${question ? '; asked as a question' : ''} (${score})`,
  };
}

function sameSentence(cue: Span, sentence: Span): boolean {
  return cue.start >= sentence.start && cue.end <= sentence.end;
}
