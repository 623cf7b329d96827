import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainDocumentTypeModel } from '../../classifiers/doctype/classifier.ts';
import { loadCorpus } from '../../classifiers/doctype/corpus.ts';
import { softmaxScores, vectorise } from '../../classifiers/doctype/logistic.ts';
import { LogisticScorer } from '../../classifiers/doctype/scorer.ts';
import { documentFeatures, HEAD_CHARS, TITLE_CHARS } from '../../classifiers/doctype/tokens.ts';
import { WordTable } from '../../classifiers/doctype/word-table.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';

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

describe('document-type scorer on the shared scan\'s word list', () => {
  // The word pass takes the head's words from the shared text scan (ScannedText.headWords): its words are runs of
  // more letters (Latin Extended too), which the pass splits by its own; the answer must not change.
  const scorer = new LogisticScorer(model);
  const vocabulary = new Vocabulary([{ id: 'test.words', words: ['factuur', 'van der'] }], { headChars: HEAD_CHARS });
  const same = (text: string) => {
    const scanned = new ScannedText(text, vocabulary);
    const listed = scanned.headWords();
    expect(listed).toBeDefined();
    expect([...scorer.probabilities(text, listed)]).toEqual(reference(text));
  };

  it('equals the reference on the corpus, the fixtures and random words', () => {
    const texts = [...loadCorpus().map((d) => d.text), ...fixtures];
    for (const text of texts) same(text);
    for (let doc = 0; doc < 10; doc++) same(`Factuur ${randomWords(HEAD_CHARS / 7, doc + 100)}`);
  });

  it('equals the reference at the edges: Latin Extended letters inside words, a word across the head, other scripts', () => {
    const corpusText = loadCorpus()[0]!.text;
    for (const text of [
      '',
      'ab',
      'Ĳzerhandel factuurĳ ĳsje Œuvre œuvrebetaling café\u0301 naïef ŁódźFactuur xĀy',
      `${'. '.repeat(HEAD_CHARS / 2 - 3)}factuurbetaling factuur`,
      `${'. '.repeat(HEAD_CHARS / 2 - 3)}fĳactuurbetaling`,
      `${'a'.repeat(HEAD_CHARS - 1)}bc factuur`,
      corpusText.repeat(Math.ceil((HEAD_CHARS * 2) / corpusText.length)),
      'Ελληνικά και русский текст, 中文, emoji 😀 en Nederlands: ﬁnanciën, œuvre, Œ, café\u0301 FACTUUR Factuur',
      '\ud800lone surrogate\udc00 factuur',
    ]) same(text);
  });

  it('is not used once the scanner has scanned another text', () => {
    const scanned = new ScannedText('factuur voor de klant', vocabulary);
    expect(scanned.headWords()).toBeDefined();
    new ScannedText('een andere tekst', vocabulary).keywords();
    expect(scanned.headWords()).toBeUndefined();
  });

  it('is not used when it lists a shorter head than the pass reads', () => {
    const short = new Vocabulary([{ id: 'test.words', words: ['factuur'] }], { headChars: 100 });
    const text = loadCorpus()[0]!.text.repeat(3);
    const scanned = new ScannedText(text, short);
    expect(scanned.headWords()?.headChars).toBe(100);
    expect([...scorer.probabilities(text, scanned.headWords())]).toEqual(reference(text));
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
