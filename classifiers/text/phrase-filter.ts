import type { Phrase } from './phrases.ts';
import { GAP_CHARS, isGapChar } from './gap.ts';
import { isLetter } from './word-hash.ts';

/**
 * A cheap test of whether a phrase can match at a word it is found by (its starter or anchor word), from the
 * characters around that word only. Most words that start a phrase are common ("van" of "van:", "datum" of
 * "geb. datum", "jaar" of "jaar oud", "a" of "a-nummer"), and a character or two around them usually settles it,
 * where trying the phrase would run a regex. Every refusal mirrors a check the phrase's own match makes anyway, so
 * the vocabulary's answer does not change (the scanner tests hold both scanners to it).
 */
export interface PhraseFilter {
  /** The characters that may follow the word (null: any). */
  follows: ReadonlySet<number> | null;
  /** The characters that may stand right before it (null: any). */
  precedes: ReadonlySet<number> | null;
  /**
   * After the spaces that follow the word, the next word's first character, or -1: an ASCII letter (lower case;
   * either case matches) or an ASCII mark whose code has bit 5 set (a digit, `.`, `:`, `'`…), compared as `c | 32`
   * (which also lets a control character through: a refusal is never wrong, a rare pass costs only the full match).
   */
  nextWord: number;
  /** Before the spaces that precede the word, the previous word's last character (as nextWord), or -1. */
  previousWord: number;
}

/** A space in a phrase matches any gap character (gap.ts: spaces, tabs, a hyphen, a line break…); a hyphen in a phrase is optional. */
const SPACE: ReadonlySet<number> = new Set(GAP_CHARS);
const isSpace = isGapChar;
const isAsciiLower = (c: number) => c >= 97 && c <= 122;
/** An ASCII character that is no letter and that `c | 32` leaves unchanged (NaN: no). */
const isMark = (c: number) => c < 128 && (c | 32) === c && !isLetter(c);

interface Side {
  chars: ReadonlySet<number> | null;
  word: number;
}
const ANY: Side = { chars: null, word: -1 };

/**
 * What a phrase needs next to its word, from the phrase's text on that side (what follows the word, or what
 * precedes it read backwards). Spaces or hyphens, then a letter: a space, tab or hyphen next to the word (the word
 * ends at a non-letter, so an optional hyphen cannot match nothing before a letter), then that letter in either
 * case. Spaces or hyphens, then a mark (`geb. datum` read backwards from `datum`): that mark after them.
 * Punctuation or a digit: exactly that character. Anything else: no condition.
 */
function sideOf(side: string): Side {
  let k = 0;
  while (side[k] === ' ' || side[k] === '-') k++;
  const c = side.charCodeAt(k);
  if (k > 0) {
    if (isAsciiLower(c)) return { chars: SPACE, word: c };
    // A mark may follow an optional hyphen directly (`a-.`), so a leading hyphen allows any character next.
    return { chars: side[0] === ' ' ? SPACE : null, word: isMark(c) ? c : -1 };
  }
  if (Number.isNaN(c) || c >= 128 || isLetter(c)) return ANY;
  return { chars: new Set([c]), word: -1 };
}

const reversed = (s: string) => [...s].reverse().join('');

export function phraseFilter(phrase: Phrase): PhraseFilter {
  if (phrase.literal) {
    const c = phrase.literal.rest.charCodeAt(0);
    return { follows: Number.isNaN(c) ? null : new Set([c]), precedes: null, nextWord: -1, previousWord: -1 };
  }
  let after = ANY;
  let before = ANY;
  if (phrase.anchored) {
    // `after` is sticky at the word's end; `before` must end right before the word.
    if (phrase.anchored.after) after = sideOf(phrase.anchored.rest);
    if (phrase.anchored.before) before = sideOf(reversed(phrase.anchored.lead));
  } else {
    // The whole phrase's pattern runs from its starter word: what follows that word in the phrase must follow it.
    const starter = /[a-z\u00c0-\u024f]+/y;
    starter.lastIndex = phrase.lead;
    if (starter.exec(phrase.word)) after = sideOf(phrase.word.slice(starter.lastIndex));
  }
  return { follows: after.chars, precedes: before.chars, nextWord: after.word, previousWord: before.word };
}

/**
 * A filter as the WebAssembly scanner reads it (scan.as.ts: phraseMayMatch): follows, precedes (-1: any character,
 * -2: a gap character (gap.ts), else that one character), nextWord, previousWord.
 */
export function encodeFilter(filter: PhraseFilter): [number, number, number, number] {
  const chars = (set: ReadonlySet<number> | null): number => {
    if (!set) return -1;
    if (set === SPACE) return -2;
    if (set.size !== 1) throw new Error('phrase filter: a set of characters the scanner cannot hold');
    return [...set][0]!;
  };
  return [chars(filter.follows), chars(filter.precedes), filter.nextWord, filter.previousWord];
}

/** Whether some phrase of a group may match at the word [start, end). */
export function mayMatch(filters: readonly PhraseFilter[], text: string, start: number, end: number): boolean {
  for (const f of filters) if (passes(f, text, start, end)) return true;
  return false;
}

/** Whether one phrase may match at the word [start, end): false is sure, true may still fail the full match. */
export function passes(f: PhraseFilter, text: string, start: number, end: number): boolean {
  if ((f.follows && !f.follows.has(text.charCodeAt(end))) || (f.precedes && !f.precedes.has(text.charCodeAt(start - 1)))) return false;
  if (f.nextWord >= 0) {
    let k = end;
    while (isSpace(text.charCodeAt(k))) k++;
    if ((text.charCodeAt(k) | 32) !== f.nextWord) return false;
  }
  if (f.previousWord >= 0) {
    let k = start - 1;
    while (isSpace(text.charCodeAt(k))) k--;
    if ((text.charCodeAt(k) | 32) !== f.previousWord) return false;
  }
  return true;
}
