import type { Detector, Occurrence } from '../detector.ts';
import { elevenTest } from '../checksums.ts';
import { RuleError, loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { MRZ_MARK } from '../text/triggers.ts';
import { findMrzs } from './mrz.ts';

const FILE = 'detectors/id-document.json';
type Obj = Record<string, unknown>;
const fail = (key: string, what: string): never => {
  throw new RuleError(FILE, `field "${key}" ${what}`);
};
const obj = (o: Obj, key: string): Obj =>
  typeof o[key] === 'object' && o[key] !== null && !Array.isArray(o[key]) ? (o[key] as Obj) : fail(key, 'must be an object');
const num = (o: Obj, key: string): number => (typeof o[key] === 'number' ? (o[key] as number) : fail(key, 'must be a number'));
const words = (o: Obj, key: string): string[] =>
  Array.isArray(o[key]) && (o[key] as unknown[]).every((w) => typeof w === 'string') ? (o[key] as string[]) : fail(key, 'must be a list of strings');
const scores = <K extends string>(o: Obj, keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, num(obj(o, 'scores'), k)])) as Record<K, number>;

interface Label { group: string; lang: string; documentSpecific: boolean }

const RULES = loadRule(FILE, (raw) => {
  const mrz = obj(raw, 'mrz');
  const number = obj(raw, 'documentNumber');
  const licence = obj(raw, 'drivingLicence');
  const wording = obj(raw, 'wording');
  const labels = new Map<string, Label>();
  for (const g of Array.isArray(wording.labelGroups) ? (wording.labelGroups as Obj[]) : fail('labelGroups', 'must be a list')) {
    const group = typeof g.group === 'string' ? g.group : fail('labelGroups.group', 'must be a string');
    for (const [lang, list] of Object.entries(obj(g, 'variants'))) {
      for (const w of Array.isArray(list) ? (list as string[]) : fail(`${group}.${lang}`, 'must be a list')) {
        labels.set(w.toLowerCase(), { group, lang, documentSpecific: g.documentSpecific === true });
      }
    }
  }
  return {
    mrz: {
      maxFailed: num(mrz, 'maxFailedChecks'),
      scores: scores(mrz, ['valid', 'oneCheckFailed', 'singleLine', 'bsnDutch', 'bsnForeign'] as const),
    },
    number: {
      context: words(number, 'context'), generic: words(number, 'genericContext'), window: num(number, 'window'),
      minDigits: num(number, 'minDigits'), otherMinDigits: num(number, 'otherFormatMinDigits'), idWordsWindow: num(number, 'idWordsWindow'),
      scores: scores(number, ['withContext', 'genericWithIdWords', 'generic', 'otherFormat', 'otherFormatGenericNearIdWords'] as const),
    },
    licence: {
      context: words(licence, 'context'), window: num(licence, 'window'), exclude: words(licence, 'excludePrefixes'),
      score: num(licence, 'score'), numberField: String(licence.documentNumberField), bsnField: String(licence.bsnField),
      bsnScore: num(licence, 'bsnScore'),
    },
    wording: {
      documentWords: words(wording, 'documentWords'), copyPhrases: words(wording, 'copyPhrases'), labels,
      pairWindow: num(wording, 'pairWindow'), minGroups: num(wording, 'minGroups'),
      scores: scores(wording, ['dataPage', 'partialDataPage', 'copyPhrase', 'documentWord'] as const),
    },
  };
});

const L = { number: 'id-document.number', generic: 'id-document.number-generic', licence: 'id-document.licence',
  words: 'id-document.words', copy: 'id-document.copy', labels: 'id-document.labels' } as const;
/** Dutch passport/ID-card number: no letter O, a letter in position 1 or 2, the last a digit. */
const DUTCH_NUMBER = /(?<![A-Za-z0-9])(?:[A-NP-Z][A-NP-Z0-9]|\d[A-NP-Z])[A-NP-Z0-9]{6}\d(?![A-Za-z0-9])/;
/**
 * Other countries' passport and ID-card numbers: 6–12 capitals and digits, at least one digit (so a word in capitals
 * is skipped), and not all digits starting with 0 (a Dutch phone number).
 */
const OTHER_NUMBER = /(?<![A-Za-z0-9])(?=[A-Z0-9]*\d)(?!0\d+(?![A-Za-z0-9]))[A-Z0-9]{6,12}(?![A-Za-z0-9])/;
const LICENCE_NUMBER = /(?<![\d.-])\d{10}(?![\d.-]?\d)/;

function mrzOccurrences(text: ScannedText, found: Occurrence[]): void {
  // findMrzs is anchored on a filler (`<`, `«`, `‹`, or an OCR'd `KKK`/`kkk`): most texts have none, and skip it.
  if (!text.has(MRZ_MARK) && !text.text.includes('KKK') && !text.text.includes('kkk')) return;
  const s = RULES.mrz.scores;
  for (const mrz of findMrzs(text.text, RULES.mrz.maxFailed)) {
    const valid = mrz.passed === mrz.total;
    const alone = mrz.lines === 1 ? `, one line alone (the ${mrz.format === 'TD1' ? 'first' : 'second'} line)` : '';
    found.push({
      start: mrz.start, end: mrz.end,
      confidence: mrz.lines === 1 && mrz.total === 1 ? s.singleLine : valid ? s.valid : s.oneCheckFailed,
      evidence: `MRZ ${mrz.format} (${mrz.documentType}, ${mrz.issuer}): ****…`,
      reason: `machine-readable zone of an identity document (ICAO 9303 ${mrz.format})${alone}, ${mrz.passed} of ${mrz.total} check digits valid`,
    });
    // Dutch documents carry the BSN in the optional-data field.
    for (const field of mrz.optional) {
      const m = /(?<!\d)\d{9}(?!\d)/.exec(field.text);
      if (!m || !elevenTest(m[0])) continue;
      const dutch = mrz.issuer === 'NLD';
      found.push({
        category: 'bsn', start: field.pos[m.index]!, end: field.pos[m.index + 8]! + 1,
        confidence: dutch ? s.bsnDutch : s.bsnForeign,
        evidence: evidence(maskKeepLast(m[0]), 'BSN in MRZ'),
        reason: dutch
          ? 'valid 11-test number in the optional-data field of a Dutch MRZ, where Dutch documents keep the BSN'
          : `valid 11-test number in the optional-data field of an MRZ issued by ${mrz.issuer} (not a Dutch document: weak)`,
        value: m[0],
      });
    }
  }
}

function numberAfter(text: ScannedText, hit: KeywordHit, pattern: RegExp, window: number) {
  const m = pattern.exec(text.text.slice(hit.end, hit.end + window));
  return m ? { start: hit.end + m.index, end: hit.end + m.index + m[0].length, raw: m[0] } : undefined;
}
const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** The labels a document number stands after, and whether they name an identity document. */
const NUMBER_LABELS = [{ list: L.number, specific: true }, { list: L.copy, specific: true }, { list: L.generic, specific: false }] as const;
const NUMBER_LISTS = [L.licence, ...NUMBER_LABELS.map((l) => l.list)];

function anyHits(text: ScannedText, lists: readonly string[]): boolean {
  for (let l = 0; l < lists.length; l++) if (text.hits(lists[l]!).length > 0) return true;
  return false;
}

/** Passport and ID-card numbers after their label: the Dutch format, or another country's with a clear label. */
function numberOccurrences(text: ScannedText, found: Occurrence[]): void {
  // Every number stands after a label: most texts have none, and nothing is built for them.
  if (!anyHits(text, NUMBER_LISTS)) return;
  const seen = new Set<number>();
  // Driving licences first: "legitimatie: rijbewijs nr. …" is a licence number, not an unknown document's.
  licenceOccurrences(text, seen, found);
  const { scores: s, window, minDigits, otherMinDigits, idWordsWindow } = RULES.number;
  for (const { list, specific } of NUMBER_LABELS) {
    const hits = text.hits(list);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const dutch = numberAfter(text, hit, DUTCH_NUMBER, window);
      const n = dutch && digitCount(dutch.raw) >= minDigits ? dutch : numberAfter(text, hit, OTHER_NUMBER, window);
      if (!n || seen.has(n.start) || (n !== dutch && digitCount(n.raw) < otherMinDigits)) continue;
      const idWordsNear = !!(text.near(L.words, n, idWordsWindow) ?? text.near(L.copy, n, idWordsWindow));
      let confidence: number;
      let why: string;
      if (n === dutch) {
        confidence = specific ? s.withContext : idWordsNear ? s.genericWithIdWords : s.generic;
        why = 'Dutch passport/ID-card number format (9 characters, no letter O, last a digit)';
      } else if (specific || idWordsNear) {
        confidence = specific ? s.otherFormat : s.otherFormatGenericNearIdWords;
        why = `document number (${n.raw.length} capitals and digits)`;
      } else continue; // "documentnummer: 2024001234" of a DMS
      seen.add(n.start);
      const named = specific ? '' : idWordsNear
        ? '; an identity document is named nearby'
        : ', but no identity document is named nearby (could be any document number)';
      found.push({
        start: n.start, end: n.end, confidence, evidence: evidence(maskKeepLast(n.raw), hit.entry),
        reason: `${why} after "${hit.entry}"${named}`, value: n.raw,
      });
    }
  }
}

/** Driving licences: the 10-digit number after its label, or in field 5 (and the BSN in field 4d) of the data page. */
function licenceOccurrences(text: ScannedText, seen: Set<number>, found: Occurrence[]): void {
  const r = RULES.licence;
  const hits = text.hits(L.licence);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const n = numberAfter(text, hit, LICENCE_NUMBER, r.window);
    if (!n || seen.has(n.start) || r.exclude.some((p) => n.raw.startsWith(p))) continue;
    seen.add(n.start);
    found.push({ start: n.start, end: n.end, confidence: r.score, evidence: evidence(maskKeepLast(n.raw), hit.entry),
      reason: `10-digit driving-licence document number after "${hit.entry}"`, value: n.raw });
  }
  if (text.hits(L.licence).length === 0) return;
  const runs = text.digitRunPairs();
  for (let k = 0; k < runs.length; k += 2) {
    const length = runs[k + 1]! - runs[k]!;
    if ((length !== 10 && length !== 9) || seen.has(runs[k]!)) continue;
    const run = { start: runs[k]!, end: runs[k + 1]! };
    const field = text.text.slice(text.lineAround(run.start).start, run.start).trim();
    const raw = text.text.slice(run.start, run.end);
    if (length === 10 && field === r.numberField && /^\d+$/.test(raw)) {
      found.push({ start: run.start, end: run.end, confidence: r.score, evidence: evidence(maskKeepLast(raw), `rijbewijs ${field}`), value: raw,
        reason: `10-digit number in field ${field} (document number) of a driving licence` });
    } else if (length === 9 && field === r.bsnField && elevenTest(raw)) {
      found.push({
        category: 'bsn', start: run.start, end: run.end, confidence: r.bsnScore,
        evidence: evidence(maskKeepLast(raw), `BSN (rijbewijs ${field})`), value: raw,
        reason: `valid 11-test number in field ${field} of a driving licence, where the holder's BSN stands` });
    }
  }
}

function labelOf(entry: string): Label | undefined {
  return RULES.wording.labels.get(entry) ?? RULES.wording.labels.get(entry.replace(/-/g, ' '));
}

/** Field labels of a data page: a label counts when its translation stands next to it ("Geboortedatum/Date of birth"). */
function wordingOccurrences(text: ScannedText, found: Occurrence[]): void {
  const w = RULES.wording;
  const before = found.length;
  const groups = labelPairs(text.hits(L.labels));
  if (groups.length >= 2) {
    const specific = groups.filter((g) => g.label.documentSpecific).map((g) => g.label.group);
    const strong = groups.length >= w.minGroups && specific.length > 0;
    const shown = groups.slice(0, 4).map((g) => `${g.first.entry}/${g.second.entry}`).join(', ');
    found.push({
      start: Math.min(...groups.map((g) => g.first.start)), end: Math.max(...groups.map((g) => g.second.end)),
      confidence: strong ? w.scores.dataPage : w.scores.partialDataPage,
      evidence: `ID data page labels: ${shown}${groups.length > 4 ? ', …' : ''}`,
      reason: strong
        ? `${groups.length} field labels printed in two languages as on the data page of an identity document ` +
          `(${specific.join(', ')}): a copy of an ID document`
        : `${groups.length} bilingual field labels` + (specific.length ? '' : ' of a personal-data form, none specific to an identity document') +
          `; fewer than ${w.minGroups} or none specific: not enough for a copy of an ID document`,
    });
  }
  const copy = text.hits(L.copy)[0];
  if (copy) {
    found.push({ start: copy.start, end: copy.end, confidence: w.scores.copyPhrase, evidence: copy.entry,
      reason: `the text speaks of "${copy.entry}" (a copy of an identity document, or a request for one)` });
  }
  const mention = text.hits(L.words);
  if (mention[0] && !copy && found.length === before) {
    found.push({ start: mention[0].start, end: mention[0].end, confidence: w.scores.documentWord, evidence: mention[0].entry,
      reason: `mentions "${mention[0].entry}"${mention.length > 1 ? ` (${mention.length} identity-document words)` : ''} ` +
        'without the labels, MRZ or number of an actual document' });
  }
}

type LabelPair = { label: Label; first: KeywordHit; second: KeywordHit };
const NO_PAIRS: readonly LabelPair[] = [];

/** Per label group, the first label that has its translation within the pair window after it. */
function labelPairs(hits: readonly KeywordHit[]): readonly LabelPair[] {
  if (hits.length < 2) return NO_PAIRS; // a pair takes two labels; most texts have none
  const w = RULES.wording;
  const pairs = new Map<string, LabelPair>();
  for (let i = 0; i < hits.length; i++) {
    const a = labelOf(hits[i]!.entry);
    for (let j = i + 1; a && j < hits.length && hits[j]!.start - hits[i]!.end <= w.pairWindow; j++) {
      const b = labelOf(hits[j]!.entry);
      if (b && b.group === a.group && b.lang !== a.lang && !pairs.has(a.group)) pairs.set(a.group, { label: a, first: hits[i]!, second: hits[j]! });
    }
  }
  return [...pairs.values()];
}

export const idDocumentDetector: Detector = {
  id: 'id-document',
  category: 'id-document',
  wordLists: [
    { id: L.number, words: RULES.number.context },
    { id: L.generic, words: RULES.number.generic },
    { id: L.licence, words: RULES.licence.context },
    { id: L.words, words: RULES.wording.documentWords },
    { id: L.copy, words: RULES.wording.copyPhrases },
    { id: L.labels, words: [...RULES.wording.labels.keys()] },
  ],
  detect(text) {
    const found: Occurrence[] = [];
    mrzOccurrences(text, found);
    numberOccurrences(text, found);
    wordingOccurrences(text, found);
    return found;
  },
};
