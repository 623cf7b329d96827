import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainDocumentTypeModel } from '../../classifiers/doctype/classifier.ts';
import { loadCorpus } from '../../classifiers/doctype/corpus.ts';
import { softmaxScores, vectorise } from '../../classifiers/doctype/logistic.ts';
import { LogisticScorer } from '../../classifiers/doctype/scorer.ts';
import { documentFeatures, HEAD_CHARS, TITLE_CHARS } from '../../classifiers/doctype/tokens.ts';
import { WordTable } from '../../classifiers/doctype/word-table.ts';

/**
 * The scorer (native word pass, word table, feature-major sums) must give exactly — to the last bit — what the
 * training code's reference gives: vectorise() and softmaxScores() over documentFeatures().
 */
const model = trainDocumentTypeModel();
const index = new Map(model.features.map((f, i) => [f, i]));
const reference = (text: string) => [...softmaxScores(model, model.features.length, vectorise(documentFeatures(text), index, model.idf))];

const DIR = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(DIR + f, 'utf8'));

/** Deterministic pseudo-random words (letters of Latin-1 included), for texts the table has not seen. */
function randomWords(count: number, seed: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzéëïöüçñßÀÉØÿ';
  let s = seed;
  const words: string[] = [];
  for (let w = 0; w < count; w++) {
    let word = '';
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const length = 2 + (s % 9);
    for (let i = 0; i < length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      word += letters[(s >>> 8) % letters.length];
    }
    words.push(word);
  }
  return words.join(' ');
}

describe('document-type scorer', () => {
  const scorer = new LogisticScorer(model);
  const same = (text: string) => expect([...scorer.probabilities(text)]).toEqual(reference(text));

  it('equals the reference on the corpus and the fixtures (twice: learning and known words)', () => {
    const texts = [...loadCorpus().map((d) => d.text), ...fixtures];
    for (const text of texts) same(text);
    for (const text of texts) same(text);
  });

  it('equals the reference at the edges: empty, one letter, title boundary, past the head, other scripts', () => {
    const corpusText = loadCorpus()[0]!.text;
    for (const text of [
      '',
      'a',
      'ab',
      `${'x '.repeat(TITLE_CHARS / 2 - 2)}factuur factuur`,
      `${'. '.repeat(HEAD_CHARS / 2 - 3)}factuur betaling`,
      corpusText.repeat(Math.ceil((HEAD_CHARS * 2) / corpusText.length)),
      'Ελληνικά και русский текст, 中文, emoji 😀 en Nederlands: ﬁnanciën, œuvre, Œ, café\u0301',
      '\ud800lone surrogate\udc00 factuur',
    ]) same(text);
  });

  it('equals the reference while the word table grows and when it is full', () => {
    for (let doc = 0; doc < 60; doc++) same(`Factuur ${randomWords(HEAD_CHARS / 7, doc + 1)}`);
  });
});

describe('word table', () => {
  it('finds every word it was given, across growth and after it was emptied when full', () => {
    const table = new WordTable();
    const key = (n: number) => [Math.imul(n, 0x9e3779b1) | 1, n] as const;
    let wrong = 0;
    for (let n = 1; n <= 100_000; n++) {
      const [a, b] = key(n);
      table.add(a, b, n, -n);
      const at = table.find(a, b);
      if (table.table[at + 2] !== n || table.table[at + 3] !== -n) wrong++;
    }
    expect(wrong).toBe(0);
    // Emptied at 70 % of the largest table (91,750 words): the words after that are all still there.
    for (let n = 91_760; n <= 100_000; n += 997) expect(table.find(...key(n))).toBeGreaterThanOrEqual(0);
    expect(table.find(...key(5))).toBe(-1);
  });
});
