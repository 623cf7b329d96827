/**
 * Numbers as OCR misreads them on a scanned form: the letter O (or o) for a zero, I or l for a one ("6352.08.O52",
 * "11-O5-1968"). Read only in a field's value right after its label (BSN:, Geb.datum:), never in running text, where
 * "O" and "l" are letters.
 */

/** The value as written and as read, of the same length: `read` has the letters replaced by their digits. */
export interface OcrNumber {
  raw: string;
  read: string;
}

/** At most this many misread letters in one value: more is a word or a code, not a number with OCR noise. */
const MAX_LETTERS = 2;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** O o → 0, I l → 1; any other character: -1. */
function letterDigit(c: number): number {
  if (c === 79 || c === 111) return 48;
  if (c === 73 || c === 108) return 49;
  return -1;
}
const isAlnum = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * The number at `pos` when it holds a misread letter: digits and O/o/I/l, single separators from `separators` between
 * them, at most `maxLength` characters, not glued to a letter or digit after it. Undefined for a clean number (the
 * ordinary detectors read it), a word, or more than two letters.
 */
export function ocrNumberAt(text: string, pos: number, maxLength: number, separators: string): OcrNumber | undefined {
  let read = '';
  let letters = 0;
  let digits = 0;
  let i = pos;
  for (; i < text.length && i - pos < maxLength; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      read += text[i];
      continue;
    }
    const d = letterDigit(c);
    if (d > 0) {
      letters++;
      read += String.fromCharCode(d);
      continue;
    }
    // A separator between two number characters only: "6352.08.O52", not "52. Daarna".
    const next = text.charCodeAt(i + 1);
    if (i > pos && separators.includes(text[i]!) && (isDigit(next) || letterDigit(next) > 0) && !separators.includes(text[i - 1]!)) {
      read += text[i];
      continue;
    }
    break;
  }
  if (letters === 0 || letters > MAX_LETTERS || digits < 2 * letters || isAlnum(text.charCodeAt(i))) return undefined;
  return { raw: text.slice(pos, i), read };
}
