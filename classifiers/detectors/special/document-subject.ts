import type { Span } from '../../../src/types.ts';
import { maskWords } from '../../text/mask.ts';
import { WEAK } from '../../detector.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { personNames } from '../person-name/detector.ts';
import {
  fieldValue, greetingName, hasHeaderName, identityValue, opensLine, salutationName, signatureName, writerI,
} from './subject-cues.ts';
import { kindsOf, SUBJECT_RULES as R } from './subject-rules.ts';

const EMPTY = new Set(R.emptyValues);

/**
 * Does the document have a data subject at all — a salutation to a named person, a filled-in name field,
 * a signature with a name, a named sender or participant, a date of birth or personnel number, or someone
 * writing as "ik"? Without one, no
 * special-category occurrence may be strong.
 */

export interface SubjectCue extends Span {
  kind: 'named' | 'field' | 'firstPerson' | 'role' | 'secondPerson' | 'formLine';
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
  has: boolean;
}

/**
 * The person-name detector's names (memoised per text, so asking costs nothing twice) as `named` cues: "Mark belt
 * zich ziek" has a data subject even without a salutation. Only names strong enough to decide a label count; added to
 * `people` (no filtered and mapped copies).
 */
function peopleFromOtherDetectors(text: ScannedText, people: SubjectCue[]): void {
  for (const name of personNames(text)) {
    if (name.confidence >= WEAK && !isSenderOrRecipient(text, name)) people.push(named(name.start, name.end, name.evidence));
  }
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
        if (!name) continue;
        people.push(named(hit.start, hit.end + 1 + name.length, `${t.slice(hit.start, hit.end).toLowerCase()} ${maskWords(name)}`));
        // "Geachte heer X", or a name-and-address block: the name opens a line near the top.
        addressed ||= hit.start - greetingEnd <= 3 || (hit.start < R.addressBlock && opensLine(t, hit.start));
      } else if (kind === 'fields') {
        const value = fieldValue(t, hit.end, EMPTY);
        if (value) people.push({ kind: 'field', start: hit.start, end: hit.end, shown: `${t.slice(hit.start, hit.end)}: ${maskWords(value)}` });
      } else if (kind === 'participantFields') {
        participants ||= fieldValue(t, hit.end, EMPTY) !== undefined;
      } else if (kind === 'identityFields') {
        participants ||= identityValue(t, hit.end);
      } else if (kind === 'closings') {
        const name = signatureName(t, hit.end, R.signatureNonNames);
        if (name) people.push(named(hit.start, hit.end, maskWords(name)));
      } else if (kind === 'firstPerson' && !spoken) {
        if (hit.end - hit.start === 1 && !writerI(t, hit.start, hit.end, R.romanNumeralAfter)) continue;
        spoken = true; // one cue per hit
        firstPersonCues.push({ kind: 'firstPerson', start: hit.start, end: hit.end, shown: t.slice(hit.start, hit.end).toLowerCase() });
      }
    }
  }
  peopleFromOtherDetectors(text, people);
  people.sort(byStart);
  // Senders and addressees in a header only matter where nothing else names someone: a regex over the header, so last.
  const isNamed = people.length > 0 || participants || hasHeaderName(t, R.header);
  const firstPerson = firstPersonCues.length > 0;
  return { people, named: isNamed, firstPerson, addressed, has: isNamed || firstPerson, firstPersonCues };
}
