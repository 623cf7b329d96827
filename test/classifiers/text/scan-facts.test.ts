import { describe, expect, it } from 'vitest';
import { allDetectors } from '../../../classifiers/detectors/index.ts';
import { loadCorpus } from '../../../classifiers/doctype/corpus.ts';
import { maskKeepLast } from '../../../classifiers/text/mask.ts';
import { nameCapitals } from '../../../classifiers/text/name-capitals.ts';
import { ScannedText } from '../../../classifiers/text/scanned-text.ts';
import { IPV6_COLON, MRZ_MARK, triggerFacts } from '../../../classifiers/text/triggers.ts';
import { Vocabulary } from '../../../classifiers/text/vocabulary.ts';
import { scanShared } from '../../../classifiers/text/wasm/scanner.ts';

/** The facts the WebAssembly pass adds for the detectors (name capitals, trigger facts) equal their references. */
const vocabulary = new Vocabulary(allDetectors.flatMap((d) => d.wordLists ?? []));

function bothWays(text: string) {
  const out = scanShared(text, vocabulary);
  return {
    wasm: { capitals: [...out.capitals!.subarray(out.capitalsFrom, out.capitalsTo)], triggers: out.triggers },
    js: { capitals: nameCapitals(text), triggers: triggerFacts(text) },
  };
}

describe('facts of the shared pass: WebAssembly and the reference patterns agree', () => {
  it('on every corpus document', () => {
    for (const doc of loadCorpus()) {
      const { wasm, js } = bothWays(doc.text);
      expect(wasm, doc.file).toEqual(js);
    }
  });

  it.each([
    ['empty', ''],
    ['initials and IJ', 'J. de Vries, IJ. Bakker en A.B. Jansen; NV. BV. McD. zag IJzerman'],
    ['surnames mid-sentence', 'met Jansen, bij (Bakker en ßÀlvarez, over\nJansen, aan  Smit, zag ÖZil ×Ab'],
    ['at the text start', 'Jansen j. Ab c De'],
    ['line breaks in the lookbehind', 'de \nJan de \u2028Piet a \rKees a x\u2029Bas'],
    ['MRZ fillers', 'P<NLDDE<BRUIJN<<WILLEKE ‹‹ «K'],
    ['IPv6 anchors', 'fe80::1 en 2001:db8:0:1 om 12:30 en 12:30:45, a:12345: x:g:'],
  ])('on %s', (_, text) => {
    const { wasm, js } = bothWays(text);
    expect(wasm).toEqual(js);
  });

  it('on a text longer than one chunk (the references answer)', () => {
    const unit = 'Geachte heer Jansen, uw J. Bakker op fe80::1 met P<NLD. Tel. 06 12345678.\n';
    const text = unit.repeat(Math.ceil((3 << 20) / unit.length));
    const scanned = new ScannedText(text, vocabulary);
    expect(scanned.nameCapitalPairs()).toEqual(nameCapitals(text));
    expect(scanned.has(MRZ_MARK)).toBe(true);
    expect(scanned.has(IPV6_COLON)).toBe(true);
  });

  it('name capitals: every match start, as a regex search from each position would find it', () => {
    expect(nameCapitals('x IJ. y')).toEqual([2, 5, 3, 5]);
    expect(nameCapitals('en Jansen')).toEqual([3, 9]);
    expect(nameCapitals('. Jansen')).toEqual([]);
  });
});

describe('maskKeepLast: the ASCII fast path', () => {
  it.each([['123456782'], ['1234.56.782'], ['NL91ABNA0417164300'], ['ab'], [''], ['a-b_c d'], ['Çé12345'], ['12 ÿ 34']])('masks %s as the Unicode path', (value) => {
    for (const keep of [0, 2, 3, 10]) {
      let seen = 0;
      const total = value.replace(/[^\p{L}\p{N}]/gu, '').length;
      const expected = [...value].map((c) => (/[\p{L}\p{N}]/u.test(c) ? (++seen > total - keep ? c : '*') : c)).join('');
      expect(maskKeepLast(value, keep)).toBe(expected);
    }
  });
});
