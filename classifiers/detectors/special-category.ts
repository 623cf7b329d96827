import type { Detector, Occurrence } from '../detector.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { judge, SUBJECT_WINDOW, SUBJECT_WORDS, type SubjectCue } from './data-subject.ts';
import {
  caseMatches, entryKey, loadSpecialRule, SPECIAL_CATEGORY_IDS, type Entries, type SpecialRule,
} from './special-rules.ts';
import { sentenceAround, within } from './subject-cues.ts';

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
  const cueList = `${prefix}.subject`;
  const groups = rule.groups.map((group) => ({
    group,
    termList: `${prefix}.${group.name}`,
    qualifierList: `${prefix}.${group.name}.qualifiers`,
  }));
  const excluded = new Set(rule.excluded.words.map(entryKey));
  const what = rule.category.replace(/-/g, ' ');

  function candidates(text: ScannedText): Candidate[] {
    const found: Candidate[] = [];
    const t = text.text;
    for (const hit of text.hits(termList)) {
      if (excluded.has(entryKey(hit.entry)) || !caseMatches(rule.terms, hit.entry, t.slice(hit.start, hit.end))) continue;
      found.push({ hit, base: rule.score, entries: rule.terms });
    }
    for (const { group, termList: list, qualifierList } of groups) {
      for (const hit of text.hits(list)) {
        if (!caseMatches(group.terms, hit.entry, t.slice(hit.start, hit.end))) continue;
        const sentence = sentenceAround(t, hit, SUBJECT_WINDOW);
        const qualifier = within(text.hits(qualifierList), sentence.start, sentence.end)
          .find((q) => caseMatches(group.qualifiers, q.entry, t.slice(q.start, q.end)));
        if (!qualifier) continue;
        const shown = t.slice(qualifier.start, qualifier.end).toLowerCase().replace(/\s+/g, ' ');
        found.push({ hit, base: group.score, entries: group.terms, qualifier: shown });
      }
    }
    return found.sort((a, b) => a.hit.start - b.hit.start);
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
      { id: cueList, words: SUBJECT_WORDS },
    ],
    detect(text) {
      const occurrences: Occurrence[] = [];
      for (const { hit, base, entries, qualifier } of candidates(text)) {
        const sentence = sentenceAround(text.text, hit, SUBJECT_WINDOW);
        const judged = judge(text, cueList, hit, sentence, base);
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
