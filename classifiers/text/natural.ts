/**
 * The one place that loads `natural`. Its storage modules call dotenv on import, and dotenv 17 prints "tip" lines to
 * stdout — which would corrupt `bewaarder classify --json`. Quieting it must happen before natural loads; ESM imports
 * are hoisted, so natural is required here, after the variable is set.
 *
 * natural's bundled typings pull its .ts sources into the type check (which fail under this project's strict
 * settings), so the few parts used are typed here.
 */
import { createRequire } from 'node:module';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

export interface Stemmer {
  stem(word: string): string;
  tokenizeAndStem(text: string, keepStops?: boolean): string[];
}

interface Natural {
  PorterStemmerNl: Stemmer;
  PorterStemmer: Stemmer;
}

const require = createRequire(import.meta.url);
const natural = require('natural') as Natural;

export const { PorterStemmerNl, PorterStemmer } = natural;
/** Dutch stop words (natural does not re-export them). */
export const STOPWORDS_NL: readonly string[] = require('natural/lib/natural/util/stopwords_nl').words;
export const STOPWORDS_EN: readonly string[] = require('natural/lib/natural/util/stopwords').words;
