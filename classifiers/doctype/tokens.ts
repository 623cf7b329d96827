import { PorterStemmerNl, STOPWORDS_EN, STOPWORDS_NL } from '../text/natural.ts';

/**
 * Features for the document-type model: lower-cased words of the document's head, Dutch and English stop words
 * removed, stemmed with natural's PorterStemmerNl. The head is enough to tell a document's type (title, salutation,
 * field labels) and keeps the cost per document bounded whatever its length.
 */
export const HEAD_CHARS = 12_000;

const WORD = /[a-z\u00df-\u00f6\u00f8-\u00ff]{2,}/g;
const STOP = new Set<string>([...STOPWORDS_NL, ...STOPWORDS_EN]);

const stems = new Map<string, string>();
const MAX_CACHED = 200_000;

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = PorterStemmerNl.stem(word);
    if (stems.size < MAX_CACHED) stems.set(word, s);
  }
  return s;
}

export function featureTokens(text: string, maxChars = HEAD_CHARS): string[] {
  const head = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase();
  const tokens: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(head); m; m = WORD.exec(head)) {
    const word = m[0];
    if (!STOP.has(word)) tokens.push(stem(word));
  }
  return tokens;
}
