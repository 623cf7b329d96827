import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../classifiers/text/vocabulary.ts';
import { scanText } from '../../../classifiers/text/wasm/scanner.ts';

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
    ['had een burn\nout', [['burn\nout', 'burn out', 'health']]], // wrapped by a PDF or a mail client
    ['had een burn\r\n  out', [['burn\r\n  out', 'burn out', 'health']]],
    ['field burn_out=1', [['burn_out', 'burn out', 'health']]], // a log or export field
    ['een burn\u00a0out', [['burn\u00a0out', 'burn out', 'health']]], // no-break space (HTML, Word)
    ['Jan van\nder Berg', [['Jan', 'jan', 'names'], ['van\nder', 'van der', 'names']]],
    ['burn. Out', []],
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

  describe('the document-type cues and the detectors do not hide each other\'s words', () => {
    const detectorLists = [
      { id: 'iban.payment', words: ['te betalen', 'gelieve te betalen'] },
      { id: 'financial.terms', words: ['betalen'] },
    ];
    const alone = new Vocabulary(detectorLists);
    const withCues = new Vocabulary([...detectorLists, { id: 'doctype.cues', words: ['uit te betalen', 'gelieve'] }]);
    const detectorHits = (v: Vocabulary, text: string, native: boolean) =>
      (native ? v.resolveRecords(text, scanText(text, v).records) : v.scan(text))
        .filter((h) => !h.listIds.every((id) => id.startsWith('doctype.')))
        .map((h) => [text.slice(h.start, h.end), h.entry, h.listIds.filter((id) => !id.startsWith('doctype.')).join('+')]);
    it.each([
      ['Netto uit te betalen: € 2.100,00'], // the payslip cue "uit te betalen" covers the IBAN detector's "te betalen"
      ['Gelieve te betalen binnen 14 dagen'], // the cue "gelieve" starts where the detector's longer phrase does
      ['Gelieve het bedrag te betalen'],
    ])('%s', (text) => {
      for (const native of [false, true]) expect(detectorHits(withCues, text, native)).toEqual(detectorHits(alone, text, native));
      expect(withCues.scan(text).filter((h) => h.listIds.includes('doctype.cues')).length).toBeGreaterThan(0);
    });
    it('an exception phrase still covers the words inside it ("!sanitair en cv": no "cv" cue)', () => {
      const cues = new Vocabulary([{ id: 'doctype.cues', words: ['cv', '!sanitair en cv'] }]);
      for (const text of ['Sanitair en cv: één aanspreekpunt', 'sanitair en cv']) {
        expect(cues.scan(text)).toEqual([]);
        expect(cues.resolveRecords(text, scanText(text, cues).records)).toEqual([]);
      }
      expect(cues.scan('Mijn cv stuur ik mee').map((h) => h.entry)).toEqual(['cv']);
    });
    it('within one side, the longest phrase at a place is reported alone, as before', () => {
      const cues = new Vocabulary([{ id: 'doctype.cues', words: ['uit te betalen', 'te betalen'] }]);
      expect(cues.scan('netto uit te betalen').map((h) => h.entry)).toEqual(['uit te betalen']);
      const detectors = new Vocabulary([{ id: 'iban.payment', words: ['te betalen'] }, { id: 'financial.terms', words: ['uit te betalen'] }]);
      expect(detectors.scan('netto uit te betalen').map((h) => h.entry)).toEqual(['uit te betalen']);
    });
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

  it('leaves out a word that begins an exception phrase whose longest word comes later ("!cv ketel"), in both scanners', () => {
    const v = new Vocabulary([{ id: 'cues', words: ['cv', '!cv ketel', 'hi', '!hi there'] }]);
    for (const text of ['De cv ketel is oud.', 'Hi there, all']) {
      expect(v.scan(text), text).toEqual([]);
      expect(v.resolveRecords(text, scanText(text, v).records), text).toEqual([]);
    }
    expect(v.scan('Mijn cv en de ketel').map((h) => h.entry)).toEqual(['cv']);
    expect(v.scan('Hi Anna, there you are').map((h) => h.entry)).toEqual(['hi']);
  });

  describe('a longer phrase around a shorter one of its side, found from a later longest word, is reported, in both scanners', () => {
    // "x-ray" is found at "x" and covers "ray"; "aws x-ray" is found at "ray", its longest word, but starts before.
    const v = new Vocabulary([{ id: 'health.terms', words: ['x-ray', 'aws x-ray', 'bipolar*', 'bipolar transistor', 'ct-scan', 'de ct-scan'] }]);
    const both = (text: string) => {
      const js = v.scan(text).map((h) => [text.slice(h.start, h.end), h.entry]);
      expect(v.resolveRecords(text, scanText(text, v).records).map((h) => [text.slice(h.start, h.end), h.entry])).toEqual(js);
      return js;
    };
    it.each([
      ['Tracing with AWS X-Ray enabled', [['AWS X-Ray', 'aws x-ray'], ['X-Ray', 'x-ray']]],
      ['aws x ray', [['aws x ray', 'aws x-ray'], ['x ray', 'x-ray']]],
      ['a bipolar transistor', [['bipolar', 'bipolar*'], ['bipolar transistor', 'bipolar transistor']]],
      ['de CT-scan van de knie', [['de CT-scan', 'de ct-scan'], ['CT-scan', 'ct-scan']]],
      // look-alikes: the shorter phrase alone, and words inside a phrase stay covered
      ['an X-Ray of the wrist', [['X-Ray', 'x-ray']]],
      ['AWS and an X-Ray', [['X-Ray', 'x-ray']]],
      ['awsx-ray', []],
    ] as const)('%s', (text, expected) => {
      expect(both(text)).toEqual(expected);
    });
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

describe('vocabulary: phrases found from a common word', () => {
  // Words like "datum", "jaar", "aan" start phrases and occur everywhere: the characters around them refuse most
  // occurrences before a phrase is tried. Both scanners must still find every phrase, in any case and spacing.
  const phrases = new Vocabulary([
    { id: 'p', words: ['geb. datum', 'geb.datum', 'jaar oud', 'aan:', 'naam medewerker', 't.a.v.', "in 't", 'a-nummer', 'id kopie'] },
    { id: 'w', words: ['jan', 'loon*', 'lo*'], capitalised: false },
    { id: 'first', words: ['dan'], capitalised: true },
  ]);
  const both = (text: string) => {
    const js = phrases.scan(text).map((h) => [text.slice(h.start, h.end), h.entry]);
    const wasm = phrases.resolveRecords(text, scanText(text, phrases).records).map((h) => [text.slice(h.start, h.end), h.entry]);
    expect(wasm).toEqual(js);
    return js;
  };

  it.each([
    ['Geb. datum: 1-1-1980', [['Geb. datum', 'geb. datum']]],
    ['geb.datum 1980, geb.\tdatum', [['geb.datum', 'geb.datum'], ['geb.\tdatum', 'geb. datum']]],
    ['de datum van vandaag', []],
    ['Hij is 40 jaar oud', [['jaar oud', 'jaar oud']]],
    ['40 JAAR  -  OUD', [['JAAR  -  OUD', 'jaar oud']]],
    ['40 jaar later, jaar-oud', [['jaar-oud', 'jaar oud']]],
    ['Aan: X, aan de orde, aan:', [['Aan:', 'aan:'], ['aan:', 'aan:']]],
    ['Naam medewerker: P., de medewerker', [['Naam medewerker', 'naam medewerker']]],
    ["T.a.v. de heer, ta.v., in 't Veld", [['T.a.v.', 't.a.v.'], ["in 't", "in 't"]]],
    ['A-nummer, a nummer, a  nummer, anummer, a-b', [['A-nummer', 'a-nummer'], ['a nummer', 'a-nummer'], ['anummer', 'a-nummer']]],
    ['ID kopie, id-kopie, het kopie, kopie', [['ID kopie', 'id kopie'], ['id-kopie', 'id kopie']]],
  ] as const)('%s', (text, expected) => {
    expect(both(text)).toEqual(expected);
  });

  it('confirms one-word entries natively: case rules, every prefix, longest first', () => {
    expect(both('Dan dan JAN Loonstrook')).toEqual([
      ['Dan', 'dan'],
      ['JAN', 'jan'],
      ['Loonstrook', 'loon*'],
      ['Loonstrook', 'lo*'],
    ]);
  });
});
