import type { Span } from '../../../src/types.ts';

/**
 * Local checks around a cue word found by the shared keyword pass: is "mevrouw" followed by a name, is
 * "Naam:" filled in, does a closing carry a signature, is a term on a "Label: value" line. Each regex runs on a
 * slice of at most a few hundred characters, never on the whole text.
 */

const PARTICLE = "(?:van|de|der|den|het|ter|ten|te|'t|in|op|aan|el|al|la|le|du|da|di|von|bin|ben)";
const TITLE = '(?:drs|dr|ir|ing|prof|mr)\\.?';
const WORD = "\\p{Lu}[\\p{Ll}'’]+";
const INITIALS = "(?:\\p{Lu}\\.[ \\t]?){0,4}(?:\\([\\p{L}]+\\)[ \\t]+)?";
/** A person's name: optional titles, initials (and a nickname in brackets), particles, one or two capitalised words. */
const NAME = `(?:${TITLE}[ \\t]+){0,3}${INITIALS}(?:${PARTICLE}[ \\t]+){0,3}${WORD}(?:[ \\t-]${WORD})?`;
const SALUTATION_NAME = new RegExp(`^\\.?[ \\t]+(${NAME})`, 'u');
const SALUTATION = '(?:[Mm]evrouw|[Mm]evr\\.?|[Mm]w\\.?|[Dd]e heer|[Hh]eer|[Dd]hr\\.?|[Mm]r\\.?|[Mm]rs\\.?|[Mm]s\\.?)';
const FIELD_VALUE = new RegExp(`^[ \\t]*[:\\t][ \\t]*((?:${SALUTATION}[ \\t]+)?${NAME})`, 'u');
const HEADER_SOURCE = `^(?:Van|From|Aan|To|Afzender)[ \\t]*:[ \\t]*(${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+){0,3}${WORD})+)`;
const HEADER = new RegExp(HEADER_SOURCE, 'gmu');
/** HEADER tried at one position only (sticky; `m` keeps `^` true after a line break). */
const HEADER_AT = new RegExp(HEADER_SOURCE, 'muy');
const GREETING_NAME = new RegExp(`^,?[ \\t]+(${WORD})`, 'u');
const SIGNATURE_LINE = new RegExp(
  `^((?:\\p{Lu}\\.[ \\t]?){0,4}(?:${PARTICLE}[ \\t]+){0,3}${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+){0,3}${WORD}(?:-${WORD})?){0,2})[ \\t]*$`,
  'u',
);
/** How far a "Label: value" line may reach either side of a term. */
const FORM_LINE = 300;

/**
 * The first and the last word of a name as split(/[ \t]+/) gives them, without the array: a matched name neither
 * starts nor ends with a blank (NAME, SIGNATURE_LINE and FIELD_VALUE start and end with a non-blank).
 */
const isBlankCode = (c: number) => c === 32 || c === 9;
function firstWord(name: string): string {
  for (let i = 0; i < name.length; i++) if (isBlankCode(name.charCodeAt(i))) return name.slice(0, i);
  return name;
}
function lastWord(name: string): string {
  for (let i = name.length - 1; i >= 0; i--) if (isBlankCode(name.charCodeAt(i))) return name.slice(i + 1);
  return name;
}

/** The name after a salutation (`mevrouw J. de Vries`), or undefined (`Geachte heer/mevrouw,`). */
export function salutationName(text: string, end: number, nonNames: ReadonlySet<string>): string | undefined {
  const name = SALUTATION_NAME.exec(text.slice(end, end + 80))?.[1];
  if (!name) return undefined;
  return nonNames.has(lastWord(name)) || nonNames.has(firstWord(name)) ? undefined : name;
}

/** The name in a filled-in form field (`Naam: J. Jansen`), or undefined for an empty or non-name value. */
export function fieldValue(text: string, end: number, emptyValues: ReadonlySet<string>): string | undefined {
  if (!opensField(text, end)) return undefined;
  const value = FIELD_VALUE.exec(text.slice(end, end + 80))?.[1];
  if (!value) return undefined;
  return emptyValues.has(firstWord(value).toLowerCase()) ? undefined : value;
}

/**
 * FIELD_VALUE's start, `[ \t]*[:\t]`, by character codes: the blanks after the label hold a tab or end at a colon.
 * Most cue words ("patiënt", "werknemer") stand in running text, and then no regex runs.
 */
function opensField(text: string, end: number): boolean {
  for (let i = end, last = Math.min(text.length, end + 80); i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 58) return true;
    if (c !== 32) return false;
  }
  return false;
}

/** A birth date or personal number right after its label (`Geboortedatum: 17-09-1979`, `geb. 3 mei 1960`). */
export function identityValue(text: string, end: number): boolean {
  return /^[ \t]*[:.]?[ \t]*(?:op[ \t]+)?\d/.test(text.slice(end, end + 20));
}

/** Names of senders and addressees in an e-mail or memo header (`Van: Anna Smit`), first `limit` characters. */
export function headerNames(text: string, limit: number): string[] {
  const head = text.slice(0, limit);
  if (!mayHoldHeaderLine(head)) return [];
  return [...head.matchAll(HEADER)].map((m) => m[1]!);
}

/**
 * Whether headerNames would find a name: HEADER tried only where mayHoldHeaderLine sees a label line (every HEADER match
 * starts at one), not at every position of the head. The first match found anywhere answers, as the first of all would.
 */
export function hasHeaderName(text: string, limit: number): boolean {
  const head = text.slice(0, limit);
  for (let colon = head.indexOf(':'); colon >= 0; colon = head.indexOf(':', colon + 1)) {
    const at = labelLineBefore(head, colon);
    if (at < 0) continue;
    HEADER_AT.lastIndex = at;
    if (HEADER_AT.test(head)) return true;
  }
  return false;
}

const HEADER_LABELS = ['Van', 'From', 'Aan', 'To', 'Afzender'];
/** What `^` matches after with the m flag. */
const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Whether some colon in `head` ends HEADER's start, `^(?:Van|From|Aan|To|Afzender)[ \t]*:`: a label at a line
 * start, blanks, the colon. Every HEADER match has one, so without one there is none; colons are found by indexOf,
 * so most headers need no regex (which would test every line start of the first characters).
 */
function mayHoldHeaderLine(head: string): boolean {
  for (let colon = head.indexOf(':'); colon >= 0; colon = head.indexOf(':', colon + 1)) if (labelLineBefore(head, colon) >= 0) return true;
  return false;
}

/**
 * Where the label line that ends at this colon starts (a label at a line start, blanks, the colon: HEADER's start), or
 * -1. A colon has at most one: two labels ending at one place would both have to start a line.
 */
function labelLineBefore(head: string, colon: number): number {
  let end = colon;
  while (end > 0 && (head.charCodeAt(end - 1) === 32 || head.charCodeAt(end - 1) === 9)) end--;
  for (const label of HEADER_LABELS) {
    const start = end - label.length;
    if (start >= 0 && head.startsWith(label, start) && (start === 0 || isLineTerminator(head.charCodeAt(start - 1)))) return start;
  }
  return -1;
}

export function opensLine(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  // As slice(lineStart, pos).trim() === '': ASCII blanks by code; anything else beyond ASCII goes to trim itself.
  for (let i = lineStart; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    return text.slice(lineStart, pos).trim() === '';
  }
  return true;
}

/**
 * The term sits on a `Label: value` line — inside the value (`Voorgeschiedenis: hypertensie`), or as the
 * label of a filled-in value (`Medicatie: amlodipine`, not `Medicatie: geen` or `Medicatie: [uit HIS]`).
 */
export function onFormLine(text: string, term: Span, emptyValues: ReadonlySet<string>): boolean {
  // Bounded: a text without line breaks must not make every candidate scan the whole text. Character codes, no
  // slices: this runs for every candidate in a document that names someone.
  const lowest = Math.max(0, term.start - FORM_LINE);
  let start = -1;
  for (let i = term.start - 1; i >= lowest; i--) {
    if (text.charCodeAt(i) === 10) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) {
    if (term.start > FORM_LINE) return false;
    start = lowest;
  }
  const highest = Math.min(text.length, term.end + FORM_LINE);
  let end = highest;
  for (let i = term.end; i < highest; i++) {
    if (text.charCodeAt(i) === 10) {
      end = i;
      break;
    }
  }
  let colon = -1;
  for (let i = start, limit = Math.min(end, start + 41); i < limit; i++) {
    if (text.charCodeAt(i) === 58) {
      colon = i;
      break;
    }
  }
  if (colon < 0 || /[.!?]\s/.test(text.slice(start, colon))) return false;
  if (term.start > colon) return true;
  const value = text.slice(colon + 1, end).trim();
  const first = value.split(/[\s,;]+/)[0]!.toLowerCase();
  return value.length > 0 && !value.startsWith('[') && !value.startsWith('_') && !emptyValues.has(first);
}

/** "geen strafblad", "no criminal record", "niet veroordeeld": a negation just before the term. */
export function negatedBefore(text: string, start: number, negation: Negation): string | undefined {
  // The pattern ends in [ \t]+: a term with no space or tab right before it is not negated (and needs no regex).
  const before = text.charCodeAt(start - 1);
  if (before !== 32 && before !== 9) return undefined;
  const from = Math.max(0, start - 30);
  if (negation.words && !mayBeNegated(text, from, start, negation.words)) return undefined;
  return negation.pattern.exec(text.slice(from, start))?.[1]?.toLowerCase();
}

/** The negation regex, and its words (lower case) when all are plain ASCII words, for mayBeNegated. */
export interface Negation {
  pattern: RegExp;
  words: NegationWords | undefined;
}

/** The negation words, lower case, and the length of the longest. */
type NegationWords = ReadonlySet<string> & { readonly longest: number };

export function negationPattern(words: readonly string[]): Negation {
  return {
    pattern: new RegExp(`(?:^|[^\\p{L}])(${words.join('|')})[ \\t]+(?:[\\p{L}-]+[ \\t]+)?$`, 'iu'),
    words: words.every((w) => /^[a-z]+$/i.test(w))
      ? Object.assign(new Set(words.map((w) => w.toLowerCase())), { longest: Math.max(...words.map((w) => w.length)) })
      : undefined,
  };
}

const isBlank = (c: number) => c === 32 || c === 9;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * False only where the negation pattern cannot match text[from, end) (which ends in a blank): its match ends there,
 * so it is the last blank run, before it a negation word or one other word ([\p{L}-]+) and a blank run after a
 * negation word; a negation word is a whole letter run (after a non-letter or at `from`). Checked by character codes
 * for ASCII; true (unsure: the regex decides) at any other character. Most terms have no negation before them.
 */
function mayBeNegated(text: string, from: number, end: number, words: NegationWords): boolean {
  let i = end;
  while (i > from && isBlank(text.charCodeAt(i - 1))) i--;
  const direct = negationEndsAt(text, from, i, words);
  if (direct !== false) return true;
  let m = i;
  for (; m > from; m--) {
    const c = text.charCodeAt(m - 1);
    if (c >= 128) return true;
    if (!isAsciiLetter(c) && c !== 45) break;
  }
  if (m === i || m === from || !isBlank(text.charCodeAt(m - 1))) return false;
  let b = m;
  while (b > from && isBlank(text.charCodeAt(b - 1))) b--;
  return negationEndsAt(text, from, b, words) !== false;
}

/** Whether the letter run that ends at `end` (from `from` at the earliest) is a negation word; undefined: not ASCII. */
function negationEndsAt(text: string, from: number, end: number, words: NegationWords): boolean | undefined {
  let s = end;
  for (; s > from; s--) {
    const c = text.charCodeAt(s - 1);
    if (c >= 128) return undefined;
    if (!isAsciiLetter(c)) break;
  }
  // An ASCII run of another length than every negation word is none of them: no slice for it.
  return s < end && end - s <= words.longest && words.has(text.slice(s, end).toLowerCase());
}

/** The name after a greeting (`Beste Anna,`), unless it is a group (`Beste collega's`). */
export function greetingName(text: string, end: number, nonNames: ReadonlySet<string>): string | undefined {
  const name = GREETING_NAME.exec(text.slice(end, end + 40))?.[1];
  return name && !nonNames.has(name.toLowerCase()) ? name : undefined;
}

/** The signed name on the first non-empty line after a closing (`Met vriendelijke groet,\n\nAnna Smit`). */
export function signatureName(text: string, end: number, nonNames: ReadonlySet<string>): string | undefined {
  const line = firstFilledLine(text.slice(end, end + 160));
  const name = line ? SIGNATURE_LINE.exec(line)?.[1] : undefined;
  if (!name) return undefined;
  const first = firstWord(name);
  return first.length < name.length && !nonNames.has(first) ? name : undefined;
}

/** The first of lines 1 to 3 of `chunk` (after the closing's own line) that is not blank, trimmed; no array of lines. */
function firstFilledLine(chunk: string): string | undefined {
  let at = chunk.indexOf('\n');
  for (let k = 1; k <= 3 && at >= 0; k++) {
    const next = chunk.indexOf('\n', at + 1);
    const line = chunk.slice(at + 1, next < 0 ? chunk.length : next).trim();
    if (line.length > 0) return line;
    at = next;
  }
  return undefined;
}

/** The word before a bare "I", and the character before that word (blanks skipped) when on the same line. */
const BEFORE_I = /(?:([^\s])[ \t]+)?(\p{L}+)[ \t]+$/u;
/**
 * A bare capital "I" (the entry matches its capital) is the writer only before a lower-case word or a contraction
 * ("I keep", "I'd"): not an initial ("I. Jansen"), and not a Roman numeral after a word that numbers things
 * ("Chapter I describes", "type I diabetes") or after a capitalised word inside a sentence ("Koning Willem I").
 */
export function writerI(text: string, start: number, end: number, numberedWords: ReadonlySet<string>): boolean {
  const c = text.charCodeAt(end);
  const next = text.charCodeAt(c === 32 || c === 9 || c === 39 || c === 8217 ? end + 1 : -1);
  if (!(next >= 97 && next <= 122)) return false;
  const before = BEFORE_I.exec(text.slice(Math.max(0, start - 40), start));
  if (!before) return true;
  const mark = before[1];
  const word = before[2]!;
  if (numberedWords.has(word.toLowerCase())) return false;
  const regnal = /^\p{Lu}/u.test(word) && mark !== undefined && !/[.!?:]/.test(mark);
  return !regnal;
}
