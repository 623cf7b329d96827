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

const WORD = /[a-z\u00df-\u00f6\u00f8-\u00ff]{2,}/g;
const STOP = new Set<string>([...STOPWORDS_NL, ...STOPWORDS_EN]);
const stems = new Map<string, string | null>();
const MAX_CACHED = 300_000;

/** Calls `visit` for each word of the text up to `maxChars`, lower case, with its offset (no array is built). */
export function forEachWord(text: string, visit: (word: string, at: number) => void, maxChars = HEAD_CHARS): void {
  const head = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(head); m; m = WORD.exec(head)) visit(m[0], m.index);
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
