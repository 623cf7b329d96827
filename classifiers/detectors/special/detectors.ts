import type { Detector, Occurrence } from '../../detector.ts';
import { personNameDetector } from '../person-name/detector.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import type { KeywordHit } from '../../text/vocabulary.ts';
import { judge, SUBJECT_WINDOW, SUBJECT_WORDS, type SubjectCue } from './data-subject.ts';
import {
  caseMatches, entryKey, loadSpecialRule, SPECIAL_CATEGORY_IDS, type Entries, type SpecialRule,
} from './rules.ts';
import { sentenceAround, within } from './sentence-span.ts';

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
  entries: Entries;
  qualifier?: string;
}

interface Raw {
  hit: KeywordHit;
  /** A false friend (`kerkhof` for `kerk*`), a standalone term, or a term that needs a qualifier. */
  kind: 'excluded' | 'term' | number;
}

/** The more letters an entry names, the more specific it is; a whole word beats a stem of the same length. */
const specificity = (entry: string) => (entry.endsWith('*') ? entry.length - 1 : entry.length + 0.5);

/** What the evidence shows of a term: the vocabulary word, never a capitalised word that might be a name. */
function shownTerm(text: string, hit: KeywordHit, entries: Entries): string {
  const matched = text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
  const first = matched[0] ?? '';
  if (entries.caseSensitive.has(entryKey(hit.entry))) return matched;
  if (first === first.toLowerCase()) return matched.toLowerCase();
  if (!hit.entry.endsWith('*')) return hit.entry;
  const stem = hit.entry.slice(0, -1);
  return matched.length > stem.length ? `${stem}…` : stem;
}

function about(cue: SubjectCue | undefined): string {
  if (!cue) return '';
  return cue.kind === 'formLine' ? ' on a "Label: value" line' : ` over "${cue.shown}"`;
}

function createDetector(rule: SpecialRule): Detector {
  const prefix = `special.${rule.category}`;
  const termList = `${prefix}.terms`;
  const groups = rule.groups.map((group) => ({
    group,
    termList: `${prefix}.${group.name}`,
    qualifierList: `${prefix}.${group.name}.qualifiers`,
  }));
  const excluded = new Set(rule.excluded.words.map(entryKey));
  const what = rule.category.replace(/-/g, ' ');

  /**
   * The shared keyword pass reports every entry that matches (`ziekte*` and `ziekteverzuim` on one word). Per
   * stretch of text the most specific entry decides: a false friend silences the term it shadows, and a
   * qualified group term (`ziekteverzuim`, needs a reason) is not also counted as the bare stem.
   */
  function candidates(text: ScannedText): Candidate[] {
    const t = text.text;
    const raw: Raw[] = [];
    for (const hit of text.hits(termList)) {
      if (!caseMatches(rule.terms, hit.entry, t.slice(hit.start, hit.end))) continue;
      raw.push({ hit, kind: excluded.has(entryKey(hit.entry)) ? 'excluded' : 'term' });
    }
    groups.forEach(({ group, termList: list }, index) => {
      for (const hit of text.hits(list)) if (caseMatches(group.terms, hit.entry, t.slice(hit.start, hit.end))) raw.push({ hit, kind: index });
    });
    if (raw.length === 0) return [];
    raw.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end || specificity(b.hit.entry) - specificity(a.hit.entry));
    const found: Candidate[] = [];
    let decidedUntil = -1;
    for (const { hit, kind } of raw) {
      if (hit.end <= decidedUntil) continue;
      decidedUntil = hit.end;
      if (kind === 'excluded') continue;
      if (kind === 'term') {
        found.push({ hit, base: rule.score, entries: rule.terms });
        continue;
      }
      const { group, qualifierList } = groups[kind]!;
      const sentence = sentenceAround(t, hit, SUBJECT_WINDOW);
      const qualifier = within(text.hits(qualifierList), sentence.start, sentence.end)
        .find((q) => (q.end <= hit.start || q.start >= hit.end) && caseMatches(group.qualifiers, q.entry, t.slice(q.start, q.end)));
      if (!qualifier) continue;
      const shown = t.slice(qualifier.start, qualifier.end).toLowerCase().replace(/\s+/g, ' ');
      found.push({ hit, base: group.score, entries: group.terms, qualifier: shown });
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
      SUBJECT_LIST,
      // The names this detector consults as data subjects (document-subject.ts) come from the person-name lists.
      ...(personNameDetector.wordLists ?? []),
    ],
    detect(text) {
      const occurrences: Occurrence[] = [];
      for (const { hit, base, entries, qualifier } of candidates(text)) {
        const sentence = sentenceAround(text.text, hit, SUBJECT_WINDOW);
        const judged = judge(text, SUBJECT_LIST.id, hit, sentence, base);
        if (judged.confidence === 0) continue;
        const term = shownTerm(text.text, hit, entries);
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
