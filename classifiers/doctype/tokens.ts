import { PorterStemmerNl, STOPWORDS_EN, STOPWORDS_NL } from '../text/natural.ts';

/**
 * Features for the document-type model: the stems (natural's PorterStemmerNl) of the lower-cased words of the
 * document's head, Dutch and English stop words removed, plus the stems of its title region marked `T:` (a title
 * says more than the same word in the body). The head is enough to tell a document's type and keeps the cost per
 * document bounded whatever its length.
 */
export const HEAD_CHARS = 12_000;
export const TITLE_CHARS = 150;
export const TITLE = 'T:';

const STOP = new Set<string>([...STOPWORDS_NL, ...STOPWORDS_EN]);
const stems = new Map<string, string | null>();
const MAX_CACHED = 300_000;

/**
 * A character as the document-type model reads words: its lower-case code if it is a letter (ASCII and Latin-1:
 * a–z, ß–ö, Ø–ÿ), else -1. One definition for training and for the scorer's hot loop, so both see the same words.
 */
export function foldLetter(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0xc0) return -1;
  if (c <= 0xde) return c === 0xd7 ? -1 : c + 32;
  return c <= 0xff && c !== 0xf7 ? c : -1;
}

/** Calls `visit` for each word (two letters or more) of the text up to `maxChars`, lower case, with its offset. */
export function forEachWord(text: string, visit: (word: string, at: number) => void, maxChars = HEAD_CHARS): void {
  const n = Math.min(text.length, maxChars);
  let i = 0;
  while (i < n) {
    if (foldLetter(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && foldLetter(text.charCodeAt(i)) >= 0) i++;
    if (i - start >= 2) visit(text.slice(start, i).toLowerCase(), start);
  }
}

/** A word's stem, or null for a stop word (cached: a document repeats its words, a corpus its vocabulary). */
export function stemOf(word: string): string | null {
  let s = stems.get(word);
  if (s === undefined) {
    s = STOP.has(word) ? null : PorterStemmerNl.stem(word);
    if (stems.size < MAX_CACHED) stems.set(word, s);
  }
  return s;
}

/** The feature tokens of a document, as the model is trained on them. */
export function documentFeatures(text: string): string[] {
  const tokens: string[] = [];
  forEachWord(text, (word, at) => {
    const stem = stemOf(word);
    if (stem === null) return;
    tokens.push(stem);
    if (at < TITLE_CHARS) tokens.push(TITLE + stem);
  });
  return tokens;
}
