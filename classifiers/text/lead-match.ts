import { isGapChar } from './gap.ts';

/**
 * The text before an anchored phrase's word (`geb. ` before `datum` in `geb. datum`), matched backwards from the
 * word without a regex. The phrase's own test is the regex `lead$` (phrases.ts) over the 80 characters before the
 * word, which tries every position of that window; this reads only the characters of the match, with the same
 * answer:
 * - the lead's characters are ASCII literals (case-insensitive: an ASCII letter matches itself in either case, as
 *   a regex with the `i` flag and without `u` does; any other character matches only itself) and gaps (a space of
 *   the phrase is one or more gap characters (gap.ts), a hyphen one or none, consecutive ones form one gap);
 * - no literal is a gap character, so a gap left of which stands a literal takes the whole run of gap characters
 *   before it: the match is unique, and the regex finds it exactly when it fits the window.
 * A lead that does not start with a literal, or has other characters, keeps its regex (compileLead gives undefined).
 */

/** A lead's tokens, right to left: a code ≥ 0 is a literal; GAP, min, max is a gap of min to max characters. */
export type Lead = readonly number[];

const GAP = -1;
/** The window that the regex `lead$` is run over (phrases.ts): a match must fit in it. */
export const LEAD_WINDOW = 80;


export function compileLead(lead: string): Lead | undefined {
  if (lead === '' || lead[0] === ' ' || lead[0] === '-') return undefined;
  const tokens: number[] = [];
  let inGap = false;
  for (let k = lead.length - 1; k >= 0; k--) {
    const c = lead.charCodeAt(k);
    if (c === 32 || c === 45) {
      // A space needs one character more and has no upper bound; a hyphen allows one more.
      if (!inGap) tokens.push(GAP, 0, 0);
      inGap = true;
      const at = tokens.length - 2;
      if (c === 32) tokens[at]!++;
      tokens[at + 1] = c === 32 ? Infinity : tokens[at + 1]! + 1;
    } else if (c > 32 && c < 127 && !isGapChar(c)) {
      tokens.push(c >= 65 && c <= 90 ? c + 32 : c);
      inGap = false;
    } else return undefined;
  }
  return tokens;
}

/** Where the lead that ends at `end` starts in the text, or -1 when it does not stand there (within the window). */
export function leadStart(text: string, end: number, lead: Lead): number {
  let k = end;
  for (let t = 0; t < lead.length; t++) {
    const token = lead[t]!;
    if (token === GAP) {
      const from = k;
      while (k > 0 && isGapChar(text.charCodeAt(k - 1))) k--;
      const run = from - k;
      if (run < lead[t + 1]! || run > lead[t + 2]!) return -1;
      t += 2;
      continue;
    }
    if (k === 0) return -1;
    const c = text.charCodeAt(--k);
    if (c !== token && !(c >= 65 && c <= 90 && c + 32 === token)) return -1;
  }
  return end - k > LEAD_WINDOW ? -1 : k;
}
