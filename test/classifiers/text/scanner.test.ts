import { describe, expect, it } from 'vitest';
import { allDetectors } from '../../../classifiers/detectors/index.ts';
import { loadCorpus } from '../../../classifiers/doctype/corpus.ts';
import { Vocabulary } from '../../../classifiers/text/vocabulary.ts';
import { scanText } from '../../../classifiers/text/wasm/scanner.ts';

/** The conformance suite of the two scanners: the WebAssembly pass plus JS confirmation must equal the JS reference. */
const vocabulary = new Vocabulary(allDetectors.flatMap((d) => d.wordLists ?? []));
const DIGIT_RUN = /\d(?:[ .\-/]?\d)*/g;

function bothWays(text: string) {
  const native = scanText(text, vocabulary);
  const runs: number[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) runs.push(m.index, m.index + m[0].length);
  return {
    wasm: { hits: vocabulary.resolveRecords(text, native.records), runs: [...native.digitRuns] },
    js: { hits: vocabulary.scan(text), runs },
  };
}

describe('scanners: WebAssembly and JavaScript agree', () => {
  it('on every corpus document', () => {
    for (const doc of loadCorpus()) {
      const { wasm, js } = bothWays(doc.text);
      expect(wasm, doc.file).toEqual(js);
    }
  });

  it.each([
    ['empty', ''],
    ['digits at the edges', '123 456.789-0/1 x 12--3 4  5 6'],
    ['Latin-1 and beyond', 'Ëlla ÉÉN patiënt Øre ĳsbaan ﬁle Ǆ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 × ÷ café'],
    ['phrases and hyphens', 'BSN-nummer bsn nummer burn-out tel. 020-1234567 van der Berg in \'t Veld'],
    ['phrase words at the edges of the text', 'heer, de heer en den  heer: geb. datum, geb datum'],
    ['a longer phrase around a shorter one (found from its later longest word)', 'AWS X-Ray, een x-ray, de CT-scan en een bipolar transistor'],
  ])('on %s', (_, text) => {
    const { wasm, js } = bothWays(text);
    expect(wasm).toEqual(js);
  });

  it('on a text longer than one chunk (cut where no word or digit run crosses)', () => {
    const unit = 'Geachte heer Jansen, uw BSN is 1234 56 782 en u bent zwanger. Tel. 06 12345678.\n';
    const text = unit.repeat(Math.ceil((3 << 20) / unit.length));
    const { wasm, js } = bothWays(text);
    expect(wasm.hits.length).toBe(js.hits.length);
    expect(wasm).toEqual(js);
  });
});
