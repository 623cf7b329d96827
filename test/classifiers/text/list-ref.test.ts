import { describe, expect, it } from 'vitest';
import { ListRef, ScannedText } from '../../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../../classifiers/text/vocabulary.ts';

describe('ScannedText.hits by ListRef', () => {
  const first = new Vocabulary([
    { id: 'a.words', words: ['factuur', 'nota'] },
    { id: 'b.words', words: ['klant', 'nota'] },
  ]);
  // Another vocabulary numbers its lists otherwise (b.words first): a ListRef must follow the text's vocabulary.
  const second = new Vocabulary([
    { id: 'b.words', words: ['klant'] },
    { id: 'a.words', words: ['nota'] },
  ]);
  const text = 'De klant krijgt een factuur en een nota.';
  const refs = ['a.words', 'b.words', 'c.words'].map((id) => new ListRef(id));

  it('gives the hits of the list named by id, whichever vocabulary the text was scanned with, texts alternating', () => {
    for (let round = 0; round < 3; round++) {
      for (const vocabulary of [first, second, first]) {
        const scanned = new ScannedText(text, vocabulary);
        for (const ref of refs) expect(scanned.hits(ref)).toEqual(scanned.hits(ref.id));
      }
    }
    expect(new ScannedText(text, second).hits(refs[0]!).map((h) => h.entry)).toEqual(['nota']);
    expect(new ScannedText(text, first).hits(refs[2]!)).toEqual([]);
  });

  it('finds the nearest hit by ListRef as by id', () => {
    const scanned = new ScannedText(text, first);
    const span = { start: text.indexOf('nota'), end: text.indexOf('nota') + 4 };
    expect(scanned.near(refs[1]!, span)).toEqual(scanned.near('b.words', span));
  });
});
