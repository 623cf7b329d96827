import { loadRule } from '../rules.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { caseMatches, compileWords, entryKey, type Entries } from './special-rules.ts';

/**
 * The subject and generic cues of rules/special/data-subject.json. Cues that tell whether the DOCUMENT has a
 * data subject (salutations, fields, closings, "ik") go into the shared keyword pass; the frequent words that
 * only matter in a candidate's own sentence (pronouns, "u", generic wording) are matched locally there, so
 * the pass over every document does not carry tens of thousands of hits for "u", "zij" and "kan".
 */

const CUE_KINDS = [
  'salutations', 'greetings', 'fields', 'participantFields', 'identityFields', 'firstPerson', 'closings',
] as const;
const LOCAL_KINDS = ['roles', 'secondPerson', 'firstPersonObject'] as const;
export type CueKind = (typeof CUE_KINDS)[number];
export type LocalKind = (typeof LOCAL_KINDS)[number] | 'strongGeneric' | 'weakGeneric';
type Score = 'namedPerson' | 'field' | 'firstPerson' | 'role' | 'secondPerson' | 'formLine' | 'nearby'
  | 'noCueWithSubject' | 'noSubject' | 'strongGeneric' | 'weakGeneric' | 'question' | 'negation' | 'drop';

export const SUBJECT_RULES = loadRule('special/data-subject.json', (_, f) => {
  const generic = f.object('generic');
  const lists = Object.fromEntries([...CUE_KINDS, ...LOCAL_KINDS].map((k) => [k, f.strings(k)])) as
    Record<CueKind | LocalKind, string[]>;
  lists.strongGeneric = generic.strong as string[];
  lists.weakGeneric = generic.weak as string[];
  return {
    window: f.number('window', 20, 1000),
    addressBlock: f.number('addressBlock', 0, 5000),
    header: f.number('header', 0, 5000),
    lists,
    greetingNonNames: new Set(f.strings('greetingNonNames')),
    nonNames: new Set(f.strings('nonNames')),
    signatureNonNames: new Set(f.strings('signatureNonNames')),
    negation: f.strings('negation'),
    emptyValues: f.strings('emptyValues'),
    scores: f.object('scores') as Record<Score, number>,
  };
});

const KINDS = new Map<string, CueKind[]>();
const CUES: Entries = { words: [], caseSensitive: new Map() };
for (const kind of CUE_KINDS) {
  const compiled = compileWords(SUBJECT_RULES.lists[kind]);
  for (const word of compiled.words) KINDS.set(entryKey(word), [...(KINDS.get(entryKey(word)) ?? []), kind]);
  CUES.words.push(...compiled.words);
  for (const [key, forms] of compiled.caseSensitive) CUES.caseSensitive.set(key, forms);
}

/** The document-level cue words; each special-category detector declares them under its own list id. */
export const SUBJECT_WORDS: readonly string[] = [...new Set(CUES.words)];

/** An all-caps acronym (`HIS`, `ME`) where the cue is a plain word, or a word broken at a line end (`me-\n`). */
function notAWord(text: string, start: number, end: number, caseSensitive: boolean): boolean {
  const matched = text.slice(start, end);
  if (!caseSensitive && matched.length > 1 && matched === matched.toUpperCase() && /\p{Lu}/u.test(matched)) return true;
  return text[end] === '-' && /^-[ \t]*\r?\n/.test(text.slice(end, end + 4));
}

/** What a document-level cue hit is. */
export function kindsOf(text: string, hit: KeywordHit): readonly CueKind[] {
  if (!caseMatches(CUES, hit.entry, text.slice(hit.start, hit.end))) return [];
  if (notAWord(text, hit.start, hit.end, CUES.caseSensitive.has(entryKey(hit.entry)))) return [];
  return KINDS.get(entryKey(hit.entry)) ?? [];
}

/** One regex per local kind, longest alternatives first; run only on a candidate's window. */
function localPattern(words: readonly string[]): RegExp {
  const alternatives = [...new Set(words.map((w) => w.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const prefix = w.endsWith('*');
      const body = (prefix ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\t-]+');
      return prefix ? `${body}\\p{L}*` : `${body}(?![\\p{L}\\p{N}])`;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
}
const GENERIC = localPattern([...SUBJECT_RULES.lists.strongGeneric, ...SUBJECT_RULES.lists.weakGeneric]);
const STRONG_GENERIC = new RegExp(`^${localPattern(SUBJECT_RULES.lists.strongGeneric).source}$`, 'iu');
const LOCAL = LOCAL_KINDS.map((kind) => [kind, localPattern(SUBJECT_RULES.lists[kind])] as const);

export interface LocalCue {
  kind: LocalKind;
  start: number;
  end: number;
  /** The cue word, lower case (pronouns and generic words are never personal). */
  shown: string;
}

/** Pronouns, "u" and generic wording inside [from, to). */
export function localCues(text: string, from: number, to: number): LocalCue[] {
  const slice = text.slice(from, to);
  const found: LocalCue[] = [];
  const collect = (pattern: RegExp, kindOf: (m: string) => LocalKind) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (!notAWord(text, start, end, false)) found.push({ kind: kindOf(m[0]), start, end, shown: m[0].toLowerCase().replace(/\s+/g, ' ') });
    }
  };
  for (const [kind, pattern] of LOCAL) collect(pattern, () => kind);
  collect(GENERIC, (m) => (STRONG_GENERIC.test(m) ? 'strongGeneric' : 'weakGeneric'));
  return found;
}
