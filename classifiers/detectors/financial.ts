import type { Span } from '../../src/types.ts';
import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskAll } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';

type Score =
  | 'termPersonAmount' | 'termPerson' | 'termAmount' | 'ambiguousPersonAmount' | 'ambiguousAmount' | 'termOnly'
  | 'organisation';

const RULES = loadRule('detectors/financial.json', (_, f) => ({
  terms: f.strings('terms'),
  ambiguous: f.strings('ambiguousTerms'),
  notTerms: f.strings('notTerms'),
  person: f.strings('personalReferences'),
  organisation: f.strings('organisationContext'),
  aggregate: f.strings('aggregateContext'),
  window: f.number('window', 20, 500),
  scores: f.object('scores') as Record<Score, number>,
}));

const TERM = 'financial.term';
const AMBIGUOUS = 'financial.ambiguous';
/** Compounds that a stem would catch but that name an organisation's matter (`salariskosten` under `salaris*`). */
const NOT_TERM = 'financial.not-term';

const LETTER = '[a-z0-9\\u00c0-\\u024f]';
/**
 * Context words are looked up only inside the sentence around a financial term, with a regex built from
 * the rule's list (same `word*` convention as the vocabulary): words like "u", "zijn" and "haar" are far
 * too common to index over the whole text for the sake of a rare financial term.
 */
function localWords(words: readonly string[]): RegExp {
  const alternatives = words
    .map((w) => {
      const stem = w.endsWith('*');
      const body = (stem ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t-]');
      return stem ? `${body}${LETTER}*` : `${body}(?!${LETTER})`;
    })
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?<!${LETTER})(?:${alternatives.join('|')})`, 'i');
}

const PERSON = localWords(RULES.person);
const ORGANISATION = localWords(RULES.organisation);
const AGGREGATE = localWords(RULES.aggregate);

/** A sentence ends at . ! ? before a capital (not after an initial or a title), or at a blank line. */
const BREAK = /(?<!\b(?:[A-Z]|[Dd]hr|[Mm]evr|[Mm]w|[Mm]rs?|[Mm]s|[Dd]rs?|[Ii]r|[Ii]ng|[Pp]rof|[Nn]r|[Ss]t|bijv|o\.a|t\.a\.v))[.!?](?=\s+["'(]?[A-Z\u00c0-\u00de])|\n[ \t]*\n/g;
/** An amount of money: € 3.500,00, EUR 12, 1.200 euro, $ 40, ƒ 100. */
const AMOUNT = /(?:€|\bEUR\b|\$|£|ƒ|\bfl\.)[ \u00a0]?-?\d[\d.,]*(?:,-)?|\b\d[\d.]*(?:,\d{1,2}|,-)?[ \u00a0]?(?:euro|EUR)\b/i;

/** The sentence (or line block) around a hit, at most `window` characters to either side. */
function scopeOf(s: string, hit: Span): Span {
  const from = Math.max(0, hit.start - RULES.window);
  const to = Math.min(s.length, hit.end + RULES.window);
  let start = from;
  const left = s.slice(from, hit.start);
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(left); m; m = BREAK.exec(left)) start = from + m.index + m[0].length;
  BREAK.lastIndex = 0;
  const right = BREAK.exec(s.slice(hit.end, to));
  return { start, end: right ? hit.end + right.index + 1 : to };
}

/** The first context word of `words` inside the scope, lower case. */
function within(s: string, words: RegExp, scope: Span): string | undefined {
  return words.exec(s.slice(scope.start, scope.end))?.[0].toLowerCase();
}

interface Judged extends Occurrence {
  scopeEnd: number;
}

function judge(text: ScannedText, hit: KeywordHit): Judged | undefined {
  const s = text.text;
  const scope = scopeOf(s, hit);
  const clear = hit.listIds.includes(TERM);
  const word = s.slice(hit.start, hit.end).toLowerCase().slice(0, 40);
  const amount = AMOUNT.exec(s.slice(scope.start, scope.end))?.[0].replace(/[.,]+$/, '');
  const person = within(s, PERSON, scope);
  const company = within(s, AGGREGATE, scope) ?? (person ? undefined : within(s, ORGANISATION, scope));
  let score: Score;
  let reason: string;
  if (company) {
    score = 'organisation';
    reason = `"${word}" in a sentence about an organisation or a group ("${company}"): not one person's finances`;
  } else if (person) {
    score = clear ? (amount ? 'termPersonAmount' : 'termPerson') : amount ? 'ambiguousPersonAmount' : 'termOnly';
    reason = `"${word}" said about a person ("${person}")${amount ? ' with an amount' : ''}`;
    if (!clear && !amount) return undefined; // "het is zijn schuld": guilt, not debt
  } else if (amount) {
    score = clear ? 'termAmount' : 'ambiguousAmount';
    reason = `"${word}" with an amount, no personal reference in the sentence`;
  } else if (clear) {
    score = 'termOnly';
    reason = `"${word}" without an amount or a person: about the topic, not about someone (weak)`;
  } else return undefined;
  const shown = amount ? evidence(maskAll(amount), word) : person ? `${word} (${person})` : word;
  return { start: hit.start, end: hit.end, confidence: RULES.scores[score], evidence: shown, reason, scopeEnd: scope.end };
}

export const financialDetector: Detector = {
  id: 'financial',
  category: 'financial',
  wordLists: [
    { id: TERM, words: RULES.terms },
    { id: AMBIGUOUS, words: RULES.ambiguous },
    { id: NOT_TERM, words: RULES.notTerms },
  ],
  detect(text) {
    const hits = [...new Set([...text.hits(TERM), ...text.hits(AMBIGUOUS)])].sort((a, b) => a.start - b.start);
    const occurrences: Judged[] = [];
    let previous: Judged | undefined;
    for (const hit of hits) {
      const judged = judge(text, hit);
      if (!judged) continue;
      // Several financial words in one sentence make one occurrence: the strongest reading.
      if (previous && hit.start < previous.scopeEnd) {
        if (judged.confidence > previous.confidence) Object.assign(previous, judged, { start: previous.start });
        continue;
      }
      previous = judged;
      occurrences.push(judged);
    }
    return occurrences.map(({ scopeEnd: _, ...o }) => o);
  },
};
