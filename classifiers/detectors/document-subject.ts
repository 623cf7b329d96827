import type { Span } from '../../src/types.ts';
import { maskWords } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import {
  fieldValue, greetingName, headerNames, identityValue, opensLine, salutationName, signatureName,
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
  /** Addressed to one person (a greeting with a name, or a name-and-address block): "u" means that person. */
  addressed: boolean;
  has: boolean;
}

/**
 * PERSON-NAME HOOK — the single place where the person-name detector's results can be consulted later
 * (classifiers/detectors/person-name.ts, `text.memo('person-name', …)`): return each name it found as a
 * `named` cue with a masked `shown`. Until then the cheap salutation/field/signature cues stand alone.
 */
function peopleFromOtherDetectors(_text: ScannedText): SubjectCue[] {
  return [];
}

const named = (start: number, end: number, shown: string): SubjectCue => ({ kind: 'named', start, end, shown });

/** Computed once per text from the shared keyword pass (memo), plus local checks around each cue. */
export function documentSubject(text: ScannedText, cueList: string): DocumentSubject {
  return text.memo('special-category.subject', () => {
    const people: SubjectCue[] = [];
    let participants = headerNames(text.text, R.header).length > 0;
    let firstPerson = false;
    let addressed = false;
    let greetingEnd = -Infinity;
    const t = text.text;
    for (const hit of text.hits(cueList)) {
      const word = t.slice(hit.start, hit.end);
      for (const kind of kindsOf(t, hit)) {
        if (kind === 'greetings') {
          greetingEnd = hit.end;
          const name = greetingName(t, hit.end, R.greetingNonNames);
          if (name) people.push(named(hit.start, hit.end + 1 + name.length, `${word.toLowerCase()} ${maskWords(name)}`));
          addressed ||= name !== undefined;
        } else if (kind === 'salutations') {
          const name = salutationName(t, hit.end, R.nonNames);
          if (!name) continue;
          people.push(named(hit.start, hit.end + 1 + name.length, `${word.toLowerCase()} ${maskWords(name)}`));
          // "Geachte heer X", or a name-and-address block: the name opens a line near the top.
          addressed ||= hit.start - greetingEnd <= 3 || (hit.start < R.addressBlock && opensLine(t, hit.start));
        } else if (kind === 'fields') {
          const value = fieldValue(t, hit.end, EMPTY);
          if (value) people.push({ kind: 'field', start: hit.start, end: hit.end, shown: `${word}: ${maskWords(value)}` });
        } else if (kind === 'participantFields') {
          participants ||= fieldValue(t, hit.end, EMPTY) !== undefined;
        } else if (kind === 'identityFields') {
          participants ||= identityValue(t, hit.end);
        } else if (kind === 'closings') {
          const name = signatureName(t, hit.end, R.signatureNonNames);
          if (name) people.push(named(hit.start, hit.end, maskWords(name)));
        } else if (kind === 'firstPerson') firstPerson = true;
      }
    }
    people.push(...peopleFromOtherDetectors(text));
    people.sort((a, b) => a.start - b.start);
    const isNamed = people.length > 0 || participants;
    return { people, named: isNamed, firstPerson, addressed, has: isNamed || firstPerson };
  });
}
