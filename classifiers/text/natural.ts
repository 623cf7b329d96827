/**
 * The one place that loads `natural`. Only the parts used are required, by path: natural's index loads every storage
 * back-end it has (mongoose, redis, pg: 0.8 s at every CLI start), and those call dotenv, which prints "tip" lines
 * to stdout — that would corrupt `bewaarder classify --json`. The variable below quiets dotenv should anything load
 * the index anyway; ESM imports are hoisted, so the modules are required after it is set.
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

const require = createRequire(import.meta.url);

export const PorterStemmerNl = require('natural/lib/natural/stemmers/porter_stemmer_nl') as Stemmer;
export const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer;
/** Dutch stop words (natural does not re-export them). */
export const STOPWORDS_NL: readonly string[] = require('natural/lib/natural/util/stopwords_nl').words;
export const STOPWORDS_EN: readonly string[] = require('natural/lib/natural/util/stopwords').words;
