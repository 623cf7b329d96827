import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../classifiers/text/vocabulary.ts';

const vocabulary = new Vocabulary([
  { id: 'health', words: ['zwanger*', 'ziek', 'burn out', 'diabetes', 'patiënt'] },
  { id: 'bsn', words: ['bsn', 'bsn-nummer', 'burgerservicenummer', 'tel.'] },
  { id: 'names', words: ['van der', "in 't", 'jan'] },
  { id: 'both', words: ['ziek'] },
]);

const found = (text: string) => vocabulary.scan(text).map((h) => [text.slice(h.start, h.end), h.entry, h.listIds.join('+')]);

describe('vocabulary: all word lists in one pass', () => {
  it.each([
    ['Zij is zwanger.', [['zwanger', 'zwanger*', 'health']]],
    ['zwangerschapsverlof aangevraagd', [['zwangerschapsverlof', 'zwanger*', 'health']]],
    ['Hij is ZIEK gemeld', [['ZIEK', 'ziek', 'health+both']]],
    ['de ziekte van Lyme', []], // `ziek` is a whole-word entry: ziekte is not it
    ['Uw BSN-nummer: 1', [['BSN-nummer', 'bsn-nummer', 'bsn'], ['BSN', 'bsn', 'bsn']]],
    ['uw bsn nummer', [['bsn nummer', 'bsn-nummer', 'bsn'], ['bsn', 'bsn', 'bsn']]],
    ['uw bsnnummer', [['bsnnummer', 'bsn-nummer', 'bsn']]],
    ['een burn-out en een burn out', [['burn-out', 'burn out', 'health'], ['burn out', 'burn out', 'health']]],
    ['Tel. 020', [['Tel.', 'tel.', 'bsn']]],
    ['Jan van der Berg', [['Jan', 'jan', 'names'], ['van der', 'van der', 'names']]],
    ['Kees in \'t Veld', [["in 't", "in 't", 'names']]],
    ['De patiënt en de PATIËNT', [['patiënt', 'patiënt', 'health'], ['PATIËNT', 'patiënt', 'health']]],
    ['Januari is koud; vanderlande', []],
    ['diabetesverpleegkundige', []],
  ] as const)('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports every entry that matches, so one list never hides another', () => {
    const v = new Vocabulary([
      { id: 'doc', words: ['loonstrook'] },
      { id: 'fin', words: ['loon*', 'lo*'] },
    ]);
    expect(v.scan('Uw loonstrook').map((h) => [h.entry, h.listIds[0]])).toEqual([['loonstrook', 'doc'], ['loon*', 'fin'], ['lo*', 'fin']]);
  });

  it('leaves out a word that matches an exception of the list', () => {
    const v = new Vocabulary([
      { id: 'health', words: ['ziek*', '!ziektekostenverzekering*'] },
      { id: 'other', words: ['ziektekostenverzekering'] },
    ]);
    expect(v.scan('ziektekostenverzekering en ziekte').map((h) => [h.entry, h.listIds.join('+')])).toEqual([
      ['ziektekostenverzekering', 'other'],
      ['ziek*', 'health'],
    ]);
  });

  it('reports offsets in the original text, in order', () => {
    const text = 'xx ziek yy zwangerschap';
    const hits = vocabulary.scan(text);
    expect(hits.map((h) => [h.start, h.end])).toEqual([[3, 7], [11, 23]]);
  });

  it('rejects a list declared twice', () => {
    expect(() => new Vocabulary([{ id: 'a', words: ['x'] }, { id: 'a', words: ['y'] }])).toThrow(/declared twice/);
  });

  it('stays correct with thousands of entries and hash collisions checked by string', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `woord${String.fromCharCode(97 + (i % 26))}${i.toString(36)}`.replace(/\d/g, 'q'));
    const big = new Vocabulary([{ id: 'big', words: [...new Set(words)] }]);
    expect(big.scan(`hier staat ${words[1234]} en niet woordzzz`).map((h) => h.entry)).toEqual([words[1234]]);
  });
});
