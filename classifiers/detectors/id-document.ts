import type { Detector, Occurrence } from '../detector.ts';
import { elevenTest } from '../checksums.ts';
import { RuleError, loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import type { ScannedText } from '../text/scanned-text.ts';
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
    mrz: { maxFailed: num(mrz, 'maxFailedChecks'), scores: scores(mrz, ['valid', 'oneCheckFailed', 'bsnDutch', 'bsnForeign'] as const) },
    number: {
      context: words(number, 'context'), generic: words(number, 'genericContext'), window: num(number, 'window'),
      minDigits: num(number, 'minDigits'), scores: scores(number, ['withContext', 'genericWithIdWords', 'generic'] as const),
    },
    licence: { context: words(licence, 'context'), window: num(licence, 'window'), exclude: words(licence, 'excludePrefixes'), score: num(licence, 'score') },
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
const LICENCE_NUMBER = /(?<![\d.-])\d{10}(?![\d.-]?\d)/;

function mrzOccurrences(text: ScannedText): Occurrence[] {
  const found: Occurrence[] = [];
  const s = RULES.mrz.scores;
  for (const mrz of findMrzs(text.text, RULES.mrz.maxFailed)) {
    const valid = mrz.passed === mrz.total;
    found.push({
      start: mrz.start, end: mrz.end,
      confidence: valid ? s.valid : s.oneCheckFailed,
      evidence: `MRZ ${mrz.format} (${mrz.documentType}, ${mrz.issuer}): ****…`,
      reason: `machine-readable zone of an identity document (ICAO 9303 ${mrz.format}), ${mrz.passed} of ${mrz.total} check digits valid`,
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
  return found;
}

function numberAfter(text: ScannedText, hit: KeywordHit, pattern: RegExp, window: number) {
  const slice = text.text.slice(hit.end, hit.end + window);
  const m = pattern.exec(slice);
  return m ? { start: hit.end + m.index, end: hit.end + m.index + m[0].length, raw: m[0] } : undefined;
}

function numberOccurrences(text: ScannedText): Occurrence[] {
  const found: Occurrence[] = [];
  const s = RULES.number.scores;
  const idWordsElsewhere = text.hits(L.words).length > 0 || text.hits(L.copy).length > 0;
  const seen = new Set<number>();
  const lists = [[L.number, true], [L.copy, true], [L.generic, false]] as const;
  for (const [list, specific] of lists) {
    for (const hit of text.hits(list)) {
      const n = numberAfter(text, hit, DUTCH_NUMBER, RULES.number.window);
      if (!n || seen.has(n.start) || n.raw.replace(/\D/g, '').length < RULES.number.minDigits) continue;
      seen.add(n.start);
      const confidence = specific ? s.withContext : idWordsElsewhere ? s.genericWithIdWords : s.generic;
      const reason = specific
        ? `passport/ID-card number format (9 characters, no letter O, last a digit) after "${hit.entry}"`
        : `passport/ID-card number format after "${hit.entry}"` +
          (idWordsElsewhere ? '; the document names an identity document' : ', but no identity document is named (could be any document number)');
      found.push({ start: n.start, end: n.end, confidence, evidence: evidence(maskKeepLast(n.raw), hit.entry), reason, value: n.raw });
    }
  }
  for (const hit of text.hits(L.licence)) {
    const n = numberAfter(text, hit, LICENCE_NUMBER, RULES.licence.window);
    if (!n || seen.has(n.start) || RULES.licence.exclude.some((p) => n.raw.startsWith(p))) continue;
    seen.add(n.start);
    found.push({
      start: n.start, end: n.end, confidence: RULES.licence.score, evidence: evidence(maskKeepLast(n.raw), hit.entry),
      reason: `10-digit driving-licence document number after "${hit.entry}"`, value: n.raw,
    });
  }
  return found;
}

function labelOf(entry: string): Label | undefined {
  return RULES.wording.labels.get(entry) ?? RULES.wording.labels.get(entry.replace(/-/g, ' '));
}

/** Field labels of a data page: a label counts when its translation stands next to it ("Geboortedatum/Date of birth"). */
function wordingOccurrences(text: ScannedText): Occurrence[] {
  const w = RULES.wording;
  const hits = text.hits(L.labels);
  const pairs = new Map<string, { label: Label; first: KeywordHit; second: KeywordHit }>();
  for (let i = 0; i < hits.length; i++) {
    const a = labelOf(hits[i]!.entry);
    for (let j = i + 1; a && j < hits.length && hits[j]!.start - hits[i]!.end <= w.pairWindow; j++) {
      const b = labelOf(hits[j]!.entry);
      if (b && b.group === a.group && b.lang !== a.lang && !pairs.has(a.group)) pairs.set(a.group, { label: a, first: hits[i]!, second: hits[j]! });
    }
  }
  const found: Occurrence[] = [];
  const groups = [...pairs.values()];
  if (groups.length >= 2) {
    const specific = groups.filter((g) => g.label.documentSpecific).map((g) => g.label.group);
    const strong = groups.length >= w.minGroups && specific.length > 0;
    const shown = groups.slice(0, 4).map((g) => `${g.first.entry}/${g.second.entry}`).join(', ');
    found.push({
      start: Math.min(...groups.map((g) => g.first.start)), end: Math.max(...groups.map((g) => g.second.end)),
      confidence: strong ? w.scores.dataPage : w.scores.partialDataPage,
      evidence: `ID data page labels: ${shown}${groups.length > 4 ? ', …' : ''}`,
      reason: strong
        ? `${groups.length} field labels printed in two languages as on the data page of an identity document (${specific.join(', ')}): a copy of an ID document`
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
  if (mention[0] && !copy && found.length === 0) {
    found.push({ start: mention[0].start, end: mention[0].end, confidence: w.scores.documentWord, evidence: mention[0].entry,
      reason: `mentions "${mention[0].entry}"${mention.length > 1 ? ` (${mention.length} identity-document words)` : ''} without the labels, MRZ or number of an actual document` });
  }
  return found;
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
    return [...mrzOccurrences(text), ...numberOccurrences(text), ...wordingOccurrences(text)];
  },
};
