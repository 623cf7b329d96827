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

function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10) return isBlankLine(text, i + 1, 1) || isBlankLine(text, i - 1, -1);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  if (i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next !== 32 && next !== 10 && next !== 9 && next !== 13) return false;
  }
  return c !== 46 || !isAbbreviation(text, i);
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
 * The sentence ends of one text (a full stop, ! or ? before a space, a blank line), looked for from each candidate
 * outwards by a bounded character scan: a sentence end is usually a few dozen characters away, so a candidate costs
 * that much, not a block. Whether a position ends a sentence depends on the text alone, so the first end found either
 * side is the one a list of every end would give.
 */
export class SentenceEnds {
  constructor(private readonly text: string) {}

  /**
   * The sentence around a span, cut at blank lines and at most `window` characters either side: from just after the
   * last sentence end before the span to just after the first one at or after its end.
   */
  around(span: Span, window: number): Span {
    const text = this.text;
    const from = Math.max(0, span.start - window);
    const to = Math.min(text.length, span.end + window);
    let start = from;
    for (let i = span.start - 1; i >= from; i--) {
      if (isMark(text.charCodeAt(i)) && isBoundary(text, i)) {
        start = i + 1;
        break;
      }
    }
    let end = to;
    for (let i = span.end; i < to; i++) {
      if (isMark(text.charCodeAt(i)) && isBoundary(text, i)) {
        end = i + 1;
        break;
      }
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
