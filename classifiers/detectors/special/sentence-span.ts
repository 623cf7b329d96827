import type { Span } from '../../../src/types.ts';

/**
 * Where a sentence starts and ends around a term, and which spans fall in a range: the two local questions
 * every special-category candidate asks. Each candidate finds its sentence by a character scan outwards from the term,
 * cut at the window either side (SentenceEnds, kept per text by text-facts.ts).
 */

/** Words a full stop follows without ending the sentence (initials are caught as single letters). */
const ABBREVIATIONS = new Set([
  'dhr', 'mw', 'mevr', 'dr', 'drs', 'ir', 'ing', 'mr', 'mrs', 'ms', 'prof', 'bv', 'bijv', 'nr', 'art', 'o.a', 'i.v.m',
  'e.g', 'i.e', 'ca', 'geb', 'tel', 'vs', 'etc', 'st', 'jl',
]);

/** The longest abbreviation: lower-casing never shortens a word, so a longer one is none of them. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

function isBlankLine(text: string, from: number, step: 1 | -1): boolean {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** How far into a line a "Label:" colon may stand (as onFormLine in subject-cues.ts). */
const LABEL_LENGTH = 40;

/**
 * A single line break ends a sentence when the next line opens a new item: a chat message ("[12-03-2026 19:02]
 * Jeroen:", "25-11-2025 19:31 - Natasha:"), a date, number or year (a CV or list row), a bullet ("- ", "• ", "* ",
 * "1."), a "[", a table row ("|") or a "Label:" field. A wrapped paragraph goes on in lower case and runs on.
 * Without this, a chat message ran into the next one ("… kreeg een taakstraf\n[…] Niels: serieus??" read as a
 * question).
 */
function opensItem(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  if (c === 91 || c === 124 || (c >= 48 && c <= 57)) return true; // "[", a table row "|" or a digit
  if (c === 45 || c === 42 || c === 8226) {
    const next = text.charCodeAt(i + 1); // a bullet, not a hyphenated word
    return next === 32 || next === 9;
  }
  if (!(c >= 65 && c <= 90) && !(c >= 128 && /\p{Lu}/u.test(text[i] ?? ''))) return false;
  // "Label:" — a capitalised run of words with a colon soon after, and no sentence mark before it.
  for (let j = i + 1, last = Math.min(text.length, i + LABEL_LENGTH); j < last; j++) {
    const d = text.charCodeAt(j);
    if (d === 58) {
      const after = text.charCodeAt(j + 1);
      return j + 1 >= text.length || after === 32 || after === 9 || after === 10 || after === 13;
    }
    if (d === 10 || d === 46 || d === 33 || d === 63 || d === 44 || d === 59) return false;
  }
  return false;
}

/**
 * A column gap at `from` (two blanks or more, or a tab: what sets a questionnaire row's answer off from its question):
 * where the text after it starts, or -1.
 */
export function columnGapEnd(text: string, from: number): number {
  let blanks = 0;
  let i = from;
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(++i)) blanks += c === 9 ? 2 : 1;
  return blanks >= 2 ? i : -1;
}

/** A line break before a line that opens an item (no sentence end otherwise: isBoundary is asked first). */
const opensItemAfter = (text: string, i: number) => text.charCodeAt(i) === 10 && opensItem(text, i + 1);

/** A sentence end that also ends a qualifier's stretch: a full stop, ! or ? before a space, or a blank line. */
function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10) return isBlankLine(text, i + 1, 1) || isBlankLine(text, i - 1, -1);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  if (i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next !== 32 && next !== 10 && next !== 9 && next !== 13) return false;
  }
  return c !== 46 || (!isAbbreviation(text, i) && !isListNumber(text, i));
}

/** The longest number of a list item ("12. "): a longer run of digits before a dot is an amount or a year. */
const LIST_NUMBER_DIGITS = 3;

/**
 * Whether the dot at `dot` ends the number of a list item at the start of a line ("  1. Pieter Dijkhuis"): the dot ends
 * no sentence, so a heading's qualifier stretch reaches the items under it ("Kandidatenlijst …\n  1. … (lijsttrekker)").
 * The sentence itself still ends before the item (opensItem).
 */
function isListNumber(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && dot - i < LIST_NUMBER_DIGITS && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) i--;
  if (i === dot || (i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57)) return false;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10;
}

/** A letter or a dot (`o.a.`): ASCII tested directly, other characters as \p{L}. */
function inAbbreviation(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || ((c | 32) >= 97 && (c | 32) <= 122);
  return /\p{L}/u.test(text[i]!);
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 8 && inAbbreviation(text, s - 1)) s--;
  if (dot - s > LONGEST_ABBREVIATION) return false;
  // One ASCII letter or dot is an initial (its lower case is one character too): no slice.
  if (dot - s === 1 && text.charCodeAt(s) < 128) return true;
  const token = text.slice(s, dot).toLowerCase();
  return token.length === 1 || ABBREVIATIONS.has(token);
}

/** A character that may end a sentence: a line break, a full stop, ! or ? (isBoundary takes the closer look). */
const isMark = (c: number) => c === 10 || c === 46 || c === 33 || c === 63;

/**
 * The sentence ends of one text (a full stop, ! or ? before a space, a blank line, a line that opens a new item),
 * looked for from each candidate outwards by a bounded character scan: a sentence end is usually a few dozen characters
 * away, so a candidate costs that much, not a block. Whether a position ends a sentence depends on the text alone, so
 * the first end found either side is the one a list of every end would give.
 */
export class SentenceEnds {
  constructor(private readonly text: string) {}

  /**
   * The sentence around a span, cut at blank lines, before lines that open an item, and at most `window` characters
   * either side: from just after the last sentence end before the span to just after the first one at or after its
   * end.
   */
  around(span: Span, window: number): Span {
    return this.scan(span, window, undefined);
  }

  /**
   * The sentence around a span (as `around`), and in `stretch` the stretch a group's qualifier may stand in: cut only
   * at blank lines and sentence marks, so it holds the form block or chat messages around ("Opname: 12-03" on the
   * line above "Huisarts: dr. Jansen"). One scan either side for both: every end of the stretch ends a sentence too.
   */
  aroundWithStretch(span: Span, window: number, stretch: Span): Span {
    return this.scan(span, window, stretch);
  }

  private scan(span: Span, window: number, stretch: Span | undefined): Span {
    const text = this.text;
    const from = Math.max(0, span.start - window);
    const to = Math.min(text.length, span.end + window);
    let start = -1;
    let i = span.start - 1;
    let answer = stretch !== undefined;
    for (; i >= from; i--) {
      const c = text.charCodeAt(i);
      if (c === 10) answer = false;
      if (!isMark(c)) continue;
      if (isBoundary(text, i)) {
        // The answer of a questionnaire row ("Met welke achtergrond identificeert u zich?    Berbers"): its sentence
        // starts after the question, but a qualifier may stand in the question, so the stretch takes it in.
        if (answer && c === 63 && columnGapEnd(text, i + 1) >= 0) {
          answer = false;
          if (start < 0) start = i + 1;
          continue;
        }
        break;
      }
      if (start < 0 && opensItemAfter(text, i)) {
        start = i + 1;
        if (!stretch) break;
      }
    }
    const stretchStart = i >= from ? i + 1 : from;
    if (start < 0) start = stretchStart;
    let end = -1;
    i = span.end;
    for (; i < to; i++) {
      if (!isMark(text.charCodeAt(i))) continue;
      if (isBoundary(text, i)) break;
      if (end < 0 && opensItemAfter(text, i)) {
        end = i + 1;
        if (!stretch) break;
      }
    }
    const stretchEnd = i < to ? i + 1 : to;
    if (end < 0) end = stretchEnd;
    if (stretch) {
      stretch.start = stretchStart;
      stretch.end = stretchEnd;
    }
    return { start, end };
  }
}

/** The index of the first position ≥ pos in a sorted list (its length when there is none). */
export function firstAtOrAfter(positions: readonly number[], pos: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first span that starts at or after `from` (spans in text order); spans.length if none. */
export function firstFrom(spans: readonly Span[], from: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
