import type { Span } from '../../src/types.ts';

/**
 * Local checks around a cue word found by the shared keyword pass: is "mevrouw" followed by a name, is
 * "Naam:" filled in, does a closing carry a signature, where does the sentence end. Each regex runs on a
 * slice of at most a few hundred characters, never on the whole text.
 */

const PARTICLE = "(?:van|de|der|den|het|ter|ten|te|'t|in|op|aan|el|al|la|le|du|da|di|von|bin|ben)";
const TITLE = '(?:drs|dr|ir|ing|prof|mr)\\.?';
const WORD = "\\p{Lu}[\\p{Ll}'’]+";
/** After a salutation: optional titles, initials, particles, then one or two capitalised words. */
const SALUTATION_NAME = new RegExp(
  `^\\.?[ \\t]+((?:${TITLE}[ \\t]+){0,3}(?:\\p{Lu}\\.[ \\t]?){0,4}(?:${PARTICLE}[ \\t]+){0,3}${WORD}(?:[ \\t-]${WORD})?)`,
  'u',
);
const FIELD_VALUE = /^[ \t]*[:\t][ \t]*(\p{Lu}[^\n\r,;|]{1,60})/u;
const GREETING_NAME = new RegExp(`^,?[ \\t]+(${WORD})`, 'u');
const SIGNATURE_LINE = new RegExp(
  `^((?:\\p{Lu}\\.[ \\t]?){0,4}(?:${PARTICLE}[ \\t]+){0,3}${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+){0,3}${WORD}(?:-${WORD})?){0,2})[ \\t]*$`,
  'u',
);
/** Words a full stop follows without ending the sentence (initials are caught as single letters). */
const ABBREVIATIONS = new Set([
  'dhr', 'mw', 'mevr', 'dr', 'drs', 'ir', 'ing', 'mr', 'mrs', 'ms', 'prof', 'bv', 'bijv', 'nr', 'art', 'o.a', 'i.v.m',
  'e.g', 'i.e', 'ca', 'geb', 'tel', 'vs', 'etc', 'st', 'jl',
]);

/** The name after a salutation (`mevrouw J. de Vries`), or undefined (`Geachte heer/mevrouw,`). */
export function salutationName(text: string, end: number, nonNames: ReadonlySet<string>): string | undefined {
  const name = SALUTATION_NAME.exec(text.slice(end, end + 80))?.[1];
  if (!name) return undefined;
  const last = name.split(/[ \t]+/).at(-1)!;
  return nonNames.has(last) || nonNames.has(name.split(/[ \t]+/)[0]!) ? undefined : name;
}

/** The value of a filled-in form field (`Naam: J. Jansen`), or undefined for a label without a value. */
export function fieldValue(text: string, end: number): string | undefined {
  const value = FIELD_VALUE.exec(text.slice(end, end + 80))?.[1]?.trim();
  return value ? value.split(/[ \t]{2,}/)[0]!.split(/\s+/).slice(0, 4).join(' ') : undefined;
}

/** The name after a greeting (`Beste Anna,`), unless it is a group (`Beste collega's`). */
export function greetingName(text: string, end: number, nonNames: ReadonlySet<string>): string | undefined {
  const name = GREETING_NAME.exec(text.slice(end, end + 40))?.[1];
  return name && !nonNames.has(name.toLowerCase()) ? name : undefined;
}

/** The signed name on the first non-empty line after a closing (`Met vriendelijke groet,\n\nAnna Smit`). */
export function signatureName(text: string, end: number, nonNames: ReadonlySet<string>): string | undefined {
  const lines = text.slice(end, end + 160).split('\n').slice(1, 4);
  const line = lines.map((l) => l.trim()).find((l) => l.length > 0);
  const name = line ? SIGNATURE_LINE.exec(line)?.[1] : undefined;
  if (!name) return undefined;
  const words = name.split(/[ \t]+/);
  return words.length >= 2 && !nonNames.has(words[0]!) ? name : undefined;
}

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
