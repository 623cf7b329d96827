import { PorterStemmerNl, STOPWORDS_EN, STOPWORDS_NL } from '../text/natural.ts';

/**
 * Features for the document-type model: lower-cased words of the document's head, Dutch and English stop words
 * removed, stemmed with natural's PorterStemmerNl. The head is enough to tell a document's type (title, salutation,
 * field labels) and keeps the cost per document bounded whatever its length.
 */
export const HEAD_CHARS = 12_000;

const WORD = /[a-z\u00df-\u00f6\u00f8-\u00ff]{2,}/g;
const STOP = new Set<string>([...STOPWORDS_NL, ...STOPWORDS_EN]);

/** Calls `visit` for each word of a text's head, lower case, in order (no array of words is built). */
export function forEachHeadWord(text: string, visit: (word: string) => void, maxChars = HEAD_CHARS): void {
  const head = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(head); m; m = WORD.exec(head)) visit(m[0]);
}

/** A word's feature: its stem, or undefined for a stop word. */
export function feature(word: string): string | undefined {
  return STOP.has(word) ? undefined : PorterStemmerNl.stem(word);
}

export function featureTokens(text: string, maxChars = HEAD_CHARS): string[] {
  const tokens: string[] = [];
  forEachHeadWord(
    text,
    (word) => {
      const f = feature(word);
      if (f !== undefined) tokens.push(f);
    },
    maxChars,
  );
  return tokens;
}
