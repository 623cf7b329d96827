/**
 * Name capitals: where a person's name may stand, as person-name reads it (person-name/detector.ts). An initial
 * ("J.", "IJ.") or a capitalised word after a lower-case word or comma (a surname alone mid-sentence): the
 * lookbehind leaves out sentence-initial words. The WebAssembly scan reports the same matches natively
 * (scan.as.ts: capitalsIn); this pattern is the reference, used by the JavaScript scanner and for long texts.
 */
const UP = 'A-ZÀ-ÖØ-Þ';
const LO = 'a-zß-öø-ÿ';
const CANDIDATE = new RegExp(`(?:IJ|[${UP}])(?:\\.|(?<=[${LO},] ..?)[${LO}]+)`, 'g');

/**
 * Every position where the pattern matches, with the match's end, as start/end pairs in text order (matches may
 * overlap: "IJ." at the I and at the J). A search from position `from` finds the first pair whose start ≥ `from`.
 */
export function nameCapitals(text: string): number[] {
  const found: number[] = [];
  const re = CANDIDATE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m.index, m.index + m[0].length);
    re.lastIndex = m.index + 1;
  }
  return found;
}
