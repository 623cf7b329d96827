import { loadRule } from '../../rules.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { Vocabulary, type KeywordHit } from '../../text/vocabulary.ts';
import { caseMatches, compileWords, entryKey, type Entries } from './rules.ts';

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

const LETTER = /[a-z0-9\u00c0-\u024f]/i;
/**
 * All local kinds (pronouns, "u", roles, generic wording) in a vocabulary of their own, scanned per block around
 * candidates only: these words are too frequent for the shared pass, and one big regex of alternatives is what
 * V8 runs slowest. Where entries overlap, the longest wins, then the earlier kind (roles before "u": "uw werknemer"
 * is a role).
 */
const LOCAL_GROUPS: readonly LocalKind[] = [...LOCAL_KINDS, 'strongGeneric', 'weakGeneric'];
const LOCAL_VOCABULARY = new Vocabulary(LOCAL_GROUPS.map((kind) => ({ id: kind, words: SUBJECT_RULES.lists[kind] })));
const GROUP_ORDER = new Map(LOCAL_GROUPS.map((k, i) => [k, i]));
/** Local cues are found per block of text, once per text, however many candidates share the block. */
const BLOCK = 512;
const LONGEST = Math.max(...LOCAL_GROUPS.flatMap((k) => SUBJECT_RULES.lists[k].map((w) => w.length))) + 8;

const firstKind = (hit: KeywordHit) =>
  Math.min(...hit.listIds.map((id) => GROUP_ORDER.get(id as LocalKind) ?? Infinity));

export interface LocalCue {
  kind: LocalKind;
  start: number;
  end: number;
  /** The cue word, lower case (pronouns and generic words are never personal). */
  shown: string;
}

function scanBlock(text: string, block: number): LocalCue[] {
  const from = block * BLOCK;
  const slice = text.slice(from, from + BLOCK + LONGEST);
  const hits = LOCAL_VOCABULARY.scan(slice).filter((h) => h.start < BLOCK);
  // Longest first at each start, then the earlier kind; then no overlaps.
  hits.sort((a, b) => a.start - b.start || b.end - a.end || firstKind(a) - firstKind(b));
  const found: LocalCue[] = [];
  let taken = 0;
  for (const hit of hits) {
    if (hit.start < taken) continue;
    const start = from + hit.start;
    const end = from + hit.end;
    if ((start > 0 && LETTER.test(text[start - 1]!)) || notAWord(text, start, end, false)) continue;
    const kind = LOCAL_GROUPS[firstKind(hit)]!;
    if (kind === 'firstPersonObject' && namesAPortal(text, start)) continue;
    found.push({ kind, start, end, shown: slice.slice(hit.start, hit.end).toLowerCase().replace(/\s+/g, ' ') });
    taken = hit.end;
  }
  return found;
}

/** Pronouns, "u" and generic wording inside [from, to). */
export function localCues(text: ScannedText, from: number, to: number): LocalCue[] {
  const blocks = text.memo('special-category.local-cues', () => new Map<number, LocalCue[]>());
  const found: LocalCue[] = [];
  for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b++) {
    let cues = blocks.get(b);
    if (!cues) blocks.set(b, (cues = scanBlock(text.text, b)));
    for (const cue of cues) if (cue.start >= from && cue.end <= to) found.push(cue);
  }
  return found;
}

/** "Mijn" capitalised inside a sentence names a portal or a menu ("Mijn CBR", 'Mijn team'), not the writer. */
function namesAPortal(text: string, start: number): boolean {
  return /^\p{Lu}/u.test(text[start]!) && !/(?:^|[.!?:]\s*|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
}
