import { loadRule } from '../../rules.ts';
import { Vocabulary, type KeywordHit } from '../../text/vocabulary.ts';
import { createScanner } from '../../text/wasm/scanner.ts';
import { CaseCheck, compileWords, entryKey, showsForm, type Entries } from './rules.ts';

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
export type LocalKind = (typeof LOCAL_KINDS)[number] | 'strongGeneric' | 'weakGeneric' | 'conditional' | 'consent';
type Score = 'namedPerson' | 'field' | 'firstPerson' | 'role' | 'secondPerson' | 'formLine' | 'formSubject' | 'nearby'
  | 'noCueWithSubject' | 'noSubject' | 'strongGeneric' | 'weakGeneric' | 'question' | 'negation' | 'drop';

export const SUBJECT_RULES = loadRule('special/data-subject.json', (_, f) => {
  const generic = f.object('generic');
  const lists = Object.fromEntries([...CUE_KINDS, ...LOCAL_KINDS].map((k) => [k, f.strings(k)])) as
    Record<CueKind | LocalKind, string[]>;
  lists.strongGeneric = generic.strong as string[];
  lists.weakGeneric = generic.weak as string[];
  lists.conditional = f.strings('conditional');
  lists.consent = f.strings('consent');
  return {
    window: f.number('window', 20, 1000),
    addressBlock: f.number('addressBlock', 0, 5000),
    header: f.number('header', 0, 5000),
    lists,
    greetingNonNames: new Set(f.strings('greetingNonNames')),
    nonNames: new Set(f.strings('nonNames')),
    /** Words after "met zijn", "na zijn" … that make "zijn" the verb or an idiom ("met zijn allen"), lower case. */
    notPossessive: new Set(f.strings('notPossessive').map((w) => w.toLowerCase())),
    /** Words that open an organisation's name ("Stichting", "Universiteit"), lower case. */
    organisationWords: new Set(f.strings('organisationWords').map((w) => w.toLowerCase())),
    romanNumeralAfter: new Set(f.strings('romanNumeralAfter')),
    signatureNonNames: new Set(f.strings('signatureNonNames')),
    negation: f.strings('negation'),
    /** Words that open a condition clause ("indien", "mocht"), lower case. */
    conditionalOpeners: f.optionalStrings('conditionalOpeners').map((w) => w.toLowerCase()),
    emptyValues: f.strings('emptyValues'),
    /** First words of a value that is a group's figure ("deelname 58%"), lower case. */
    statisticValues: new Set(f.optionalStrings('statisticValues').map((w) => w.toLowerCase())),
    /** Answers that leave a questionnaire's question unanswered ("n.v.t.", "wil ik niet zeggen"), lower case. */
    notAnswered: f.optionalStrings('notAnswered').map((s) => s.toLowerCase()),
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
  if (!caseSensitive && end - start > 1 && !hasAsciiLower(text, start, end)) {
    // A word with a small ASCII letter is no acronym (upper-casing changes it): the upper-cased copy is only made for
    // the others.
    const matched = text.slice(start, end);
    if (matched === matched.toUpperCase() && /\p{Lu}/u.test(matched)) return true;
  }
  return text.charCodeAt(end) === 45 && /^-[ \t]*\r?\n/.test(text.slice(end, end + 4));
}

const isAsciiLower = (c: number) => c >= 97 && c <= 122;

function hasAsciiLower(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isAsciiLower(text.charCodeAt(i))) return true;
  return false;
}

const CUE_CASES = new CaseCheck(CUES);
const NO_KINDS: readonly CueKind[] = [];
/** Each cue entry's kinds, looked up once per entry (by the hit's entry string, as the capitals in CUE_CASES). */
const KINDS_OF_ENTRY = new Map<string, readonly CueKind[]>();

/** What a document-level cue hit is. */
export function kindsOf(text: string, hit: KeywordHit): readonly CueKind[] {
  const forms = CUE_CASES.formsOf(hit.entry);
  if (forms !== null && !showsForm(forms, text.slice(hit.start, hit.end))) return NO_KINDS;
  if (notAWord(text, hit.start, hit.end, forms !== null)) return NO_KINDS;
  let kinds = KINDS_OF_ENTRY.get(hit.entry);
  if (!kinds) KINDS_OF_ENTRY.set(hit.entry, (kinds = KINDS.get(entryKey(hit.entry)) ?? NO_KINDS));
  return kinds;
}

const LETTER = /[a-z0-9\u00c0-\u024f]/i;
/**
 * All local kinds (pronouns, "u", roles, generic wording) in a vocabulary of their own, scanned per block around
 * candidates only: these words are too frequent for the shared pass, and one big regex of alternatives is what
 * V8 runs slowest. Where entries overlap, the longest wins, then the earlier kind (roles before "u": "uw werknemer"
 * is a role).
 */
const LOCAL_GROUPS: readonly LocalKind[] = [...LOCAL_KINDS, 'strongGeneric', 'weakGeneric', 'conditional', 'consent'];
const LOCAL_VOCABULARY = new Vocabulary(LOCAL_GROUPS.map((kind) => ({ id: kind, words: SUBJECT_RULES.lists[kind] })));
/**
 * The local vocabulary's own WebAssembly scanner (its tables stay loaded; the shared pass's scanner keeps its own),
 * unless BEWAARDER_SCANNER=js asks for the JavaScript reference, as in scanned-text.ts. Both give the same hits.
 */
const LOCAL_SCANNER = process.env.BEWAARDER_SCANNER === 'js' ? undefined : createScanner(LOCAL_VOCABULARY);
const GROUP_ORDER = new Map(LOCAL_GROUPS.map((k, i) => [k, i]));
/**
 * Local cues are found per block of text: the cues that start in the block, scanned from its first character to
 * LONGEST past its end (a cue starting in the block is whole there). Once per text (text-facts.ts).
 */
export const LOCAL_BLOCK = 512;
/** The longest local cue, with room for blanks and a line break inside it. */
export const LONGEST = Math.max(...LOCAL_GROUPS.flatMap((k) => SUBJECT_RULES.lists[k].map((w) => w.length))) + 8;
/** Where the scan of a block ends. */
export const blockScanEnd = (block: number) => block * LOCAL_BLOCK + LOCAL_BLOCK + LONGEST;

/** The earliest local kind among a hit's lists; kept per list of lists (the vocabulary shares one per entry). */
const FIRST_KIND = new WeakMap<readonly string[], number>();
function firstKind(hit: KeywordHit): number {
  let first = FIRST_KIND.get(hit.listIds);
  if (first === undefined) {
    first = Infinity;
    for (const id of hit.listIds) first = Math.min(first, GROUP_ORDER.get(id as LocalKind) ?? Infinity);
    FIRST_KIND.set(hit.listIds, first);
  }
  return first;
}

/** Longest first at each start, then the earlier kind. */
const byStart = (a: KeywordHit, b: KeywordHit) => a.start - b.start || b.end - a.end || firstKind(a) - firstKind(b);

/**
 * Hits with strictly increasing starts are in byStart's order already (its other keys only order hits of one start):
 * the usual case, checked without the comparator's lookups.
 */
function inStartOrder(hits: readonly KeywordHit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i - 1]!.start >= hits[i]!.start) return false;
  return true;
}

/** A cue word with runs of whitespace as one space; most are one plain ASCII word, which holds none (no regex then). */
function shownCue(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c <= 32 || c >= 128) return word.replace(/\s+/g, ' ');
  }
  return word;
}

/** LETTER.test for one character: ASCII letters and digits directly (what the case-insensitive class holds there). */
function letterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER.test(text[i]!);
}

export interface LocalCue {
  kind: LocalKind;
  start: number;
  end: number;
  /** The cue word, lower case (pronouns and generic words are never personal). */
  shown: string;
}

/**
 * Pronouns, "u" and generic wording that start in one block, on some of its lines: text[start, end) is a run of
 * whole lines cut to the block's scan (from its first character to blockScanEnd), read on up to LONGEST past the last
 * line: a phrase may run on over a line break in wrapped text ("van de\n    ziekte"), and is found with the line it
 * starts on. Some lines at a time so give the same cues as the whole block at once (the overlaps below are settled
 * within a word or phrase). So only the lines around candidates are scanned.
 */
export function localCuesInLines(text: string, block: number, start: number, end: number): LocalCue[] {
  const slice = text.slice(start, end);
  const blockEnd = block * LOCAL_BLOCK + LOCAL_BLOCK - start;
  const hits = localHits(slice);
  const found: LocalCue[] = [];
  if (hits.length === 0) return found;
  if (hits.length > 1 && !inStartOrder(hits)) hits.sort(byStart);
  // Then no overlaps.
  let taken = 0;
  for (const hit of hits) {
    if (hit.start < taken || hit.start >= blockEnd) continue;
    const from = start + hit.start;
    const to = start + hit.end;
    if ((from > 0 && letterAt(text, from - 1)) || notAWord(text, from, to, false)) continue;
    const kind = LOCAL_GROUPS[firstKind(hit)]!;
    if (kind === 'firstPersonObject' && capitalisedMidSentence(text, from)) continue;
    if (kind === 'weakGeneric' && notTheModal(text, from, to)) continue;
    if (kind === 'roles' && endsInZijn(text, to) && !possessiveZijn(text, to)) continue;
    found.push({ kind, start: from, end: to, shown: shownCue(slice.slice(hit.start, hit.end).toLowerCase()) });
    taken = hit.end;
  }
  return found;
}

/** Whether a role ends in the word "zijn" ("na zijn"), by character codes (most roles do not). */
function endsInZijn(text: string, end: number): boolean {
  return end >= 4 && text.charCodeAt(end - 1) === 110 && text.slice(end - 4, end).toLowerCase() === 'zijn';
}

/** The word after a role, up to 30 letters. */
const NEXT_WORD = /^[ \t]*(?:\r?\n[ \t]*)?(\p{L}{1,30})/u;
/**
 * A past participle ("opgeleid", "vastgesteld", "behandeld"): "waar ze voor zijn opgeleid" uses the verb. Nouns that
 * look like one ("gezondheid", "gewicht", "gedachtegoed", "geboorteland") are let through.
 */
const PARTICIPLE = /^(?:\p{Ll}{0,5}ge\p{Ll}{2,}|be\p{Ll}{3,}|ver\p{Ll}{3,}|ont\p{Ll}{3,})[dt]$/u;
const PARTICIPLE_LOOK_ALIKE = /(?:heid|icht|goed|land)$/;

/**
 * Whether the "zijn" that ends at `end` (after a preposition: "in verband met zijn") is the possessive: a word follows
 * that is no idiom or clause word ("met zijn allen", "door zijn er") and no past participle.
 */
function possessiveZijn(text: string, end: number): boolean {
  const next = NEXT_WORD.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  if (next === undefined || SUBJECT_RULES.notPossessive.has(next)) return false;
  return !PARTICIPLE.test(next) || PARTICIPLE_LOOK_ALIKE.test(next);
}

/** The local vocabulary's hits in a piece of text (at most a block's scan long, within the native scanner's capacity). */
function localHits(slice: string): KeywordHit[] {
  if (!LOCAL_SCANNER || slice.length > LOCAL_SCANNER.capacity) return LOCAL_VOCABULARY.scan(slice);
  const out = LOCAL_SCANNER.scan(slice);
  return LOCAL_VOCABULARY.resolveRecords(slice, out.records, out.recordsFrom, out.recordsTo);
}

/** A clause number that opens a line, "7.1 ", "3. ", "7.1.2 ": the word after it starts a sentence. */
const CLAUSE_NUMBER = /^[ \t]*\d{1,2}\.(?:\d{1,2}\.?)*[ \t]+$/;

/**
 * A capitalised word inside a sentence: "Mijn" there names a portal or a menu ("Mijn CBR", 'Mijn team'), not the writer.
 * After a clause number at the start of a line ("7.2 If the Employee …") a word is the sentence's first.
 */
export function capitalisedMidSentence(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c >= 97 && c <= 122) return false; // a small ASCII letter is no \p{Lu}
  if (!/^\p{Lu}/u.test(text[start]!) || /(?:^|[.!?:]\s*|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return start - lineStart > 12 || !CLAUSE_NUMBER.test(text.slice(lineStart, start));
}

/**
 * A weak generic word that is another word: capitalised inside a sentence it is a month or a name ("on 14 May",
 * "Can Yılmaz"), and before an apostrophe a contraction ("can't" denies, it does not generalise).
 */
function notTheModal(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  return ((after === 39 || after === 8217) && letterAt(text, end + 1)) || capitalisedMidSentence(text, start);
}
