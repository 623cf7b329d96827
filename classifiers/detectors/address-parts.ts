/**
 * Structure of Dutch addresses, apart from the detector's scoring: reads a postcode or a street line
 * (street name, house number, addition) at a digit run. Only local slices around the run are examined.
 */
import type { Span } from '../../src/types.ts';

export interface AddressWords {
  suffixes: readonly string[];
  /** The suffixes by their last character: a word is compared only with those that could end it. */
  suffixesByEnd: ReadonlyMap<number, readonly string[]>;
  particles: ReadonlySet<string>;
  poBox: RegExp;
  /** Last letters of the P.O.-box words (`postbus` → `s`): a cheap test before the regex. */
  poBoxEnds: ReadonlySet<string>;
  excludedLetters: ReadonlySet<string>;
}

export interface Postcode extends Span {
  digits: string;
  letters: string;
  /** A capitalised place name follows. */
  city: boolean;
  /** Nothing but white space before it on its line (an address block, not a sentence). */
  lineStart: boolean;
}

export interface StreetLine extends Span {
  street: string;
  number: string;
  poBox: boolean;
  /** A range of house numbers (`2-64`, `1 t/m 120`): a building complex, not one household. */
  range: boolean;
}

const POSTCODE_LETTERS = /^[ \u00a0]?([A-Z]{2})(?![A-Za-z0-9\u00c0-\u024f])/;
const CITY = /^[ \u00a0\t]{1,3}(?:'[sS]-|'t )?[A-Z][A-Za-z\u00c0-\u024f'’-]+/;
/** A house-number addition: `4a`, `4-a`, `4 A`, `4 hs`, `4 bis`, `4 II`, `4bg`. */
const ADDITION = /^(?:[ -]?[A-Za-z](?![A-Za-z])|[ -]?(?:hs|bis|bg|huis|zw|rd|I{1,3})(?![A-Za-z]))/;
/** After the number: a time, amount, percentage, unit or month says it is not a house number. */
const NOT_A_HOUSE = /^(?:[:,.]\d|\s?%|\s(?:jan|feb|maart|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec|uur|jaar|euro|km|procent)\b)/i;
/** A capitalised name word (`Keizersgracht`, `Willem-Alexanderlaan`, `'s-Gravendijkwal`) or one in capitals. */
const NAME = /^(?:'[st]-)?[A-Z\u00c0-\u00de](?:[a-z\u00df-\u00ff'’.]|-[A-Za-z\u00c0-\u00ff])*[a-z\u00df-\u00ff]$|^[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’-]+$/;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

function isName(word: string): boolean {
  return NAME.test(word);
}

/** Cheap test first: does the word that ends at `end` start with a capital (`Keizersgracht`, `'s-Gravendijkwal`)? */
function startsCapitalised(text: string, end: number): boolean {
  let i = end - 1;
  const stop = Math.max(0, end - 40);
  while (i > stop && text.charCodeAt(i - 1) > 32) i--;
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || c === 39;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The end of the digits that start at `from` (a digit run's groups are digits between single separators). */
function digitsEnd(text: string, from: number, limit: number): number {
  while (from < limit && isDigit(text.charCodeAt(from))) from++;
  return from;
}

/** A postcode in the last group of the run: `1015 CJ`, `1015CJ`, also after a house number (`4 1234 AB`). */
export function postcodeAt(text: string, runStart: number, runEnd: number, words: AddressWords): Postcode | undefined {
  // Two capitals must follow. (Reading past the text's end would also fail, but slows every read here down.)
  if (runEnd + 2 > text.length) return undefined;
  const next = text.charCodeAt(runEnd) === 32 ? text.charCodeAt(runEnd + 1) : text.charCodeAt(runEnd);
  if (next < 65 || next > 90) return undefined; // cheap test first: two capitals must follow
  // The last group of digits: a run ends in a digit; walk back to the separator or the run's start.
  let lastStart = runEnd;
  while (lastStart > runStart && isDigit(text.charCodeAt(lastStart - 1))) lastStart--;
  const last = { start: lastStart, end: runEnd };
  if (last.end - last.start !== 4 || text.charCodeAt(last.start) === 48) return undefined;
  if (last.start === runStart ? last.start > 0 && isAlnum(text.charCodeAt(last.start - 1)) : text[last.start - 1] !== ' ') {
    return undefined;
  }
  const after = POSTCODE_LETTERS.exec(text.slice(runEnd, runEnd + 4));
  if (!after || words.excludedLetters.has(after[1]!)) return undefined;
  const end = runEnd + after[0].length;
  const city = CITY.test(text.slice(end, end + 40));
  const lineStart = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, last.start - 20), last.start));
  return { start: last.start, end, digits: text.slice(last.start, last.end), letters: after[1]!, city, lineStart };
}

/** String.prototype.toLowerCase of a character up to U+00FF (A-Z and À-Þ but ×); any other character as it is. */
const foldLatin1 = (c: number) => ((c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215) ? c + 32 : c);

const isTokenSpace = (c: number) => c === 32 || c === 0xa0 || c === 9;
interface Token {
  word: string;
  start: number;
}
const MAX_TOKENS = 5;

/**
 * The last tokens (runs of non-blanks) of text[from, at), the last first, at most MAX_TOKENS: the street
 * reading below never looks further back. `first` is the last token, already read.
 */
function tokensBefore(text: string, from: number, first: Token): Token[] {
  const tokens = [first];
  let pos = first.start;
  while (tokens.length < MAX_TOKENS) {
    while (pos > from && isTokenSpace(text.charCodeAt(pos - 1))) pos--;
    if (pos <= from) break;
    const end = pos;
    while (pos > from && !isTokenSpace(text.charCodeAt(pos - 1))) pos--;
    tokens.push({ word: text.slice(pos, end), start: pos });
  }
  return tokens;
}

/** The P.O.-box test is a regex over the slice; it can only match when the slice ends (before spaces) in a box word's last letter. */
function mayEndInPoBox(text: string, from: number, at: number, words: AddressWords): boolean {
  let i = at;
  while (i > from && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 0xa0)) i--;
  if (i <= from) return false;
  const c = text.charCodeAt(i - 1);
  // The regex ignores case for ASCII letters only (no Unicode flag): a non-ASCII letter never matches an ASCII one.
  return c < 128 && words.poBoxEnds.has(String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c));
}

/** Whether `word` ends in one of `suffixes` (a loop, not `some` with a closure: it runs for every street candidate). */
function endsInSuffix(word: string, suffixes: readonly string[] | undefined): boolean {
  if (suffixes === undefined) return false;
  for (let k = 0; k < suffixes.length; k++) if (word.endsWith(suffixes[k]!)) return true;
  return false;
}

/** The street words before the number: `Keizersgracht`, `Burgemeester de Vlugtlaan`, `Laan van Meerdervoort`. */
function streetBefore(text: string, at: number, words: AddressWords): { start: number; street: string; poBox: boolean } | undefined {
  // The street is on the number's line, at most 60 characters back: look no further for the line's start.
  let lineStart = at;
  const limit = Math.max(0, at - 60);
  while (lineStart > limit && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const from = Math.max(lineStart, at - 60);
  if (mayEndInPoBox(text, from, at, words)) {
    const box = words.poBox.exec(text.slice(from, at));
    if (box) return { start: from + box.index, street: box[0].trim(), poBox: true };
  }
  // The last token first: most numbers do not follow a capitalised word, and then nothing more is read.
  let end = at;
  while (end > from && isTokenSpace(text.charCodeAt(end - 1))) end--;
  if (end <= from) return undefined;
  let start = end;
  while (start > from && !isTokenSpace(text.charCodeAt(start - 1))) start--;
  const last = text.slice(start, end);
  if (!isName(last)) return undefined;
  // tokens[k] is the k-th token counted back from the number (tokens[0] is the last).
  let tokens: Token[] | undefined;
  let first = -1;
  // The suffixes that could end the word, by its last character lower-cased (a NAME ends in a Latin-1 letter or in
  // ' ’ -, and lower-casing those is per character): most words have none, and are not lower-cased.
  const suffixes = words.suffixesByEnd.get(foldLatin1(last.charCodeAt(last.length - 1)));
  if (suffixes !== undefined && endsInSuffix(last.toLowerCase(), suffixes)) first = 0;
  else {
    // A street that starts with its kind: `Laan van Meerdervoort`, `Plein 1992`, `Weg der Verenigde Naties`.
    tokens = tokensBefore(text, from, { word: last, start });
    for (let k = 1; k < tokens.length && first < 0; k++) {
      const w = tokens[k]!.word;
      if (isName(w) && words.suffixes.includes(w.toLowerCase())) first = k;
      else if (!isName(w) && !words.particles.has(w)) break;
    }
    if (first < 0) return undefined;
  }
  tokens ??= tokensBefore(text, from, { word: last, start });
  // Extend over the capitalised words and particles of a longer name (`Burgemeester de Vlugtlaan`): four words at most.
  while (first + 1 < tokens.length && first < 3 && (isName(tokens[first + 1]!.word) || words.particles.has(tokens[first + 1]!.word))) first++;
  while (first > 0 && words.particles.has(tokens[first]!.word)) first--;
  let street = tokens[first]!.word;
  for (let k = first - 1; k >= 0; k--) street += ' ' + tokens[k]!.word;
  return { start: tokens[first]!.start, street, poBox: false };
}

/** Whether the character, lower-cased, is a P.O.-box word's last letter (a one-character string only above ASCII). */
function mayEndPoBoxWord(c: number, words: AddressWords): boolean {
  if (c < 128) return words.poBoxEnds.has(String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c));
  return words.poBoxEnds.has(String.fromCharCode(c).toLowerCase());
}

/** A street line whose house number is the first group of the run, with its addition. */
export function streetAt(text: string, runStart: number, runEnd: number, words: AddressWords): StreetLine | undefined {
  // A space and a word character before the number (and no read before the text's start, which slows every read here).
  if (runStart < 2) return undefined;
  const space = text.charCodeAt(runStart - 1);
  if ((space !== 32 && space !== 0xa0) || !isAlnum(text.charCodeAt(runStart - 2))) return undefined;
  if (!startsCapitalised(text, runStart - 1)) {
    const poBox = mayEndPoBoxWord(text.charCodeAt(runStart - 2), words) && words.poBox.test(text.slice(Math.max(0, runStart - 20), runStart));
    if (!poBox) return undefined;
  }
  // The house number is the run's first group of digits (a run starts with a digit).
  const house = { start: runStart, end: digitsEnd(text, runStart, runEnd) };
  if (house.end - house.start > 5 || text.charCodeAt(house.start) === 48) return undefined;
  const street = streetBefore(text, runStart, words);
  if (!street || (house.end - house.start > 4 && !street.poBox)) return undefined; // P.O. boxes go to 5 digits
  const range = street.poBox ? -1 : rangeEnd(text, house.start, house.end);
  if (range > 0) {
    if (NOT_A_HOUSE.test(text.slice(range, range + 10))) return undefined;
    return { start: street.start, end: range, street: street.street, number: text.slice(house.start, range), poBox: false, range: true };
  }
  let end = house.end;
  // A second group of at most three digits after one `-` or `/`: `123-2`, `12/3`.
  let secondStart = house.end;
  while (secondStart < runEnd && !isDigit(text.charCodeAt(secondStart))) secondStart++;
  const secondEnd = digitsEnd(text, secondStart, runEnd);
  if (secondEnd > secondStart && secondEnd - secondStart <= 3 && secondStart === house.end + 1) {
    const separator = text.charCodeAt(house.end);
    if (separator === 45 || separator === 47) end = secondEnd;
  }
  if (end === runEnd) end += ADDITION.exec(text.slice(end, end + 6))?.[0].length ?? 0;
  if (!street.poBox && NOT_A_HOUSE.test(text.slice(end, end + 10))) return undefined;
  return { start: street.start, end, street: street.street, number: text.slice(house.start, end), poBox: street.poBox, range: false };
}

/**
 * After a house number: `-64`, ` – 64`, ` t/m 120`, ` tot en met 120` (the dash in group 1, the second number in 2).
 * Not a date (`1-12-2024`), nor a postcode after a dash (`Rondweg 77 - 9101 BE Dokkum`).
 */
const RANGE = /^[ \u00a0]?(?:([-–])|t\/m|tot en met)[ \u00a0]?(\d{1,4})(?![\d/-]|[ \u00a0]?[A-Z]{2}(?![A-Za-z]))/;
/**
 * A second house number this far above the first makes a hyphen a range of the numbers of a complex ("Hof van
 * Delftlaan 2-64", "1-40"). Below it the pair is one address: a double number ("Kerkstraat 12-14", one house on two
 * plots) or a number with an apartment addition ("123-2", where the second is lower). "t/m" and "tot en met" say
 * range outright.
 */
const RANGE_SPAN = 10;

/** The end of a house-number range after the number text[start, end), or -1. Read only at a street's number. */
function rangeEnd(text: string, start: number, end: number): number {
  // Cheap test first: a dash, or a blank and then a dash or the "t" of t/m and "tot en met".
  let c = text.charCodeAt(end);
  if (c === 32 || c === 0xa0) c = text.charCodeAt(end + 1);
  if (c !== 45 && c !== 0x2013 && c !== 116) return -1;
  const m = RANGE.exec(text.slice(end, end + 18));
  if (!m) return -1;
  const first = Number(text.slice(start, end));
  const second = Number(m[2]);
  return second - first >= (m[1] === undefined ? 1 : RANGE_SPAN) ? end + m[0].length : -1;
}
