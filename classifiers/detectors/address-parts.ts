/**
 * Structure of Dutch addresses, apart from the detector's scoring: reads a postcode or a street line
 * (street name, house number, addition) at a digit run. Only local slices around the run are examined.
 */
import type { Span } from '../../src/types.ts';

export interface AddressWords {
  suffixes: readonly string[];
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
}

const GROUP = /\d+/g;
const POSTCODE_LETTERS = /^[ \u00a0]?([A-Z]{2})(?![A-Za-z0-9\u00c0-\u024f])/;
const CITY = /^[ \u00a0\t]{1,3}(?:'[sS]-|'t )?[A-Z][A-Za-z\u00c0-\u024f'’-]+/;
/** A house-number addition: `4a`, `4-a`, `4 A`, `4 hs`, `4 bis`, `4 II`, `4bg`. */
const ADDITION = /^(?:[ -]?[A-Za-z](?![A-Za-z])|[ -]?(?:hs|bis|bg|huis|zw|rd|I{1,3})(?![A-Za-z]))/;
/** After the number: a time, amount, percentage, unit or month says it is not a house number. */
const NOT_A_HOUSE = /^(?:[:,.]\d|\s?%|\s(?:jan|feb|maart|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec|uur|jaar|euro|km|procent)\b)/i;
const TOKEN = /[^ \u00a0\t]+/g;
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

function groupsOf(text: string, run: Span): Span[] {
  const raw = text.slice(run.start, run.end);
  const groups: Span[] = [];
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(raw); m; m = GROUP.exec(raw)) {
    groups.push({ start: run.start + m.index, end: run.start + m.index + m[0].length });
  }
  return groups;
}

/** A postcode in the last group of the run: `1015 CJ`, `1015CJ`, also after a house number (`4 1234 AB`). */
export function postcodeAt(text: string, run: Span, words: AddressWords): Postcode | undefined {
  const next = text.charCodeAt(run.end) === 32 ? text.charCodeAt(run.end + 1) : text.charCodeAt(run.end);
  if (next < 65 || next > 90) return undefined; // cheap test first: two capitals must follow
  const groups = groupsOf(text, run);
  const last = groups[groups.length - 1]!;
  if (last.end - last.start !== 4 || text.charCodeAt(last.start) === 48) return undefined;
  if (last.start === run.start ? isAlnum(text.charCodeAt(last.start - 1)) : text[last.start - 1] !== ' ') {
    return undefined;
  }
  const after = POSTCODE_LETTERS.exec(text.slice(run.end, run.end + 4));
  if (!after || words.excludedLetters.has(after[1]!)) return undefined;
  const end = run.end + after[0].length;
  const city = CITY.test(text.slice(end, end + 40));
  const lineStart = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, last.start - 20), last.start));
  return { start: last.start, end, digits: text.slice(last.start, last.end), letters: after[1]!, city, lineStart };
}

/** The street words before the number: `Keizersgracht`, `Burgemeester de Vlugtlaan`, `Laan van Meerdervoort`. */
function streetBefore(text: string, at: number, words: AddressWords): { start: number; street: string; poBox: boolean } | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const from = Math.max(lineStart, at - 60);
  const before = text.slice(from, at);
  const box = words.poBox.exec(before);
  if (box) return { start: from + box.index, street: box[0].trim(), poBox: true };
  const tokens: { word: string; start: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(before); m; m = TOKEN.exec(before)) tokens.push({ word: m[0], start: from + m.index });
  const n = tokens.length;
  const last = tokens[n - 1]?.word;
  if (!last || !isName(last)) return undefined;
  const lower = last.toLowerCase();
  let first = -1;
  if (words.suffixes.some((s) => lower.endsWith(s))) first = n - 1;
  else {
    // A street that starts with its kind: `Laan van Meerdervoort`, `Plein 1992`, `Weg der Verenigde Naties`.
    for (let i = n - 2; i >= Math.max(0, n - 5) && first < 0; i--) {
      const w = tokens[i]!.word;
      if (isName(w) && words.suffixes.includes(w.toLowerCase())) first = i;
      else if (!isName(w) && !words.particles.has(w)) break;
    }
    if (first < 0) return undefined;
  }
  // Extend over the capitalised words and particles of a longer name (`Burgemeester de Vlugtlaan`).
  while (first > 0 && n - first < 4 && (isName(tokens[first - 1]!.word) || words.particles.has(tokens[first - 1]!.word))) first--;
  while (first < n - 1 && words.particles.has(tokens[first]!.word)) first++;
  const street = tokens.slice(first).map((t) => t.word).join(' ');
  return { start: tokens[first]!.start, street, poBox: false };
}

/** A street line whose house number is the first group of the run, with its addition. */
export function streetAt(text: string, run: Span, words: AddressWords): StreetLine | undefined {
  const space = text.charCodeAt(run.start - 1);
  if ((space !== 32 && space !== 0xa0) || !isAlnum(text.charCodeAt(run.start - 2))) return undefined;
  if (!startsCapitalised(text, run.start - 1)) {
    const poBox = words.poBoxEnds.has(text[run.start - 2]!.toLowerCase()) && words.poBox.test(text.slice(run.start - 20, run.start));
    if (!poBox) return undefined;
  }
  const groups = groupsOf(text, run);
  const house = groups[0]!;
  if (house.end - house.start > 5 || text.charCodeAt(house.start) === 48) return undefined;
  const street = streetBefore(text, run.start, words);
  if (!street || (house.end - house.start > 4 && !street.poBox)) return undefined; // P.O. boxes go to 5 digits
  let end = house.end;
  const second = groups[1];
  if (second && second.end - second.start <= 3 && /^[-/]$/.test(text.slice(house.end, second.start))) end = second.end;
  if (end === run.end) end += ADDITION.exec(text.slice(end, end + 6))?.[0].length ?? 0;
  if (!street.poBox && NOT_A_HOUSE.test(text.slice(end, end + 10))) return undefined;
  return { start: street.start, end, street: street.street, number: text.slice(house.start, end), poBox: street.poBox };
}
