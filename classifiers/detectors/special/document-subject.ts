import type { Span } from '../../../src/types.ts';
import { maskWords } from '../../text/mask.ts';
import { WEAK } from '../../detector.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { personNames, type PersonName } from '../person-name/detector.ts';
import {
  addressBelow, fieldValue, greetingName, hasHeaderName, identityValue, inUnanswered, opensLine, salutationName,
  signatureName, writerI,
} from './subject-cues.ts';
import { kindsOf, SUBJECT_RULES as R } from './subject-rules.ts';
import { columnHeader } from '../person-name/cues.ts';

const EMPTY = new Set(R.emptyValues);
const NOT_ANSWERED = { phrases: R.notAnswered, emptyValues: EMPTY };

/**
 * Does the document have a data subject at all — a salutation to a named person, a filled-in name field,
 * a signature with a name, a named sender or participant, a date of birth or personnel number, or someone
 * writing as "ik"? Without one, no
 * special-category occurrence may be strong.
 */

export interface SubjectCue extends Span {
  kind: 'named' | 'field' | 'firstPerson' | 'role' | 'secondPerson' | 'formLine' | 'sender' | 'accountHolder' | 'formSubject';
  /** Masked for display: `mevrouw J******`, `Naam: J. J*****`, `ik`. */
  shown: string;
}

export interface DocumentSubject {
  /** Named persons and filled-in name fields that can be the subject of a nearby term, in text order. */
  people: SubjectCue[];
  /** Someone is named (people, participants, senders, signatures): "de patiënt" and "Label: value" lines are about them. */
  named: boolean;
  /** The writer speaks as "ik". */
  firstPerson: boolean;
  /** Each "ik" (or "I am") as a cue, in text order: a term near one may be about the writer. */
  firstPersonCues: SubjectCue[];
  /** Addressed to one person (a greeting with a name, or a name-and-address block): "u" means that person. */
  addressed: boolean;
  /** The account holder of a bank statement (`t.n.v. A.C. Bakker` near the top): whose every transaction line is. */
  accountHolder: SubjectCue | undefined;
  /**
   * The one person of a single-person form (an incident report, an intake, a sports-injury form): the header holds
   * exactly one filled-in subject field — or, without one, the address block names one person — and an identity
   * value. A term with no nearer cue is about them.
   */
  formSubject: SubjectCue | undefined;
  has: boolean;
}

/**
 * The person-name detector's names (memoised per text, so asking costs nothing twice) as `named` cues: "Mark belt
 * zich ziek" has a data subject even without a salutation. Only names strong enough to decide a label count; added to
 * `people` (no filtered and mapped copies).
 */
function peopleFromOtherDetectors(text: ScannedText, people: SubjectCue[]): SubjectCue | undefined {
  const names = personNames(text);
  let holder: SubjectCue | undefined;
  let weak = false;
  for (const name of names) {
    if (name.confidence < WEAK) {
      weak = true;
      continue;
    }
    if (isSenderOrRecipient(text, name)) continue;
    const cue = named(name.start, name.end, name.evidence);
    people.push(cue);
    if (!holder && name.start < R.header && holderBefore(text.text, name.start)
      && !organisationWordIn(text.text, name.start, name.end)) holder = { ...cue, kind: 'accountHolder' };
  }
  if (weak) lonePeople(text, names, people);
  return holder;
}

/**
 * A lone first name or surname the name detector keeps weak ("… dat Marloes op dit moment …") is the person of a full
 * name found elsewhere in the document ("Medewerker: Marloes ten Have", a header, a signature): it names them as well
 * as the full name would. The parts of the full names are only gathered in a text with such a weak name.
 */
function lonePeople(text: ScannedText, names: readonly PersonName[], people: SubjectCue[]): void {
  const t = text.text;
  let parts: Set<string> | undefined;
  for (const name of names) if (name.confidence >= WEAK) parts = nameParts(t, name.start, name.end, parts);
  if (!parts) return;
  for (const name of names) {
    if (name.confidence < WEAK && name.end - name.start <= MAX_PART && parts.has(t.slice(name.start, name.end))
      && !isSenderOrRecipient(text, name)) {
      people.push(named(name.start, name.end, name.evidence));
    }
  }
}

/**
 * Whether a word of text[start, end) opens an organisation's name ("R.K. Parochie H. Franciscus", "Stichting …"): read
 * as a name, it is still no person, so no account holder whose transaction lines are about them.
 */
function organisationWordIn(t: string, start: number, end: number): boolean {
  for (const word of t.slice(start, end).split(/[^\p{L}]+/u)) if (R.organisationWords.has(word.toLowerCase())) return true;
  return false;
}

/** The longest name part compared (a longer weak name is no single first name or surname). */
const MAX_PART = 24;

/** "t.n.v.", "ten name van", "op naam van", "Rekeninghouder:" right before a name, on its line. */
const HOLDER_BEFORE = /(?:\bt\.?[ \t]?n\.?[ \t]?v\.?|\bten name van|\bop naam van|\brekeninghouder[ \t]*:?|^[ \t]*naam[ \t]*:)[ \t]*$/i;
function holderBefore(t: string, start: number): boolean {
  // The cue ends in "." (t.n.v.), "n"/"v" (van, tnv), ":" or "r" (rekeninghouder), blanks aside: most names need no regex.
  let i = start - 1;
  while (i >= 0 && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i--;
  const c = t.charCodeAt(i) | 32;
  if (c !== 46 && c !== 110 && c !== 58 && c !== 114 && c !== 118) return false;
  const from = Math.max(0, start - 24);
  const nl = t.lastIndexOf('\n', start - 1);
  return HOLDER_BEFORE.test(t.slice(Math.max(from, nl + 1), start));
}

/**
 * The first and the last word of a full name in text[start, end), added to `parts` (made when first needed): each
 * a capitalised word of at least three letters. A one-word name adds nothing (it is no full name).
 */
function nameParts(t: string, start: number, end: number, parts: Set<string> | undefined): Set<string> | undefined {
  let firstEnd = start;
  while (firstEnd < end && !isBlankOrHyphen(t.charCodeAt(firstEnd))) firstEnd++;
  let lastStart = end;
  while (lastStart > start && !isBlankOrHyphen(t.charCodeAt(lastStart - 1))) lastStart--;
  if (firstEnd >= end) return parts;
  if (isNameWord(t, start, firstEnd)) (parts ??= new Set()).add(t.slice(start, firstEnd));
  if (isNameWord(t, lastStart, end)) (parts ??= new Set()).add(t.slice(lastStart, end));
  return parts;
}

const isBlankOrHyphen = (c: number) => c === 32 || c === 9 || c === 45 || c === 10;

/** A capitalised word of three letters or more ("Marloes", not an initial "J." or a particle "de"). */
function isNameWord(t: string, start: number, end: number): boolean {
  if (end - start < 3 || t.charCodeAt(end - 1) === 46) return false;
  const first = t[start]!;
  return first !== first.toLowerCase();
}

/**
 * The sender and recipients of a message (`Van: Anna Smit`) and the signer are who writes, not who it is about: they
 * make the document name someone (hasHeaderName, signatureName) but are no subject for a term nearby.
 */
const HEADER_LINE = /^\s*(?:van|aan|cc|bcc|from|to|afzender|verzonden door)\s*:/i;
function isSenderOrRecipient(text: ScannedText, name: { start: number; signal: string }): boolean {
  if (name.signal.startsWith('signature')) return true;
  // The line that holds the name (as text.lineAround, without its object).
  const t = text.text;
  const start = t.lastIndexOf('\n', name.start - 1) + 1;
  const nl = t.indexOf('\n', name.start);
  const end = Math.min(nl < 0 ? t.length : nl, start + 40);
  // HEADER_LINE needs a colon in those 40 characters: most lines with a name have none, and need no regex.
  let colon = false;
  for (let i = start; i < end && !colon; i++) colon = t.charCodeAt(i) === 58;
  return colon && HEADER_LINE.test(t.slice(start, end));
}

const named = (start: number, end: number, shown: string): SubjectCue => ({ kind: 'named', start, end, shown });
const byStart = (a: Span, b: Span) => a.start - b.start;

/** Computed once per text (text-facts.ts) from the shared keyword pass, plus local checks around each cue. */
export function documentSubject(text: ScannedText, cueList: string): DocumentSubject {
  const people: SubjectCue[] = [];
  const firstPersonCues: SubjectCue[] = [];
  let participants = false;
  let addressed = false;
  let greetingEnd = -Infinity;
  // For formSubject: the header's filled-in subject fields (the first, and whether another value follows) and identity values.
  let headerField: SubjectCue | undefined;
  let headerValue: string | undefined;
  let otherHeaderField = false;
  let headerIdentity = false;
  // For formSubject without a subject field: the person named in the address block, and whether another is named there.
  let addressee: SubjectCue | undefined;
  let addresseeName: string | undefined;
  let otherAddressee = false;
  const t = text.text;
  for (const hit of text.hits(cueList)) {
    let spoken = false;
    for (const kind of kindsOf(t, hit)) {
      if (kind === 'greetings') {
        greetingEnd = hit.end;
        const name = greetingName(t, hit.end, R.greetingNonNames);
        if (name) people.push(named(hit.start, hit.end + 1 + name.length, `${t.slice(hit.start, hit.end).toLowerCase()} ${maskWords(name)}`));
        addressed ||= name !== undefined;
      } else if (kind === 'salutations') {
        const name = salutationName(t, hit.end, R.nonNames);
        // "Aantal mw   Verzuim%": a title in a table's column header is no salutation (as for person names).
        if (!name || columnHeader(t, hit.start, t.charCodeAt(hit.end) === 46 ? hit.end + 1 : hit.end)) continue;
        const cue = named(hit.start, hit.end + 1 + name.length, `${t.slice(hit.start, hit.end).toLowerCase()} ${maskWords(name)}`);
        people.push(cue);
        // "Geachte heer X", or a name-and-address block: the name opens a line near the top.
        const inAddressBlock = hit.start < R.addressBlock && opensLine(t, hit.start);
        addressed ||= hit.start - greetingEnd <= 3 || inAddressBlock;
        if (inAddressBlock && addressBelow(t, cue.end)) {
          if (!addressee) [addressee, addresseeName] = [cue, name];
          else otherAddressee ||= name !== addresseeName;
        }
      } else if (kind === 'fields') {
        const value = fieldValue(t, hit.end, EMPTY);
        if (!value) continue;
        const field: SubjectCue = { kind: 'field', start: hit.start, end: hit.end, shown: `${t.slice(hit.start, hit.end)}: ${maskWords(value)}` };
        people.push(field);
        if (hit.start < R.header) {
          // "Naam werknemer: X" is also "werknemer: X": one value, one person.
          if (!headerField) [headerField, headerValue] = [field, value];
          else otherHeaderField ||= value !== headerValue;
        }
      } else if (kind === 'participantFields') {
        participants ||= fieldValue(t, hit.end, EMPTY) !== undefined;
      } else if (kind === 'identityFields') {
        const identity = identityValue(t, hit.end);
        participants ||= identity;
        headerIdentity ||= identity && hit.start < R.header;
      } else if (kind === 'closings') {
        const name = signatureName(t, hit.end, R.signatureNonNames);
        if (name) people.push(named(hit.start, hit.end, maskWords(name)));
      } else if (kind === 'firstPerson' && !spoken) {
        if (hit.end - hit.start === 1 && !writerI(t, hit.start, hit.end, R.romanNumeralAfter)) continue;
        if (inUnanswered(t, hit.start, NOT_ANSWERED)) continue;
        spoken = true; // one cue per hit
        firstPersonCues.push({ kind: 'firstPerson', start: hit.start, end: hit.end, shown: t.slice(hit.start, hit.end).toLowerCase() });
      }
    }
  }
  const accountHolder = peopleFromOtherDetectors(text, people);
  people.sort(byStart);
  // Senders and addressees in a header only matter where nothing else names someone: a regex over the header, so last.
  const isNamed = people.length > 0 || participants || hasHeaderName(t, R.header, R.organisationWords);
  const firstPerson = firstPersonCues.length > 0;
  // Without a subject field, the one addressee of a form-like letter (an invoice of a dentist to "Mevrouw G. Jansen" with
  // her patient number and birth date in the header) is its person; a letter without identity values has none.
  const subject = headerField ? (otherHeaderField ? undefined : headerField) : otherAddressee ? undefined : addressee;
  const formSubject = subject && headerIdentity ? { ...subject, kind: 'formSubject' as const } : undefined;
  return { people, named: isNamed, firstPerson, addressed, accountHolder, formSubject, has: isNamed || firstPerson, firstPersonCues };
}
