/**
 * maskWords (text/mask.ts) for names, built a run at a time instead of a character at a time: the same output
 * (`Jan van der Berg` → `J** v** d** B***`) with a few strings per name instead of one per character. Names
 * are masked on the per-document hot path; test/classifiers/detectors/person-name.test.ts compares the two.
 */

/** A character maskWords counts as part of a word (the same test as there). */
const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0xd800 && c <= 0xdfff));

const STARS = Array.from({ length: 32 }, (_, n) => '*'.repeat(n));
const stars = (n: number) => (n < STARS.length ? STARS[n]! : '*'.repeat(n));

/** First character of each word kept, the rest of the word masked; everything between words kept as it is. */
export function maskName(value: string): string {
  let out = '';
  const n = value.length;
  let i = 0;
  while (i < n) {
    const start = i;
    if (isWordChar(value.charCodeAt(i))) {
      while (++i < n && isWordChar(value.charCodeAt(i)));
      out += value[start]! + stars(i - start - 1);
    } else {
      while (++i < n && !isWordChar(value.charCodeAt(i)));
      out += value.slice(start, i);
    }
  }
  return out;
}
