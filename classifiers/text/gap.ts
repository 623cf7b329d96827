/**
 * The characters that may stand between the words of a multi-word entry ("heart attack", "lid van de vakbond"):
 * spaces and tabs, a hyphen, a line break (text wrapped by a PDF, a scan or a mail client: "heart⏎attack"), an
 * underscore (fields of logs and exports: face_template) and a no-break space (HTML, Word). One set for the phrase
 * regexes (phrases.ts), their cheap filters (phrase-filter.ts), the backwards lead matcher (lead-match.ts) and the
 * native pass (wasm/scan.as.ts: isSpace, kept equal by hand: AssemblyScript cannot import this file).
 */
export const GAP_CLASS = '[ \\t\\r\\n_\\u00a0-]';

export const GAP_CHARS: readonly number[] = [32, 9, 45, 10, 13, 95, 160];

export function isGapChar(c: number): boolean {
  return c === 32 || c === 9 || c === 45 || c === 10 || c === 13 || c === 95 || c === 160;
}
