import type { Span } from '../../../src/types.ts';

/**
 * Where a sentence starts and ends around a term, and which spans fall in a range: the two local questions
 * every special-category candidate asks. Bounded by the window, so a text without punctuation costs no more.
 */

/** Words a full stop follows without ending the sentence (initials are caught as single letters). */
const ABBREVIATIONS = new Set([
  'dhr', 'mw', 'mevr', 'dr', 'drs', 'ir', 'ing', 'mr', 'mrs', 'ms', 'prof', 'bv', 'bijv', 'nr', 'art', 'o.a', 'i.v.m',
  'e.g', 'i.e', 'ca', 'geb', 'tel', 'vs', 'etc', 'st', 'jl',
]);

function isBlankLine(text: string, from: number, step: 1 | -1): boolean {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return isBlankLine(text, i + 1, 1) || isBlankLine(text, i - 1, -1);
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && next !== ' ' && next !== '\n' && next !== '\t' && next !== '\r') return false;
  return c !== '.' || !isAbbreviation(text, i);
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 8 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const token = text.slice(s, dot).toLowerCase();
  return token.length === 1 || ABBREVIATIONS.has(token);
}

/** The sentence around a span, cut at blank lines and at most `window` characters either side. */
export function sentenceAround(text: string, span: Span, window: number): Span {
  const from = Math.max(0, span.start - window);
  const to = Math.min(text.length, span.end + window);
  let start = from;
  for (let i = span.start - 1; i >= from; i--) {
    if (isBoundary(text, i)) {
      start = i + 1;
      break;
    }
  }
  let end = to;
  for (let i = span.end; i < to; i++) {
    if (isBoundary(text, i)) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

/** Spans (hits, cues) that lie inside [from, to), found by binary search (they are in text order). */
export function within<T extends Span>(spans: readonly T[], from: number, to: number): T[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo; i < spans.length && spans[i]!.start < to; i++) if (spans[i]!.end <= to) found.push(spans[i]!);
  return found;
}
