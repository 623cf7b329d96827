import type { Detector, Occurrence } from '../detector.ts';
import { elevenTest } from '../checksums.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import { ocrNumberAt } from './ocr-digits.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { Span } from '../../src/types.ts';

const RULES = loadRule('detectors/bsn.json', (_, f) => ({
  context: f.strings('context'),
  lookalikeContext: f.strings('lookalikeContext'),
  window: f.number('contextWindow', 1, 500),
  scores: f.object('scores') as Record<'checksumOnly' | 'checksumInBsnColumn' | 'withContext' | 'lookalike', number>,
}));

const CONTEXT = 'bsn.context';
const LOOKALIKE = 'bsn.lookalike';
/**
 * How BSNs are written: 9 digits (8 where a leading zero was dropped), or groups 4.2.3 / 3.3.3 with one kind of
 * separator (space, dot or hyphen). A digit run is checked by its characters: most runs are dates, amounts and
 * phone numbers, and a run of any other length is rejected before anything is sliced.
 */
function hasBsnShape(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 8 || length === 9) return allDigits(text, start, end);
  if (length !== 11) return false;
  // 4.2.3 and 3.3.3 both have their second separator at 7; the first, the same character, at 4 or at 3.
  const sep = text.charCodeAt(start + 7);
  if ((sep !== 32 && sep !== 46 && sep !== 45) || !allDigits(text, start + 8, end)) return false;
  const first = text.charCodeAt(start + 4) === sep ? 4 : text.charCodeAt(start + 3) === sep ? 3 : 0;
  return first > 0 && allDigits(text, start, start + first) && allDigits(text, start + first + 1, start + 7);
}
function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
/** A BSN column: most 9-digit numbers under the BSN word pass the 11-test (random numbers: about 1 in 11). */
const COLUMN_SHARE = 0.6;
/** Cell separators of text tables (CSV, Markdown, pasted spreadsheets), most telling first. */
const CELL_SEPARATORS = ['\t', ';', '|', ','] as const;
/** The end of the block (no blank line in between) that holds `pos`: a header names the rows below it up to here. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/** The separator of a table row, or undefined for a line of prose. */
function separatorOf(line: string): string | undefined {
  return CELL_SEPARATORS.find((sep) => line.includes(sep));
}
/** The number of the cell that holds `pos` (a position in `line`) when split by `sep`. */
function cellIndex(line: string, pos: number, sep: string): number {
  let index = 0;
  for (let i = line.indexOf(sep); i >= 0 && i < pos; i = line.indexOf(sep, i + 1)) index++;
  return index;
}

/**
 * Where the BSN word heads numbers: its own line, and the rows below it in the same block — in a table only the
 * cells of its own column. A "BSN" elsewhere in the document (a wiki explaining the 11-test above a table of test
 * numbers) says nothing about a table it does not head.
 */
interface Heading { line: Span; blockEnd: number; sep: string | undefined; cell: number }

function headings(text: ScannedText): Heading[] {
  const s = text.text;
  const found: Heading[] = [];
  for (const hit of text.hits(CONTEXT)) {
    const line = text.lineAround(hit.start);
    if (found.length > 0 && found[found.length - 1]!.line.start === line.start) continue; // one per line suffices
    BLANK_LINE.lastIndex = line.end;
    const blank = BLANK_LINE.exec(s);
    const lineText = s.slice(line.start, line.end);
    const sep = separatorOf(lineText);
    found.push({ line, blockEnd: blank ? blank.index : s.length, sep, cell: sep ? cellIndex(lineText, hit.start - line.start, sep) : 0 });
  }
  return found;
}

function underHeading(text: ScannedText, c: Candidate, heads: readonly Heading[]): boolean {
  let line: Span | undefined;
  for (const h of heads) {
    if (h.line.start > c.start) break;
    if (c.start >= h.blockEnd) continue;
    if (c.start < h.line.end) return true; // the same line
    line ??= text.lineAround(c.start);
    const row = text.text.slice(line.start, line.end);
    // A table row must sit in the heading's column; a row without that separator (a list under a title) may not.
    if (!h.sep || !row.includes(h.sep) || cellIndex(row, c.start - line.start, h.sep) === h.cell) return true;
  }
  return false;
}

// Hot helpers at module level, not closures made per call (tsx's keepNames names every such function it makes).
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const distanceTo = (c: { start: number; end: number }, hit: { start: number; end: number }) =>
  hit.end <= c.start ? c.start - hit.end : hit.start - c.end;

function isBoundary(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // Not glued to letters (IBAN, postcode, codes), not a phone number (+31…), not an amount (€ 123.456.789,00).
  if (isAlnum(before) || isAlnum(after) || before === 43 || before === 8364) return false;
  if (after === 44 && /\d/.test(text[end + 1] ?? '')) return false;
  return true;
}

interface Candidate { start: number; end: number; digits: string; raw: string }

const NO_CANDIDATES: readonly Candidate[] = [];

function candidates(text: ScannedText): readonly Candidate[] {
  let found: Candidate[] | undefined; // made at the first candidate: most texts have none
  const runs = text.digitRunPairs();
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (!hasBsnShape(text.text, start, end) || !isBoundary(text.text, start, end)) continue;
    const raw = text.text.slice(start, end);
    (found ??= []).push({ start, end, raw, digits: raw.length === 11 ? raw.replace(/\D/g, '') : raw });
  }
  return found ?? NO_CANDIDATES;
}

/** Between a context word and its value on a form: blanks, a colon or equals sign, blanks ("Sofi/BSN     :  6352"). */
const VALUE_GAP = /[ \t]*[:=]?[ \t]*/y;
/** Longer than any BSN form (11), so that a longer run is read whole and rejected by its shape. */
const OCR_RUN = 14;

/**
 * A scanned form's BSN with OCR letters for digits ("Sofi/BSN : 6352.08.O52"): read only right after a context word,
 * where the field says a number stands; the 11-test still decides.
 */
function ocrValues(text: ScannedText): Occurrence[] {
  const hits = text.hits(CONTEXT);
  let found: Occurrence[] | undefined;
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    VALUE_GAP.lastIndex = hit.end;
    VALUE_GAP.test(text.text);
    const pos = VALUE_GAP.lastIndex;
    const value = pos > hit.end ? ocrNumberAt(text.text, pos, OCR_RUN, ' .-') : undefined;
    if (!value || !hasBsnShape(value.read, 0, value.read.length)) continue;
    const nine = value.read.length === 11 ? value.read.replace(/\D/g, '') : value.read;
    const digits = nine.length === 8 ? `0${nine}` : nine;
    if (!elevenTest(digits)) continue;
    (found ??= []).push({
      start: pos,
      end: pos + value.raw.length,
      confidence: RULES.scores.withContext,
      evidence: evidence(maskKeepLast(value.read), 'BSN'),
      reason: `valid 11-test number right after the context word "${hit.entry}", read from a scan (letters O, I, l taken as the digits 0, 1)`,
      value: digits,
    });
  }
  return found ?? [];
}

export const bsnDetector: Detector = {
  id: 'bsn',
  category: 'bsn',
  wordLists: [
    { id: CONTEXT, words: RULES.context },
    { id: LOOKALIKE, words: RULES.lookalikeContext },
  ],
  detect(text) {
    const all = candidates(text);
    const ocr = text.hits(CONTEXT).length > 0 ? ocrValues(text) : [];
    if (all.length === 0) return ocr;
    // Nine-digit numbers headed by a BSN word; a column of them that mostly passes the 11-test is a BSN column.
    let inColumn: Set<Candidate> | undefined;
    let passing = 0;
    let headed: Candidate[] = [];
    if (text.hits(CONTEXT).length > 0 && all.length >= 3) {
      const heads = headings(text);
      headed = all.filter((c) => c.digits.length === 9 && underHeading(text, c, heads));
      passing = headed.filter((c) => elevenTest(c.digits)).length;
      if (headed.length >= 3 && passing / headed.length >= COLUMN_SHARE) inColumn = new Set(headed);
    }

    const occurrences: Occurrence[] = [];
    for (const c of all) {
      const digits = c.digits.length === 8 ? `0${c.digits}` : c.digits;
      if (!elevenTest(digits)) continue;
      const context = text.near(CONTEXT, c, RULES.window);
      const lookalike = text.near(LOOKALIKE, c, RULES.window, false);
      const masked = maskKeepLast(c.raw);
      let confidence: number;
      let reason: string;
      if (context && (!lookalike || distanceTo(c, context) <= distanceTo(c, lookalike))) {
        confidence = RULES.scores.withContext;
        reason = `valid 11-test number with context word "${context.entry}" ${distanceTo(c, context)} characters away`;
      } else if (c.digits.length === 8) {
        continue; // an 8-digit number is a BSN only where the text says so
      } else if (lookalike) {
        confidence = RULES.scores.lookalike;
        reason = `passes the 11-test, but "${lookalike.entry}" nearby says it is another kind of number`;
      } else if (inColumn?.has(c)) {
        confidence = RULES.scores.checksumInBsnColumn;
        reason = `valid 11-test number under a BSN heading, where ${passing} of ${headed.length} nine-digit numbers pass the 11-test (random numbers: about 1 in 11)`;
      } else {
        confidence = RULES.scores.checksumOnly;
        reason = 'nine digits that pass the 11-test, without a context word (weak: about 1 in 11 random numbers pass)';
      }
      occurrences.push({
        start: c.start,
        end: c.end,
        confidence,
        evidence: evidence(masked, context ? 'BSN' : undefined),
        reason,
        value: digits,
      });
    }
    if (ocr.length === 0) return occurrences;
    return [...occurrences, ...ocr].sort((a, b) => a.start - b.start);
  },
};

