import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { birthDateAt, maskBirthDate, type Months, type ParsedDate } from './birth-date.ts';
import { ocrNumberAt } from './ocr-digits.ts';
import { firstHitIn } from './table-row.ts';

const RULES = loadRule('detectors/date-of-birth.json', (_, f) => ({
  labels: f.strings('labels'),
  phrases: f.strings('phrases'),
  ageLabels: f.strings('ageLabels'),
  ageSuffixes: f.strings('ageSuffixes'),
  animal: f.strings('animalRegisterMarkers'),
  window: f.number('window', 10, 200),
  maxRows: f.number('maxRows', 1, 1_000_000),
  maxAge: f.number('maxAge', 1, 150),
  months: f.object('months') as Months,
  scores: f.object('scores') as Record<'labelled' | 'phrase' | 'age', number>,
}));

const LABEL = 'date-of-birth.label';
const PHRASE = 'date-of-birth.phrase';
const AGE_LABEL = 'date-of-birth.age-label';
const AGE_SUFFIX = 'date-of-birth.age-suffix';
const ANIMAL = 'date-of-birth.animal';
/** Between a label and its value: colon, bar, dash, brackets, spaces, at most one line break. */
const LABEL_GAP = /^[ \t:|=\-–(.]*(?:\r?\n[ \t:|]*)?/;
/** Between a phrase and its date only a place and prepositions: `geboren te 's-Gravenhage op`, `born in New York on`. */
const PHRASE_GAP =
  /^(?:[ \t]+(?:te|in|op|on|at|den|de|der|van|aan|the|'s|'t|[A-Z\u00c0-\u00de'][A-Za-z\u00c0-\u024f'’.-]*))*?[ \t]+(?=\d|[A-Za-z]{3,9}\.? \d)/;
const AGE_AFTER = /^[ \t]*[:=]?[ \t]*(?:of[ \t]+)?(\d{1,3})(?![\d.,])/;
const AGE_BEFORE = /(?<![\d.,])(\d{1,3})[ \t-]*$/;
const DELIMITERS = ['\t', '|', ';', ','];
/** What a header cell may hold besides its label: markup and a format hint such as `(dd-mm-jjjj)`. */
const HEADER_REST = /^[\s:*#"]*(?:\([^)]{0,20}\))?[\s:*#"]*$/;

/** `ocr`: read from a scan, letters taken as digits (see labelledDate). */
type Found = { start: number; date: ParsedDate; hit: KeywordHit; score: 'labelled' | 'phrase'; ocr?: boolean };

function dateOccurrence(found: Found, why: string): Occurrence {
  const { start, date, hit } = found;
  const scan = found.ocr ? ', read from a scan (letters O, I, l taken as the digits 0, 1)' : '';
  return {
    start,
    end: start + date.length,
    confidence: RULES.scores[found.score],
    evidence: evidence(maskBirthDate(date), hit.entry),
    reason: `valid date ${why} "${hit.entry}"${scan} (plausible as a birth date: not in the future, at most ${RULES.maxAge} years ago)`,
    value: date.iso,
  };
}

/** A numeric date is at most 10 characters (12-03-1985); one more, so that a longer run is read whole and rejected. */
const OCR_DATE = 11;

/**
 * The date right after a birth label, also as a scan misreads it ("Geb.datum : 11-O5-1968"): OCR letters are read as
 * digits only here, in the label's value, never in running text.
 */
function labelledDate(slice: string, now: Date): { date: ParsedDate; ocr: boolean } | undefined {
  const date = birthDateAt(slice, RULES.months, now, RULES.maxAge);
  if (date) return { date, ocr: false };
  const value = ocrNumberAt(slice, 0, OCR_DATE, '-/.');
  const read = value && birthDateAt(value.read, RULES.months, now, RULES.maxAge);
  return read && read.length === value.read.length ? { date: read, ocr: true } : undefined;
}

/** A label in a table header (`Naam;Geboortedatum;Plaats`): the cells below it, while rows continue. */
function column(text: ScannedText, hit: KeywordHit, now: Date): Found[] {
  const s = text.text;
  const header = text.lineAround(hit.start);
  const line = s.slice(header.start, header.end);
  const delimiter = DELIMITERS.find((d) => line.includes(d));
  if (!delimiter) return [];
  const before = s.slice(header.start, hit.start).split(delimiter);
  const index = before.length - 1;
  // The label must be the header cell itself (`Geboortedatum`, `Geb. datum (dd-mm-jjjj)`), not a word in prose.
  const rest = before[index]! + s.slice(hit.end, header.end).split(delimiter)[0]!;
  if (!HEADER_REST.test(rest)) return [];
  // An animal register (a herd's export: "levensnummer;geboortedatum;…;UBN"): every row is an animal, whose birth date is no personal data.
  if (firstHitIn(text.hits(ANIMAL), header)) return [];
  const found: Found[] = [];
  let pos = header.end + 1;
  for (let row = 0; row < RULES.maxRows && pos < s.length; row++) {
    const end = s.indexOf('\n', pos) < 0 ? s.length : s.indexOf('\n', pos);
    const cells = s.slice(pos, end).split(delimiter);
    if (cells.length < 2) break; // the table ended
    const cell = cells[index];
    if (cell !== undefined) {
      const trimmed = cell.trim();
      const date = birthDateAt(trimmed, RULES.months, now, RULES.maxAge);
      const offset = pos + cells.slice(0, index).join(delimiter).length + (index > 0 ? 1 : 0) + cell.indexOf(trimmed);
      if (date && date.length === trimmed.length) found.push({ start: offset, date, hit, score: 'labelled' });
    }
    pos = end + 1;
  }
  return found;
}

function dateAfter(text: ScannedText, hit: KeywordHit, now: Date): Found | Found[] | undefined {
  const slice = text.text.slice(hit.end, hit.end + RULES.window);
  const listIds = hit.listIds;
  if (listIds.includes(LABEL)) {
    // "Levensnummer: NL 3147… Geboortedatum: 07-04-2024" on one line: the animal's field, no person's.
    const line = text.lineAround(hit.start);
    if (firstHitIn(text.hits(ANIMAL), line)) return undefined;
    const gap = LABEL_GAP.exec(slice)![0].length;
    const found = labelledDate(slice.slice(gap), now);
    if (found) return { start: hit.end + gap, date: found.date, hit, score: 'labelled', ocr: found.ocr };
  }
  if (listIds.includes(PHRASE)) {
    const gap = PHRASE_GAP.exec(slice)?.[0].length;
    const date = gap === undefined ? undefined : birthDateAt(slice.slice(gap), RULES.months, now, RULES.maxAge);
    if (date) return { start: hit.end + gap!, date, hit, score: 'phrase' };
  }
  return listIds.includes(LABEL) ? column(text, hit, now) : undefined;
}

/** An age in years after (or before) its word; a module-level function, not a closure made per document. */
function pushAge(found: Occurrence[], start: number, digits: string, hit: KeywordHit): void {
  if (Number(digits) < 1 || Number(digits) > RULES.maxAge) return;
  found.push({
    start,
    end: start + digits.length,
    confidence: RULES.scores.age,
    evidence: evidence('*'.repeat(digits.length), hit.entry),
    reason: `an age with "${hit.entry}" (weaker than a date of birth: it narrows the birth year)`,
    value: `age:${digits}`,
  });
}

function ages(text: ScannedText): Occurrence[] {
  const s = text.text;
  const found: Occurrence[] = [];
  // Indexed loops: a for-of over `hits` (a frozen empty array for a list without hits) allocates per step.
  const labels = text.hits(AGE_LABEL);
  for (let h = 0; h < labels.length; h++) {
    const hit = labels[h]!;
    const m = AGE_AFTER.exec(s.slice(hit.end, hit.end + 20));
    if (m) pushAge(found, hit.end + m[0].length - m[1]!.length, m[1]!, hit);
  }
  const suffixes = text.hits(AGE_SUFFIX);
  for (let h = 0; h < suffixes.length; h++) {
    const hit = suffixes[h]!;
    const m = AGE_BEFORE.exec(s.slice(Math.max(0, hit.start - 8), hit.start));
    if (m) pushAge(found, hit.start - m[0].length, m[1]!, hit);
  }
  return found;
}

export const dateOfBirthDetector: Detector = {
  id: 'date-of-birth',
  category: 'date-of-birth',
  wordLists: [
    { id: LABEL, words: RULES.labels },
    { id: PHRASE, words: RULES.phrases },
    { id: AGE_LABEL, words: RULES.ageLabels },
    { id: AGE_SUFFIX, words: RULES.ageSuffixes },
    { id: ANIMAL, words: RULES.animal },
  ],
  detect(text) {
    const labels = text.hits(LABEL);
    const phrases = text.hits(PHRASE);
    // Most texts have none of this detector's words: then there is nothing to read (and no clock to ask).
    if (labels.length === 0 && phrases.length === 0 && text.hits(AGE_LABEL).length === 0 && text.hits(AGE_SUFFIX).length === 0) return [];
    const now = new Date();
    const occurrences: Occurrence[] = [];
    const seen = new Set<number>();
    // One list's hits are in text order already (what the stable sort would leave): merged only when both have hits.
    const hits = phrases.length === 0 ? labels : labels.length === 0 ? phrases : [...new Set([...labels, ...phrases])].sort((a, b) => a.start - b.start);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const found = dateAfter(text, hit, now);
      for (const f of Array.isArray(found) ? found : found ? [found] : []) {
        if (seen.has(f.start)) continue; // a hit in both lists, or a column read twice
        seen.add(f.start);
        occurrences.push(dateOccurrence(f, f.score === 'phrase' ? 'in a sentence with' : 'labelled'));
      }
    }
    occurrences.push(...ages(text));
    return occurrences.sort((a, b) => a.start - b.start);
  },
};
