import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskAll } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { BARE_AMOUNT, MONEY, NAME_COLUMN, isSurname, localWords, scopeOf, within } from './financial-context.ts';

type Score =
  | 'termPersonAmount' | 'termNamedPerson' | 'termPronoun' | 'termAmount' | 'bareAmount' | 'ambiguousPersonAmount'
  | 'ambiguousAmount' | 'termOnly' | 'organisation';

const RULES = loadRule('detectors/financial.json', (_, f) => ({
  terms: f.strings('terms'),
  ambiguous: f.strings('ambiguousTerms'),
  notTerms: f.strings('notTerms'),
  named: f.strings('namedPersons'),
  person: f.strings('personalReferences'),
  organisation: f.strings('organisationContext'),
  generic: f.strings('genericContext'),
  headerChars: f.number('headerChars', 0, 100_000),
  window: f.number('window', 20, 500),
  scores: f.object('scores') as Record<Score, number>,
}));

const TERM = 'financial.term';
const AMBIGUOUS = 'financial.ambiguous';
/** Compounds that a stem would catch but that name an organisation's matter (`salariskosten` under `salaris*`). */

const NAMED = localWords(RULES.named);
const PERSON = localWords(RULES.person);
const ORGANISATION = localWords(RULES.organisation);
const GENERIC = localWords(RULES.generic);

/** The document's first lines name a person (`Naam:`, a naam column, `de heer`): a form or statement about someone. */
function aboutNamedPerson(text: ScannedText): boolean {
  return text.memo('financial.about-named-person', () => {
    const header = { start: 0, end: Math.min(text.text.length, RULES.headerChars) };
    return within(text.text, NAMED, header) !== undefined || within(text.text, NAME_COLUMN, header) !== undefined;
  });
}

interface Judged extends Occurrence {
  scopeEnd: number;
}

function judge(text: ScannedText, hit: KeywordHit): Judged | undefined {
  const s = text.text;
  const clear = hit.listIds.includes(TERM);
  if (!clear && isSurname(s, hit)) return undefined;
  const scope = scopeOf(s, hit, RULES.window);
  const word = s.slice(hit.start, hit.end).toLowerCase().slice(0, 40);
  const scoped = s.slice(scope.start, scope.end);
  const money = MONEY.exec(scoped)?.[0];
  const amount = (money ?? BARE_AMOUNT.exec(scoped)?.[0])?.replace(/[.,]+$/, '');
  const named = within(s, NAMED, scope) ?? within(s, NAME_COLUMN, scope);
  const person = named ?? within(s, PERSON, scope);
  const generic = within(s, GENERIC, scope) ?? (person ? undefined : within(s, ORGANISATION, scope));
  // A bare number is money about someone only in a document about a named person (a payslip, a bank statement).
  const counts = amount !== undefined && (money !== undefined || named !== undefined || aboutNamedPerson(text));
  let score: Score;
  let reason: string;
  if (generic) {
    score = 'organisation';
    reason = `"${word}" in a sentence about an organisation, a group or a vacancy ("${generic}"): not one person's finances`;
  } else if (person && counts) {
    score = clear ? 'termPersonAmount' : 'ambiguousPersonAmount';
    reason = `"${word}" with an amount, said about a person ("${person}")`;
  } else if (person) {
    if (!clear && !named) return undefined; // "het is zijn schuld": guilt, not debt
    score = clear && named ? 'termNamedPerson' : 'termPronoun';
    reason = !named
      ? `"${word}" with "${person}" but no amount or named person: a letter to someone, or a text addressing any reader (weak)`
      : clear
        ? `"${word}" said about a named person ("${person}")`
        : `"${word}" near a named person ("${person}"), but without an amount the word is ambiguous (weak)`;
  } else if (counts && aboutNamedPerson(text)) {
    score = clear ? 'termAmount' : 'ambiguousAmount';
    reason = `"${word}" with an amount, in a document about a named person`;
  } else if (counts && clear) {
    // Money without anyone it belongs to (a vacancy's salary range, a price list): not a person's finances.
    score = 'bareAmount';
    reason = `"${word}" with an amount, but no person in the sentence or the document header (weak)`;
  } else if (amount && clear) {
    score = 'bareAmount';
    reason = `"${word}" with a number in money format, but no person in the sentence or the document header (weak)`;
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
    // Cost lines of an organisation (salariskosten) are exceptions: `!word` keeps them out of both lists.
    { id: TERM, words: [...RULES.terms, ...RULES.notTerms.map((w) => `!${w}`)] },
    { id: AMBIGUOUS, words: [...RULES.ambiguous, ...RULES.notTerms.map((w) => `!${w}`)] },
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
