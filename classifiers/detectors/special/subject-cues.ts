import type { Span } from '../../../src/types.ts';
import { FIRST_NAMES, SURNAMES } from '../person-name/parse.ts';
import { columnGapEnd, firstAtOrAfter } from './sentence-span.ts';

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

/** A Dutch postcode ("7414 CK") on a line of its own or with the place after it. */
const POSTCODE_LINE = /^[ \t]*(?:\p{L}[^\n]*[ \t])?[1-9]\d{3}[ \t]?[A-Z]{2}\b/mu;

/**
 * A name-and-address block: the name ends its line (at `nameEnd`), and one of the two lines below holds a postcode.
 * "mevrouw D. Peeters, vestigingsmanager" in the parties of a contract is no addressee.
 */
export function addressBelow(text: string, nameEnd: number): boolean {
  const nl = text.indexOf('\n', nameEnd);
  if (nl < 0 || text.slice(nameEnd, nl).trim() !== '') return false;
  let end = nl;
  for (let k = 0; k < 2 && end >= 0; k++) end = text.indexOf('\n', end + 1);
  const below = text.slice(nl + 1, end < 0 ? text.length : end);
  return POSTCODE_LINE.test(below);
}

/** A birth date or personal number right after its label (`Geboortedatum: 17-09-1979`, `geb. 3 mei 1960`). */
export function identityValue(text: string, end: number): boolean {
  return /^[ \t]*[:.]?[ \t]*(?:op[ \t]+)?\d/.test(text.slice(end, end + 20));
}

/** Names of senders and addressees in an e-mail or memo header (`Van: Anna Smit`), first `limit` characters. */
export function headerNames(text: string, limit: number, organisationWords: ReadonlySet<string> = NO_WORDS): string[] {
  const head = text.slice(0, limit);
  if (!mayHoldHeaderLine(head)) return [];
  return [...head.matchAll(HEADER)].map((m) => m[1]!).filter((name) => !organisationHeader(name, organisationWords));
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * A run of capitalised words at the end of the text it is tried on (the line up to a term), small linking words allowed
 * ("Stichting voor Katholiek …"), its first word in group 1; it may end in the first half of a hyphenated word ("Rooms-").
 */
const CAPITALISED_RUN = /(?:^|[^\p{L}'’&.-])(\p{Lu}[\p{L}'’&]*)(?:-\p{Lu}[\p{L}'’&]*)*(?:[ \t]+(?:(?:van|voor|de|der|den|het|en|tot|ter|te|in|op)[ \t]+)*\p{Lu}[\p{L}'’&-]*){0,5}(?:[ \t]+(?:(?:van|voor|de|der|den|het|en|tot|ter|te|in|op)[ \t]+)*|-)$/u;

/**
 * Whether the capitalised word at `start` continues a name that opens with an organisation word ("Stichting Katholiek
 * Onderwijs", "Aan: Vereniging Islamitische Scholen"): a term there is part of an organisation's name, not said about a
 * person. A term in small letters, or the run's own first word ("Katholieke kerk"), never is.
 */
export function inOrganisationName(text: string, start: number, organisationWords: ReadonlySet<string>): boolean {
  const c = text.charCodeAt(start);
  if (c >= 97 && c <= 122) return false; // a small ASCII letter: no capitalised word (and no regex)
  if (!/^\p{Lu}/u.test(text[start] ?? '')) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const run = CAPITALISED_RUN.exec(text.slice(Math.max(lineStart, start - 120), start));
  return run !== null && organisationWords.has(run[1]!.toLowerCase());
}

/** Whether a header name is an organisation (`Aan: Stichting Katholiek Onderwijs`): it opens with an organisation word. */
const organisationHeader = (name: string, organisationWords: ReadonlySet<string>) => organisationWords.has(firstWord(name).toLowerCase());

/**
 * Whether headerNames would find a name: HEADER tried only where mayHoldHeaderLine sees a label line (every HEADER match
 * starts at one), not at every position of the head. The first match found anywhere answers, as the first of all would.
 */
export function hasHeaderName(text: string, limit: number, organisationWords: ReadonlySet<string> = NO_WORDS): boolean {
  const head = text.slice(0, limit);
  for (let colon = head.indexOf(':'); colon >= 0; colon = head.indexOf(':', colon + 1)) {
    const at = labelLineBefore(head, colon);
    if (at < 0) continue;
    HEADER_AT.lastIndex = at;
    const name = HEADER_AT.exec(head)?.[1];
    if (name !== undefined && !organisationHeader(name, organisationWords)) return true;
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

const DAY = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday'
  + '|ma|di|wo|do|vr|za|zo|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?';
const MONTH = '(?:jan|feb|mrt|maa|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)\\p{L}*\\.?';
/** A date: "11 december", "december 11", "11-12", "11-12-2026"; a day may come first ("Donderdag 11 december"). */
const DATE = `(?:\\d{1,2}[ \\t]+${MONTH}(?:[ \\t]+\\d{4})?|${MONTH}[ \\t]+\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}(?:[-/.]\\d{2,4})?)`;
/** A time or a span of times: "14.00", "9:30–10:15 uur". */
const TIME = '(?:\\d{1,2}[.:]\\d{2}(?:[ \\t]*(?:[-–]|tot|to|until)[ \\t]*\\d{1,2}[.:]\\d{2})?(?:[ \\t]*uur)?)';
/**
 * The label of a programme line: a weekday (with or without its date) or a time, after a bullet. A date alone is not:
 * it labels the entries of a person's record as often ("- 14-05-2022: mishandeling (art. 300 Sr), 60 uur taakstraf").
 */
const WHEN = new RegExp(`^[ \\t]*[-–•*·]?[ \\t]*(?:${DAY}(?:[ \\t]+${DATE})?|${TIME})[ \\t]*$`, 'iu');

/** The colon is a time's own ("09:30 workshop …"): only an hour (and a bullet) before it, two digits after it. */
function hourOfTime(text: string, start: number, colon: number): boolean {
  return isDigit(text.charCodeAt(colon + 1)) && isDigit(text.charCodeAt(colon + 2))
    && /^[ \t]*[-–•*·]?[ \t]*\d{1,2}$/.test(text.slice(start, colon));
}

/**
 * Whether a colon can end a label. One between digits (a time "09:30:11" of a log line, a ratio "3:1"), in "::" (IPv6
 * "fe80::1") or before "//" (a URL's "https://") is part of a value: a term after it is no form field's value. A date
 * can still be a label ("- 12-03-2026: afwezig", a dated entry of a record).
 */
function labelColon(text: string, colon: number): boolean {
  const before = text.charCodeAt(colon - 1);
  const after = text.charCodeAt(colon + 1);
  if (before === 58 || after === 58) return false;
  if (isDigit(before) && isDigit(after)) return false;
  return !(after === 47 && text.charCodeAt(colon + 2) === 47);
}

/** A numbered step of an instruction at the start of a line: "Stap 4", "Step 2", "Stap 3a". */
const STEP = /^[ \t]*(?:stap|step)[ \t]+\d+[a-z]?\b/i;

/**
 * The term sits on a `Label: value` line — inside the value (`Voorgeschiedenis: hypertensie`), or as the
 * label of a filled-in value (`Medicatie: amlodipine`, not `Medicatie: geen` or `Medicatie: [uit HIS]`, nor a
 * group's figure `Preventief Medisch Onderzoek: deelname 58%`, whose first word is one of `statistics`).
 */
export function onFormLine(
  text: string, term: Span, emptyValues: ReadonlySet<string>, statistics: ReadonlySet<string>,
): boolean {
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
  let firstColon = -1;
  for (let i = start, limit = Math.min(end, start + 41); i < limit; i++) {
    if (text.charCodeAt(i) !== 58) continue;
    if (firstColon < 0) firstColon = i;
    if (labelColon(text, i)) {
      colon = i;
      break;
    }
  }
  // A programme line ("09:30 workshop: …") is told by its first colon, its time's own.
  if (firstColon >= 0 && hourOfTime(text, start, firstColon)) return false;
  if (colon < 0 || /[.!?]\s/.test(text.slice(start, colon))) return false;
  // A step of an instruction ("Stap 4  Windows Hello: stel een pincode in. Gezichtsherkenning is optioneel") is no
  // form field: its label names what to do, not whose value follows.
  if (STEP.test(text.slice(start, colon))) return false;
  // Nor is a line of a programme or an agenda ("• Monday: workshop 'Recognising burnout early'", "14.00–15.30: lezing
  // over diabetes"): its label is a day, a date or a time, and what follows is an event, not someone's value.
  if (WHEN.test(text.slice(start, colon)) || hourOfTime(text, start, colon)) return false;
  if (term.start > colon) return true;
  const value = text.slice(colon + 1, end).trim();
  const first = value.split(/[\s,;]+/)[0]!.toLowerCase();
  if (statistics.has(first) && /\d/.test(value)) return false;
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

/**
 * A chat message's opening: "[12-03-2026 19:02] Jeroen:", "25-11-2025 19:31 - Natasha (mama Ruben):" (WhatsApp, Teams
 * and other exports). The sender is group 1, up to a colon. Sticky: tried at a line's start in the text itself.
 */
const CHAT_PREFIX = /\[?\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?::\d{2})?\]?(?:[ \t]+-)?[ \t]+([^:\n[\]]{1,40}?)[ \t]*:/uy;
/** A message header on a line of its own (Teams): "Wendy Hartman  07:12", "Erwin de Bruijn  Vrijdag 16:10". */
const CHAT_HEADER = /(\p{Lu}[^\n:]{1,40}?)[ \t]{2,}(?:\p{L}+[ \t]+)?\d{1,2}:\d{2}[ \t]*\r?(?=\n|$)/uy;
/** How many lines above a term its message's opening may stand. */
const MESSAGE_LINES = 5;

/**
 * The sender of the chat message that holds `pos`: its span, the name only ("Natasha" of "Natasha (mama Ruben)"), or
 * undefined. A chat line's sender is the person that message is said by, and usually about ("heb om 11 uur een
 * afspraak bij de fysio"). The message opens on the term's line or a few lines above it, with no blank line between.
 * Only a sender with a listed first name or surname counts: "10:15 - Notitie:" in a log is no person. `newlines`:
 * where the text's lines end, in order (text-facts.ts), so a line's start is a binary search, not a scan back.
 */
export function chatSender(text: string, newlines: readonly number[], pos: number): Span | undefined {
  let k = firstAtOrAfter(newlines, pos);
  for (let n = 0; n < MESSAGE_LINES; n++, k--) {
    const start = k > 0 ? newlines[k - 1]! + 1 : 0;
    const sender = senderOn(text, start, k < newlines.length ? newlines[k]! : text.length, n > 0);
    if (sender || k === 0) return sender;
    const above = k > 1 ? newlines[k - 2]! + 1 : 0;
    if (isBlankLine(text, above, start - 1)) return undefined;
  }
  return undefined;
}

function isBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * The sender named where the line [start, end) opens: a chat prefix, or (a header line above the message) a name
 * and a time. Most lines are neither, told by a character or two before any regex runs.
 */
function senderOn(text: string, start: number, end: number, header: boolean): Span | undefined {
  const c = text.charCodeAt(start);
  let pattern: RegExp | undefined;
  if (c === 91 || isDigit(c)) pattern = CHAT_PREFIX;
  else if (header && c >= 65 && end - start <= 80) {
    // A header line is short and ends in a time: its last character a digit.
    let tail = end;
    while (tail > start && text.charCodeAt(tail - 1) <= 32) tail--;
    if (isDigit(text.charCodeAt(tail - 1))) pattern = CHAT_HEADER;
  }
  if (!pattern) return undefined;
  pattern.lastIndex = start;
  const m = pattern.exec(text);
  if (!m) return undefined;
  // The name, without a note in brackets ("Natasha (mama Ruben)"); group 1 ends the match's text before any blanks.
  const whole = m[1]!;
  const bracket = whole.indexOf('(');
  const name = (bracket < 0 ? whole : whole.slice(0, bracket)).trimEnd();
  const from = start + m[0].indexOf(whole);
  return isListedName(name) ? { start: from, end: from + name.length } : undefined;
}

/** Some word of it is a listed first name or surname ("Juf Marieke", "Ramon de Graaf"). */
function isListedName(name: string): boolean {
  for (const word of name.split(/[ \t]+/)) {
    const lower = word.toLowerCase();
    if (FIRST_NAMES.has(lower) || SURNAMES.has(lower)) return true;
  }
  return false;
}

/**
 * Whether the line that holds pos is a transaction line: it opens with a digit (its date) and holds an amount
 * ("19,94", "-151.25"). A numbered question ("7. Is er sprake van …?") holds no amount. Lines of 300 at most.
 */
export function onTransactionLine(text: string, pos: number): boolean {
  const lowest = Math.max(0, pos - FORM_LINE);
  let start = pos;
  while (start > lowest && text.charCodeAt(start - 1) !== 10) start--;
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return false; // a longer line: running text
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  if (!isDigit(text.charCodeAt(start))) return false;
  for (let i = start + 1, last = Math.min(text.length, start + FORM_LINE); i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    // An amount: a digit, a decimal comma or point, two digits, and no third.
    if ((c === 44 || c === 46) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))
      && isDigit(text.charCodeAt(i + 2)) && !isDigit(text.charCodeAt(i + 3))) return true;
  }
  return false;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** How far a questionnaire's answer is read. */
const ANSWER_LENGTH = 120;

/**
 * The answer on a questionnaire row, "5. Heeft u een chronische aandoening?      Wil ik niet zeggen": the rest of the
 * line after the question mark at questionEnd − 1, set off by a column gap (two blanks or more, or a tab). Such a
 * row reads like a "Label: value" field. Undefined for a question in running text ("serieus? wist ik niks van").
 */
export function answerAfter(text: string, questionEnd: number): Span | undefined {
  const i = columnGapEnd(text, questionEnd);
  if (i < 0) return undefined;
  let end = i;
  for (const last = Math.min(text.length, i + ANSWER_LENGTH); end < last && text.charCodeAt(end) !== 10; end++);
  while (end > i && text.charCodeAt(end - 1) <= 32) end--;
  return end > i ? { start: i, end } : undefined;
}

/** What leaves a question unanswered: the not-answered phrases (lower case) and the choices of an unfilled form. */
export interface NotAnswered {
  phrases: readonly string[];
  /** Empty values ("nee"): one of them among slash-separated choices ("ja / nee") marks the choices of a blank form. */
  emptyValues: ReadonlySet<string>;
}

/**
 * An answer that leaves the question unanswered: a blank to fill in ("____"), the choices of an unfilled form
 * ("ja / nee / weet niet"), or a not-answered phrase ("n.v.t.", "Wil ik niet zeggen", "Prefer not to say"). The
 * question's term then says nothing about the person. A "nee" is an answer (a health questionnaire answered no
 * is still about the person's health).
 */
export function unanswered(text: string, answer: Span, not: NotAnswered): boolean {
  const value = text.slice(answer.start, answer.end).toLowerCase();
  if (value.startsWith('_') || value.startsWith('..')) return true;
  if (value.includes('/') && value.split('/').some((option) => not.emptyValues.has(option.trim()))) return true;
  for (const phrase of not.phrases) {
    if (value.startsWith(phrase) && !/\p{L}/u.test(value.charAt(phrase.length))) return true;
  }
  return false;
}

/**
 * Whether pos lies in a not-answered phrase of a questionnaire row (its "ik" is no writer: "Wil ik niet zeggen"). Asked
 * for every "ik" of a text, so it looks back no further than the longest phrase for the answer's column gap.
 */
export function inUnanswered(text: string, pos: number, not: NotAnswered): boolean {
  if (not.phrases.length === 0) return false;
  for (let i = pos - 1, last = Math.max(1, pos - longest(not.phrases)); i >= last; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 63) return false;
    // The column gap: two blanks after a question mark (or a tab); the answer starts just after it.
    if ((c === 32 || c === 9) && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9 || text.charCodeAt(i - 1) === 63)) {
      let q = i;
      while (q > 0 && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9)) q--;
      if (text.charCodeAt(q - 1) !== 63) return false;
      const answer = answerAfter(text, q);
      return answer !== undefined && answer.start <= pos && unanswered(text, answer, not);
    }
  }
  return false;
}

/** The length of the longest phrase, remembered per list. */
const LONGEST = new WeakMap<readonly string[], number>();
function longest(phrases: readonly string[]): number {
  let n = LONGEST.get(phrases);
  if (n === undefined) LONGEST.set(phrases, (n = Math.max(...phrases.map((p) => p.length))));
  return n;
}
