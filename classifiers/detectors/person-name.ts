import type { Detector, Occurrence } from '../detector.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { LIST, RULES, STOP, build, cueNames, type PersonName } from './person-name-cues.ts';
import { FIRST_WORDS, PARTICLES, SURNAMES, SURNAME_WORDS, isKnownSurname, particleBefore, readName, type ParsedName, type ReadOptions } from './person-name-parse.ts';

export type { NameSignal, PersonName } from './person-name-cues.ts';

/**
 * The one pass of this detector over the whole text: initials ("J."), capitalised words after a lower-case
 * word or comma (a name alone mid-sentence), and capitalised words followed by a capitalised word or a
 * particle (a first name and a surname). Capitals are rare (a few per cent of characters), so V8 skips
 * through the text fast, and the lookbehind/lookahead leave out most sentence-initial words. Each match
 * costs a few character checks, and a Set lookup. (The first-name list is not in the shared keyword pass:
 * thousands of entries make that regex many times slower.)
 */
const UP = 'A-ZÀ-ÖØ-Þ';
const LO = 'a-zß-öø-ÿ';
const PARTICLE_AFTER = [...new Set(PARTICLES.flatMap((p) => [p, p.replace("'", '’')]))]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|');
const CANDIDATE = new RegExp(
  `(?:IJ|[${UP}])(?:\\.|(?<=[${LO},] ..?)[${LO}]+|[${LO}]+(?=[ \\t-](?:[${UP}]|(?:${PARTICLE_AFTER})[ \\t])))`,
  'g',
);
const WORD_READ: ReadOptions = { stop: STOP };
const INITIALS_READ: ReadOptions = { caps: true, stop: STOP };

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 192 && c <= 591 && c !== 215 && c !== 247);
const isLowerOrComma = (c: number) => (c >= 97 && c <= 122) || c === 44 || (c >= 223 && c <= 255);
const isApostrophe = (c: number) => c === 39 || c === 8217;
/**
 * After a lower-case word or a comma: not the first word of a sentence, where every word is capitalised.
 * Not after "'s" either: that opens a place name ('s Bosch, 's-Gravenhage).
 */
const midSentence = (text: string, pos: number) =>
  text.charCodeAt(pos - 1) === 32 &&
  isLowerOrComma(text.charCodeAt(pos - 2)) &&
  !(text.charCodeAt(pos - 2) === 115 && isApostrophe(text.charCodeAt(pos - 3)));

function lone(text: string, start: number, end: number, key: string): ParsedName {
  return { start, end, words: [text.slice(start, end)], initials: 0, surnameKey: key, next: end };
}

function wordNames(text: string, out: (PersonName | undefined)[]): void {
  const re = CANDIDATE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index;
    const e = re.lastIndex;
    if (isLetter(text.charCodeAt(s - 1))) continue; // inside a word: "NV.", "McDonald"
    if (text.charCodeAt(e - 1) === 46) {
      const name = readName(text, s, INITIALS_READ);
      if (name && name.words.length > 0 && name.initials > 0) {
        out.push(build(text, name, isKnownSurname(name) ? 'initialsKnown' : 'initials'));
        re.lastIndex = name.end;
      }
      continue;
    }
    const word = m[0];
    const after = text.charCodeAt(e);
    if ((after === 32 || after === 9 || after === 45) && FIRST_WORDS.has(word)) {
      const name = readName(text, s, WORD_READ);
      if (name && name.words.length >= 2) {
        re.lastIndex = name.end;
        const surname = isKnownSurname(name);
        // "Will Power", "Rose Garden": a first name that is also a word needs a known surname.
        if (surname || !RULES.ambiguous.has(word.toLowerCase())) {
          out.push(build(text, name, surname ? 'firstNameKnownSurname' : 'firstNameUnknownSurname'));
        }
        continue;
      }
    }
    // Alone, a name counts only mid-sentence (a particle before it ends in a lower-case letter too).
    if (!midSentence(text, s)) continue;
    if (SURNAME_WORDS.has(word)) {
      const p = particleBefore(text, s);
      const start = p < 0 ? s : p;
      const key = p < 0 ? word.toLowerCase() : text.slice(p, s).toLowerCase().replace(/[ \t]+/g, ' ').replace('’', "'") + word.toLowerCase();
      if (SURNAMES.has(key) && midSentence(text, start)) {
        out.push(build(text, lone(text, start, e, key), p < 0 ? 'surnameAlone' : 'particleSurnameAlone'));
        continue;
      }
    }
    const lowerWord = word.toLowerCase();
    if (FIRST_WORDS.has(word) && !RULES.ambiguous.has(lowerWord) && !STOP.has(lowerWord)) {
      out.push(build(text, lone(text, s, e, lowerWord), 'firstNameAlone'));
    }
  }
}

/** Overlapping finds (a title and a first name on the same name) keep the most confident one. */
function merge(found: (PersonName | undefined)[]): PersonName[] {
  const sorted = found.filter((f): f is PersonName => f !== undefined).sort((a, b) => a.start - b.start);
  const out: PersonName[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) out.push(f);
    else if (f.confidence > last.confidence || (f.confidence === last.confidence && f.end - f.start > last.end - last.start)) {
      out[out.length - 1] = f;
    }
  }
  return out;
}

/**
 * The named persons in a text, in text order, computed once per text and shared: other detectors ask here
 * "is there a named person, and where" (e.g. a diagnosis near a name). Needs this detector's word lists in
 * the text's vocabulary for the cue signals; without them only the capitalised-word signals run.
 */
export function personNames(text: ScannedText): readonly PersonName[] {
  return text.memo('person-name', () => {
    const found: (PersonName | undefined)[] = [];
    cueNames(text, found);
    wordNames(text.text, found);
    return merge(found);
  });
}

export const personNameDetector: Detector = {
  id: 'person-name',
  category: 'person-name',
  wordLists: (Object.keys(RULES.lists) as (keyof typeof RULES.lists)[]).map((cue) => ({ id: LIST(cue), words: RULES.lists[cue] })),
  detect(text): Occurrence[] {
    // The names themselves (a copy of the shared list): spreading each would compute every masked evidence.
    return personNames(text).slice();
  },
};
