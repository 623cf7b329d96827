import type { Detector, Occurrence } from '../../detector.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { LIST, RULES, STOP, build, cueNames, lineStart, materialize, type NameContext, type NameFind, type PersonName } from './cues.ts';
import {
  FIRST_NAMES, SURNAMES, SURNAME_WORDS, isKnownSurname, isStop, mayBeSurname, particleBefore, readName, stepHash,
  type ParsedName, type ReadOptions,
} from './parse.ts';
import { tableNames } from './table.ts';

export type { NameSignal, PersonName } from './cues.ts';

const FIRST_LIST = 'person-name.first';
const WORD_READ: ReadOptions = { stop: STOP };
const INITIALS_READ: ReadOptions = { caps: true, stop: STOP };

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 192 && c <= 591 && c !== 215 && c !== 247);
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
const isLowerLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 223 && c <= 255 && c !== 247);
const isApostrophe = (c: number) => c === 39 || c === 8217;
/**
 * After a lower-case word or a comma: not the first word of a sentence, where every word is capitalised.
 * Not after "'s" either: that opens a place name ('s Bosch, 's-Gravenhage).
 */
function midSentence(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos - 2);
  return text.charCodeAt(pos - 1) === 32 && (isLowerLetter(c) || c === 44) && !(c === 115 && isApostrophe(text.charCodeAt(pos - 3)));
}

function lone(text: string, start: number, end: number, key: string): ParsedName {
  return { start, end, words: [text.slice(start, end)], initials: 0, surnameKey: key, next: end };
}

/**
 * The capitals A-Z that open a line as "A. " (a bit each, A the lowest), read from the name capitals: enumerated
 * headings ("A. Kerntaak 1", "B. Beroepshouding") look like an initial and a surname.
 */
function lineLetters(text: string, capitals: readonly number[]): number {
  let bits = 0;
  for (let k = 0; k < capitals.length; k += 2) {
    const s = capitals[k]!;
    const c = text.charCodeAt(s);
    if (capitals[k + 1]! - s === 2 && text.charCodeAt(s + 1) === 46 && c >= 65 && c <= 90) {
      const after = text.charCodeAt(s + 2);
      if ((after === 32 || after === 9) && lineStart(text, s)) bits |= 1 << (c - 65);
    }
  }
  return bits;
}

/** "A. Kerntaak": one letter, a dot, blanks and a word, no second initial ("J. P. Jansen", "J.P. Jansen"). */
function singleInitial(text: string, s: number): boolean {
  let i = s + 2;
  const c = text.charCodeAt(i);
  if (c !== 32 && c !== 9) return false;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i + 1) !== 46;
}

/**
 * A line-start "C." is an enumeration when the letter before or after it opens a line the same way: a list runs
 * A., B., C. A real name line ("J. Pietersma" above an address) rarely has its neighbour letters at line starts,
 * and a surname from the list keeps the name (see wordNames).
 */
function enumerated(letters: number, c: number): boolean {
  if (c < 65 || c > 90) return false;
  const bit = c - 65;
  return ((letters >>> 1) & (1 << bit)) !== 0 || (bit > 0 && (letters & (1 << (bit - 1))) !== 0);
}

/**
 * An initial starts a word: at the text's start or after white space, an opening bracket or quote, or a field
 * separator ("NAME/J.M. DE VRIES", "0509-02;T. Yildiz"). Not inside a word ("NV.") or after a digit or a degree sign
 * ("25°C.", "25 °C."): a unit.
 */
function opensInitial(text: string, s: number): boolean {
  if (s === 0) return true;
  const c = text.charCodeAt(s - 1);
  return isWhiteSpace(c) || OPENERS.includes(c);
}
/** ( [ { " ' ‘ “ „ « / ; , | : */
const OPENERS = [40, 91, 123, 34, 39, 0x2018, 0x201c, 0x201e, 0xab, 47, 59, 44, 124, 58];
const isWhiteSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f;
/** A number and one space before `s`: "25 C." is a unit there, unless the surname is listed ("035494 J.M. Jansen"). */
const afterNumber = (text: string, s: number) => text.charCodeAt(s - 1) === 32 && isDigit(text.charCodeAt(s - 2));
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Initials ("J.") and capitalised words after a lower-case word or comma (a surname alone mid-sentence), at the
 * name capitals of the shared pass (text/name-capitals.ts: every match of its pattern, as start/end pairs); this
 * walks them as a global regex search would, from the end of each match taken. First names come from the shared
 * keyword pass.
 */
function wordNames(ctx: NameContext, capitals: readonly number[], out: (NameFind | undefined)[]): void {
  const { text } = ctx;
  let from = 0;
  let letters: number | undefined;
  for (let k = 0; k < capitals.length; k += 2) {
    if (capitals[k]! < from) continue; // overlaps the match taken before
    const e = (from = capitals[k + 1]!);
    if (text.charCodeAt(e - 1) === 46) {
      const s = e - 2;
      if (!opensInitial(text, s)) continue; // "NV.", "BV.", "25 °C."
      const name = readName(text, s, INITIALS_READ);
      if (name && name.words.length > 0 && name.initials > 0) {
        const surname = isKnownSurname(name);
        if (!surname && afterNumber(text, s) && singleInitial(text, s)) continue; // "bij 25 C. Gebruik", "230 V. Let op"
        if (!surname && singleInitial(text, s) && lineStart(text, s)) {
          letters ??= lineLetters(text, capitals);
          if (enumerated(letters, text.charCodeAt(s))) continue;
        }
        out.push(build(ctx, name, surname ? 'initialsKnown' : 'initials'));
        from = name.end;
      }
      continue;
    }
    // test() and a walk back to the capital, hashing: no match array, and no string unless the filter allows.
    let s = e - 1;
    let hash = 7;
    for (let c = text.charCodeAt(s); isLowerLetter(c); c = text.charCodeAt(--s)) hash = stepHash(hash, c);
    hash = stepHash(hash, text.charCodeAt(s));
    if (text.charCodeAt(s) === 74 && text.charCodeAt(s - 1) === 73) hash = stepHash(hash, text.charCodeAt(--s)); // "IJzerman"
    if (isLetter(text.charCodeAt(s - 1)) || !mayBeSurname(hash)) continue; // inside a word ("McDonald"), or no listed surname
    const word = text.slice(s, e);
    if (!SURNAME_WORDS.has(word) || !midSentence(text, s)) continue;
    const p = particleBefore(text, s);
    const start = p < 0 ? s : p;
    const particle = p < 0 ? '' : text.slice(p, s).toLowerCase().replace(/[ \t]+/g, ' ').replace('’', "'");
    const key = particle + word.toLowerCase();
    if (SURNAMES.has(key) && midSentence(text, start)) {
      out.push(build(ctx, lone(text, start, e, key), p < 0 ? 'surnameAlone' : 'particleSurnameAlone'));
    }
  }
}

/**
 * A day number (1–31, one or two digits, no more) and blanks on the same line right before `pos`: "2 Jan", "22 Dec–2 Jan".
 * A month abbreviation there is a date, whatever follows ("2 Jan  Collective closure").
 */
function afterDayNumber(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i === pos - 1) return false;
  let digits = 0;
  while (i >= 0 && isDigit(text.charCodeAt(i))) {
    i--;
    digits++;
  }
  if (digits === 0 || digits > 2) return false; // "kamer 123 Jan Smit" is no date
  const day = Number(text.slice(i + 1, i + 1 + digits));
  return day >= 1 && day <= 31;
}

/** Known first names (hits of the shared keyword pass), capitalised, with what follows them. */
function firstNames(scanned: ScannedText, ctx: NameContext, out: (NameFind | undefined)[]): void {
  const { text } = ctx;
  let consumed = 0;
  const hits = scanned.hits(FIRST_LIST); // an indexed loop: see cueNames
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    const s = hit.start;
    if (s < consumed || !isUpper(text.charCodeAt(s)) || !isLowerLetter(text.charCodeAt(s + 1))) continue;
    const after = text.charCodeAt(hit.end);
    const lower = hit.entry;
    // A line break too: a name wrapped over two lines (readName reads on to a particle or listed surname).
    if (after === 32 || after === 9 || after === 45 || after === 10 || after === 13) {
      const name = readName(text, s, WORD_READ);
      if (name && name.words.length >= 2) {
        consumed = name.end;
        const surname = isKnownSurname(name);
        // "Will Power", "Rose Garden": a first name that is also a word needs a known surname; so does a month
        // abbreviation after a day number ("2 Jan Collective closure").
        const word = RULES.ambiguous.has(lower) || (RULES.months.has(lower) && afterDayNumber(text, s));
        if (surname || !word) {
          out.push(build(ctx, name, surname ? 'firstNameKnownSurname' : 'firstNameUnknownSurname'));
        }
        continue;
      }
    }
    if (midSentence(text, s) && !RULES.ambiguous.has(lower) && !isStop(STOP.get(lower), text, hit.end)) {
      out.push(build(ctx, lone(text, s, hit.end, lower), 'firstNameAlone'));
    }
  }
}

/**
 * Overlapping finds (a title and a first name on the same name) keep the most confident one. Done in place in
 * `found`: a stable insertion sort by start (as Array.prototype.sort; cheap for the few, mostly ordered finds of a
 * text), then the overlaps merged.
 */
function merge(found: (NameFind | undefined)[]): NameFind[] {
  let n = 0;
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    if (f === undefined) continue;
    let j = n++;
    while (j > 0 && found[j - 1]!.start > f.start) {
      found[j] = found[j - 1];
      j--;
    }
    found[j] = f;
  }
  let m = 0;
  for (let k = 0; k < n; k++) {
    const f = found[k]!;
    const last = m > 0 ? found[m - 1]! : undefined;
    if (!last || f.start >= last.end) found[m++] = f;
    else if (f.confidence > last.confidence || (f.confidence === last.confidence && f.end - f.start > last.end - last.start)) {
      found[m - 1] = f;
    }
  }
  found.length = m;
  return found as NameFind[];
}

/**
 * The named persons in a text, in text order, computed once per text and shared: other detectors ask here
 * "is there a named person, and where" (e.g. a diagnosis near a name). Needs this detector's word lists in
 * the text's vocabulary (cue words and first names); without them only initials and known surnames are found.
 */
export function personNames(text: ScannedText): readonly PersonName[] {
  return text.memo('person-name', () => {
    const found: (NameFind | undefined)[] = [];
    const ctx: NameContext = { text: text.text };
    cueNames(text, ctx, found);
    tableNames(text, ctx, found);
    firstNames(text, ctx, found);
    wordNames(ctx, text.nameCapitalPairs(), found);
    // The occurrences replace the finds in the merged array itself: no second array per text.
    const merged = merge(found) as (NameFind | PersonName)[];
    for (let k = 0; k < merged.length; k++) merged[k] = materialize(ctx, merged[k] as NameFind);
    return merged as PersonName[];
  });
}

export const personNameDetector: Detector = {
  id: 'person-name',
  category: 'person-name',
  wordLists: [
    ...(Object.keys(RULES.lists) as (keyof typeof RULES.lists)[]).map((cue) => ({ id: LIST(cue), words: RULES.lists[cue] })),
    // Particles are not listed: "de" and "van" would be a tenth of all words, and they are read around a name.
    // Capitalised only: 'Dan' may be a name, 'dan' never is (many first names are common words too).
    { id: FIRST_LIST, words: [...FIRST_NAMES], capitalised: true },
  ],
  /** The shared names themselves (each also says its `signal`): copying every one would cost as much as finding it. */
  detect(text): Occurrence[] {
    return personNames(text).slice();
  },
};
