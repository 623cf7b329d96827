import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskAll } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import type { Span } from '../../src/types.ts';
import { BARE_AMOUNT, HOLDER_ORGANISATION, LocalWords, NAME_COLUMN, isSurname, moneyIn, scopeOf } from './financial-context.ts';
import { cellIndex, cellSpan, lineAt, mostlyCompanyRows, tableRow } from './table-row.ts';

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
  organisationNames: f.strings('organisationNames'),
  generic: f.strings('genericContext'),
  placeholders: f.strings('pseudonymPlaceholders'),
  headerChars: f.number('headerChars', 0, 100_000),
  window: f.number('window', 20, 500),
  scores: f.object('scores') as Record<Score, number>,
}));

const TERM = 'financial.term';
const AMBIGUOUS = 'financial.ambiguous';
/** Compounds that a stem would catch but that name an organisation's matter (`salariskosten` under `salaris*`). */

const NAMED = new LocalWords(RULES.named);
const PERSON = new LocalWords(RULES.person);
const ORGANISATION = new LocalWords(RULES.organisation);
const GENERIC = new LocalWords(RULES.generic);
const ORGANISATION_NAME = new LocalWords(RULES.organisationNames);
/** The memo key of mostlyCompanyRows for a name column; no word list has this id, so only the cells decide. */
const ORGANISATION_CELLS = 'financial.organisation-cells';
/** The highest score: a reading that has it cannot be bettered by another word in its sentence. */
const MAX_SCORE = Math.max(...Object.values(RULES.scores));

/**
 * The account holder of a statement is an organisation (HOLDER_ORGANISATION): its "Tegenrekening / naam" column lists
 * the counterparties of a business, not a person's payments.
 */
function heldByOrganisation(text: ScannedText): boolean {
  return text.memo('financial.held-by-organisation', () => HOLDER_ORGANISATION.test(text.text.slice(0, RULES.headerChars)));
}

/**
 * Whether the "naam" header at `at` heads a column of organisations: most cells below it name a B.V., a foundation or
 * an authority ("Medline International B.V.", "Belastingdienst (loonheffing)"), as in a creditors' list.
 */
function organisationColumn(text: ScannedText, at: Span): boolean {
  const table = tableRow(text, at);
  if (!table) return false;
  const index = cellIndex(lineAt(text.text, table.row), at.start - table.row.start, table.sep);
  return mostlyCompanyRows(text, table, ORGANISATION_CELLS, (row) => {
    const cell = cellSpan(text.text, row, index, table.sep);
    return ORGANISATION_NAME.first(text.text.slice(cell.start, cell.end)) !== undefined;
  });
}

/**
 * A "naam" column in text[from, to) names people, except on the statement of an organisation's account and in a
 * column whose cells are mostly organisations.
 */
function nameColumn(text: ScannedText, from: number, to: number): string | undefined {
  if (heldByOrganisation(text)) return undefined;
  const m = NAME_COLUMN.exec(text.text.slice(from, to));
  if (!m || organisationColumn(text, { start: from + m.index, end: from + m.index + m[0].length })) return undefined;
  return m[0].toLowerCase();
}

/** The document's first lines name a person (`Naam:`, a naam column, `de heer`): a form or statement about someone. */
function aboutNamedPerson(text: ScannedText): boolean {
  return text.memo('financial.about-named-person', () => {
    const header = text.text.slice(0, RULES.headerChars);
    return NAMED.first(header) !== undefined || nameColumn(text, 0, header.length) !== undefined;
  });
}

/** A party written as a placeholder, the way published rulings are pseudonymised: `[eiseres]`, `[verdachte 2]`. */
const PLACEHOLDER = new RegExp(`\\[(?:${RULES.placeholders.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:[ \\t]?\\d{1,2})?\\]`, 'gi');
/** How many placeholders make a pseudonymised publication (one "[naam]" may be a template's blank). */
const MIN_PLACEHOLDERS = 2;

/**
 * The first placeholder of a pseudonymised publication (a ruling on rechtspraak.nl names its parties `[eiseres]`,
 * `[gedaagde]`, and blanks out `[woonplaats]`), or undefined. There "haar" and "zijn" point at a party no reader
 * can identify: no one's finances (AVG overweging 26). The text is searched only at its first financial term.
 */
function pseudonymised(text: ScannedText): string | undefined {
  return text.memo('financial.pseudonymised', () => {
    const s = text.text;
    if (s.indexOf('[') < 0) return undefined;
    PLACEHOLDER.lastIndex = 0;
    const found = s.match(PLACEHOLDER);
    return found && found.length >= MIN_PLACEHOLDERS ? found[0]!.toLowerCase() : undefined;
  });
}

function startsIncrease(hits: readonly KeywordHit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.start <= hits[i - 1]!.start) return false;
  return true;
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
  const money = moneyIn(scoped);
  const amount = (money ?? BARE_AMOUNT.exec(scoped)?.[0])?.replace(/[.,]+$/, '');
  const named = NAMED.first(scoped) ?? nameColumn(text, scope.start, scope.end);
  const person = named ?? PERSON.first(scoped);
  const generic = GENERIC.first(scoped) ?? (person ? undefined : ORGANISATION.first(scoped));
  // A bare number is money about someone only in a document about a named person (a payslip, a bank statement).
  const counts = amount !== undefined && (money !== undefined || named !== undefined || aboutNamedPerson(text));
  let score: Score;
  let reason: string;
  if (generic) {
    score = 'organisation';
    reason = `"${word}" in a sentence about an organisation, a group or a vacancy ("${generic}"): not one person's finances`;
  } else if (person && !named && counts && pseudonymised(text)) {
    score = 'bareAmount';
    reason = `"${word}" with an amount, said about a party of a pseudonymised publication ("${person}", the parties are written as "${pseudonymised(text)}"): no identifiable person (weak)`;
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
    const terms = text.hits(TERM);
    const ambiguous = text.hits(AMBIGUOUS);
    if (terms.length === 0 && ambiguous.length === 0) return [];
    const hits = ambiguous.length === 0 && startsIncrease(terms)
      ? terms // already in order, no hit twice: no copy, no sort
      : [...new Set([...terms, ...ambiguous])].sort((a, b) => a.start - b.start);
    const occurrences: Judged[] = [];
    let previous: Judged | undefined;
    for (const hit of hits) {
      // In the sentence of a reading that has the highest score, another word changes nothing.
      if (previous && hit.start < previous.scopeEnd && previous.confidence >= MAX_SCORE) continue;
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
    // Written out (the same keys in the same order): a rest pattern copies through a slow generic path.
    return occurrences.map((o) => ({ start: o.start, end: o.end, confidence: o.confidence, evidence: o.evidence, reason: o.reason }));
  },
};
