import type { Detector, Occurrence } from '../../detector.ts';
import { personNameDetector } from '../person-name/detector.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import type { KeywordHit } from '../../text/vocabulary.ts';
import type { Span } from '../../../src/types.ts';
import { judge, SUBJECT_WINDOW, SUBJECT_WORDS, type SubjectCue } from './data-subject.ts';
import { CaseCheck, entryKey, loadSpecialRule, SPECIAL_CATEGORY_IDS, type SpecialRule } from './rules.ts';
import { firstFrom } from './sentence-span.ts';
import { identityValue, inOrganisationName } from './subject-cues.ts';
import { SUBJECT_RULES } from './subject-rules.ts';
import { textFacts, type TextFacts } from './text-facts.ts';
import type { LocalCue } from './subject-rules.ts';

/** The subject cues (salutations, fields, "ik"): one list object shared by the nine detectors, compiled once. */
const SUBJECT_LIST = { id: 'special.subject', words: SUBJECT_WORDS };

/**
 * The special categories of personal data (AVG art. 9, art. 10), one detector per category, all built from
 * data: rules/special/<category>.json holds the vocabulary (stemmed at load time), qualified groups and
 * false friends; data-subject.ts decides whether a term is said about a person.
 */

interface Candidate {
  hit: KeywordHit;
  base: number;
  cases: CaseCheck;
  qualifier?: string;
  /** Where the term is judged, when not at the term itself: the membership sentence of a letterhead term. */
  at?: Span;
  /** The term's sentence, where it was found with the qualifier's stretch. */
  sentence?: Span;
}

interface Raw {
  hit: KeywordHit;
  /** A false friend (`kerkhof` for `kerk*`), a standalone term, or a term that needs a qualifier. */
  kind: 'excluded' | 'term' | number;
}

/** What candidates() returns without a term (shared: callers only read it). */
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/** The more letters an entry names, the more specific it is; a whole word beats a stem of the same length. */
const specificity = (entry: string) => (entry.endsWith('*') ? entry.length - 1 : entry.length + 0.5);

/**
 * Whether s may hold whitespace (\s): any character up to a space, or beyond ASCII (where the regex decides). Most
 * matched terms are one plain word, and then no regex needs to run over them.
 */
function mayHoldSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 128) return true;
  }
  return false;
}

/** Runs of whitespace in s as one space. */
const oneSpaced = (s: string) => (mayHoldSpace(s) ? s.replace(/\s+/g, ' ') : s);

/** What the evidence shows of a term: the vocabulary word, never a capitalised word that might be a name. */
function shownTerm(text: string, hit: KeywordHit, cases: CaseCheck): string {
  const matched = oneSpaced(text.slice(hit.start, hit.end));
  const first = matched[0] ?? '';
  if (cases.formsOf(hit.entry) !== null) return matched;
  if (first === first.toLowerCase()) return matched.toLowerCase();
  if (!hit.entry.endsWith('*')) return hit.entry;
  const stem = hit.entry.slice(0, -1);
  return matched.length > stem.length ? `${stem}…` : stem;
}

function about(cue: SubjectCue | undefined): string {
  if (!cue) return '';
  return cue.kind === 'formLine' ? ' on a "Label: value" line' : ` over "${cue.shown}"`;
}

/** Raw hits sorted by position, longest first at one start, then the most specific entry (stable). */
const byPosition = (a: Raw, b: Raw) =>
  a.hit.start - b.hit.start || b.hit.end - a.hit.end || specificity(b.hit.entry) - specificity(a.hit.entry);

/** Already in byPosition's order (mostly: one list's hits, one entry per word), so the sort would change nothing. */
function inOrder(raw: readonly Raw[]): boolean {
  for (let i = 1; i < raw.length; i++) if (byPosition(raw[i - 1]!, raw[i]!) > 0) return false;
  return true;
}

/** The word right before `start` on its line (blanks between), lower case; '' when none. */
function wordBefore(text: string, start: number): string {
  let end = start;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  let from = end;
  while (from > 0 && /\p{L}/u.test(text[from - 1]!)) from--;
  return text.slice(from, end).toLowerCase();
}

const sentenceOf = (facts: TextFacts, hit: Span) => facts.sentenceEnds.around(hit, SUBJECT_WINDOW);

/** The first qualifier of a group in the sentence, beside the term (not overlapping it), or undefined. */
function qualifierIn(text: ScannedText, list: string, qualifiers: CaseCheck, sentence: Span, hit: Span): KeywordHit | undefined {
  const hits = text.hits(list);
  for (let i = firstFrom(hits, sentence.start); i < hits.length && hits[i]!.start < sentence.end; i++) {
    const q = hits[i]!;
    if (q.end <= sentence.end && (q.end <= hit.start || q.start >= hit.end) && qualifiers.matchesAt(q.entry, text.text, q.start, q.end)) return q;
  }
  return undefined;
}

/** How many lines with text open a document as its letterhead (the sender's name, address, contact lines). */
const LETTERHEAD_LINES = 3;

/** Whether pos lies in the first LETTERHEAD_LINES lines that hold text (a character scan up to pos only). */
function inLetterhead(text: string, pos: number): boolean {
  let lines = 0;
  let filled = false;
  for (let i = 0; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (filled && ++lines >= LETTERHEAD_LINES) return false;
      filled = false;
    } else if (c !== 32 && c !== 9 && c !== 13) filled = true;
  }
  return true;
}

/** The local cues of one sentence (letterheadQualifier's scratch list, overwritten per call). */
const SENTENCE_CUES: LocalCue[] = [];

/**
 * A group term in the letterhead is the sender ("FNV Metaal, Postbus 9208"): in a letter to one person, a letterhead
 * qualifier in a sentence addressed to the reader ("Op 1 april bent u precies tien jaar lid") makes the addressee a
 * member, as does a letterhead qualifier filled in with a number ("Lidnummer: 7004 1187 53"). The first such qualifier
 * after the letterhead, or undefined.
 */
function letterheadQualifier(
  text: ScannedText, facts: TextFacts, list: string, qualifiers: CaseCheck, words: ReadonlySet<string>, hit: Span,
): KeywordHit | undefined {
  if (!facts.subject.addressed) return undefined;
  const hits = text.hits(list);
  for (let i = firstFrom(hits, hit.end); i < hits.length; i++) {
    const q = hits[i]!;
    if (!words.has(entryKey(q.entry)) || !qualifiers.matchesAt(q.entry, text.text, q.start, q.end)) continue;
    // A field filled in with a number under the letterhead ("Lidnummer: 7004 1187 53") is the addressee's own.
    if (identityValue(text.text, q.end)) return q;
    const sentence = sentenceOf(facts, q);
    const n = facts.localCues(sentence.start, sentence.end, SENTENCE_CUES);
    for (let k = 0; k < n; k++) if (SENTENCE_CUES[k]!.kind === 'secondPerson') return q;
  }
  return undefined;
}

/** Whether some sentence holds a word of the first list and one of the second (their list ids). */
function sentenceHoldsBoth(text: ScannedText, facts: TextFacts, lists: readonly [string, string]): boolean {
  const seconds = text.hits(lists[1]);
  if (seconds.length === 0) return false;
  for (const first of text.hits(lists[0])) {
    const sentence = sentenceOf(facts, first);
    const i = firstFrom(seconds, sentence.start);
    if (i < seconds.length && seconds[i]!.end <= sentence.end) return true;
  }
  return false;
}

/** How far before a term a workplace lead may stand ("werkzaam bij Stichting Epilepsie Instellingen Nederland"). */
const WORKPLACE_WINDOW = 60;
/**
 * What may stand between a workplace lead and the term: an article, then up to three words of an organisation's name
 * (capitalised, or afdeling/stichting, or a joining van/voor/der; a full stop ends it) — "bij de afdeling Oncologie",
 * "bij Revalidatiecentrum".
 * A sentence of its own ("werk bij jullie sinds mijn burn-out") does not pass: the term is then said about someone.
 */
const WORKPLACE_GAP = /^[ \t]+(?:(?:de|het|een|the|an?)[ \t]+)?(?:(?:afdeling|stichting|vereniging|van|voor|der|den|\p{Lu}(?:[\p{L}\p{N}'&-]|\.(?=\S))*)[ \t]+){0,3}$/u;

/** Whether a workplace lead of `list` ("werk bij", "stage bij") stands right before the term: it names where one works. */
function afterWorkplaceLead(text: ScannedText, list: string, hit: Span): boolean {
  const leads = text.hits(list);
  const before = firstFrom(leads, hit.start) - 1;
  const lead = leads[before];
  if (!lead || lead.end > hit.start || hit.start - lead.end > WORKPLACE_WINDOW) return false;
  return WORKPLACE_GAP.test(text.text.slice(lead.end, hit.start));
}

/** What glues a word into a machine token on its left: `_`, `=`, `.`, a hyphen after a letter, or a quote after `=`/`: `. */
const TOKEN_LEFT = /(?:[_=.]|[\p{L}\p{N}]-|[=:][ \t]?["'])$/u;
/** … and on its right: `_`, `=`, or a hyphen or dot before a letter or digit. */
const TOKEN_RIGHT = /^(?:[_=]|[-.][\p{L}\p{N}])/u;

/**
 * Whether a hit is glued into a machine token ("reason=\"user-disabled\"", "login_user_disabled", "is_disabled=true"):
 * a field of a log or an export, not a word of prose.
 */
function inMachineToken(text: string, hit: Span): boolean {
  return TOKEN_LEFT.test(text.slice(Math.max(0, hit.start - 3), hit.start)) || TOKEN_RIGHT.test(text.slice(hit.end, hit.end + 2));
}

export function createDetector(rule: SpecialRule): Detector {
  const prefix = `special.${rule.category}`;
  const termList = `${prefix}.terms`;
  const groups = rule.groups.map((group) => ({
    group,
    termList: `${prefix}.${group.name}`,
    qualifierList: `${prefix}.${group.name}.qualifiers`,
    terms: new CaseCheck(group.terms),
    qualifiers: new CaseCheck(group.qualifiers),
    letterhead: group.letterhead,
    sentenceWith: group.sentenceWith && [`${prefix}.${group.name}.with.0`, `${prefix}.${group.name}.with.1`] as const,
  }));
  const terms = new CaseCheck(rule.terms);
  const excluded = new Set(rule.excluded.words.map(entryKey));
  /** Per entry of the term list: a false friend? (looked up once per entry) */
  const falseFriend = new Map<string, boolean>();
  function isExcluded(entry: string): boolean {
    let is = falseFriend.get(entry);
    if (is === undefined) falseFriend.set(entry, (is = excluded.has(entryKey(entry))));
    return is;
  }
  const animal = rule.animalPatient && { owner: `${prefix}.animal.owner`, veterinary: `${prefix}.animal.veterinary` };
  const workplaceList = rule.workplace && `${prefix}.workplace`;
  const identifierWords = rule.identifierWords;

  /** A veterinary record: an owner field ("Eigenaar: …", filled in on its line) and a veterinary word anywhere. */
  function aboutAnAnimal(text: ScannedText): boolean {
    if (!animal || text.hits(animal.veterinary).length === 0) return false;
    const t = text.text;
    return text.hits(animal.owner).some((hit) => /^[ \t]*:[ \t]*\S/.test(t.slice(hit.end, hit.end + 8)));
  }
  const what = rule.category.replace(/-/g, ' ');

  /**
   * The shared keyword pass reports every entry that matches (`ziekte*` and `ziekteverzuim` on one word). Per
   * stretch of text the most specific entry decides: a false friend silences the term it shadows, and a
   * qualified group term (`ziekteverzuim`, needs a reason) is not also counted as the bare stem.
   */
  function candidates(text: ScannedText): readonly Candidate[] {
    const t = text.text;
    // Made at the first hit: most detectors find none of their terms in a text.
    let raw: Raw[] | undefined;
    const termHits = text.hits(termList);
    for (let i = 0; i < termHits.length; i++) {
      const hit = termHits[i]!;
      if (!terms.matchesAt(hit.entry, t, hit.start, hit.end)) continue;
      (raw ??= []).push({ hit, kind: excluded.size > 0 && isExcluded(hit.entry) ? 'excluded' : 'term' });
    }
    for (let index = 0; index < groups.length; index++) {
      const groupTerms = groups[index]!.terms;
      const hits = text.hits(groups[index]!.termList);
      for (let i = 0; i < hits.length; i++) {
        const hit = hits[i]!;
        if (groupTerms.matchesAt(hit.entry, t, hit.start, hit.end)) (raw ??= []).push({ hit, kind: index });
      }
    }
    if (!raw) return NO_CANDIDATES;
    if (!inOrder(raw)) raw.sort(byPosition);
    const found: Candidate[] = [];
    let facts: TextFacts | undefined;
    let decidedUntil = -1;
    for (const { hit, kind } of raw) {
      if (hit.end <= decidedUntil) continue;
      decidedUntil = hit.end;
      if (kind === 'excluded') continue;
      // "Ik werk bij de GGZ", "stage bij de Hartstichting": the term names a workplace, not a condition of the person.
      if (workplaceList && afterWorkplaceLead(text, workplaceList, hit)) continue;
      if (kind === 'term') {
        // "sslvpn_login_user_disabled": a software state in a log field, no person's disability.
        if (identifierWords && identifierWords.has(t.slice(hit.start, hit.end).toLowerCase()) && inMachineToken(t, hit)) continue;
        // "Stichting Katholiek Onderwijs": a word of an organisation's name says nothing about a person.
        if (!inOrganisationName(t, hit.start, SUBJECT_RULES.organisationWords)) found.push({ hit, base: rule.score, cases: terms });
        continue;
      }
      const { group, qualifierList, qualifiers, terms: groupTerms, letterhead, sentenceWith } = groups[kind]!;
      if (group.after && !group.after.has(wordBefore(t, hit.start))) continue;
      // "Bond voor Media & Cultuur" in the letterhead: any association may bear the name; only as the sender, and with
      // the matter a union takes on ("rechtsbijstand" with "werkgever"), does it write to a union member.
      if (group.letterheadOnly) {
        if (!letterhead || !inLetterhead(t, hit.start)) continue;
        facts ??= textFacts(text, SUBJECT_LIST.id);
        if (sentenceWith && !sentenceHoldsBoth(text, facts, sentenceWith)) continue;
        const at = letterheadQualifier(text, facts, qualifierList, qualifiers, letterhead, hit);
        if (at) found.push({ hit, base: group.score, cases: groupTerms, qualifier: oneSpaced(t.slice(at.start, at.end).toLowerCase()), at });
        continue;
      }
      // The qualifier may stand on another line of the paragraph (a form block, the chat message before).
      const stretch = { start: 0, end: 0 };
      const sentence = (facts ??= textFacts(text, SUBJECT_LIST.id)).sentenceEnds.aroundWithStretch(hit, SUBJECT_WINDOW, stretch);
      let qualifier = qualifierIn(text, qualifierList, qualifiers, stretch, hit);
      let at: KeywordHit | undefined;
      if (!qualifier && letterhead && inLetterhead(t, hit.start)) {
        qualifier = at = letterheadQualifier(text, facts, qualifierList, qualifiers, letterhead, hit);
      }
      if (!qualifier) continue;
      const shown = oneSpaced(t.slice(qualifier.start, qualifier.end).toLowerCase());
      found.push(at ? { hit, base: group.score, cases: groupTerms, qualifier: shown, at }
        : { hit, base: group.score, cases: groupTerms, qualifier: shown, sentence });
    }
    return found;
  }

  return {
    id: rule.category,
    category: rule.category,
    wordLists: [
      { id: termList, words: [...rule.terms.words, ...rule.excluded.words] },
      ...groups.flatMap((g) => [
        { id: g.termList, words: g.group.terms.words },
        { id: g.qualifierList, words: g.group.qualifiers.words },
      ]),
      ...(animal ? [
        { id: animal.owner, words: rule.animalPatient!.ownerFields.words },
        { id: animal.veterinary, words: rule.animalPatient!.veterinary.words },
      ] : []),
      ...groups.flatMap((g) => (g.sentenceWith ? g.sentenceWith.map((id, k) => ({ id, words: g.group.sentenceWith![k]!.words })) : [])),
      ...(workplaceList ? [{ id: workplaceList, words: rule.workplace!.words }] : []),
      SUBJECT_LIST,
      // The names this detector consults as data subjects (document-subject.ts) come from the person-name lists.
      ...(personNameDetector.wordLists ?? []),
    ],
    detect(text) {
      const found = candidates(text);
      // The patient of a veterinary record is an animal: the owner is a person, but not the subject of its diagnoses.
      if (found.length === 0 || aboutAnAnimal(text)) return [];
      const facts = textFacts(text, SUBJECT_LIST.id);
      const occurrences: Occurrence[] = [];
      for (const { hit, base, cases, qualifier, at, sentence } of found) {
        const judged = judge(facts, at ?? hit, sentence ?? sentenceOf(facts, at ?? hit), base);
        if (!judged) continue;
        const term = shownTerm(text.text, hit, cases);
        const also = qualifier ? ` + "${qualifier}"` : '';
        occurrences.push({
          start: hit.start,
          end: hit.end,
          confidence: judged.confidence,
          evidence: `${rule.label}: "${term}"${also}${about(judged.cue)}`,
          reason: `${what} term "${term}"${qualifier ? ` with "${qualifier}"` : ''} ${judged.reason}`,
          category: rule.category,
        });
      }
      return occurrences;
    },
  };
}

/** One detector per special category; id = category id. */
export const specialCategoryDetectors: Detector[] = SPECIAL_CATEGORY_IDS.map((id) => createDetector(loadSpecialRule(id)));
