import { describe, expect, it } from 'vitest';
import type { Detector, Occurrence } from '../../classifiers/detector.ts';
import { aggregate } from '../../classifiers/findings.ts';

/**
 * aggregate() counts distinct values by comparing pairs and sorts spans by insertion (no Set, no sort per finding):
 * it must say what a Set of `value ?? start` and a stable sort by start say.
 */
const detector = { id: 'test', category: 'email', detect: () => [] } as unknown as Detector;

function occurrences(count: number, seed: number): Occurrence[] {
  let s = seed;
  const next = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) % n;
  return Array.from({ length: count }, () => {
    const start = next(12) * 10;
    const value = [undefined, 'a', 'b', `${start}`, '20'][next(5)];
    return { start, end: start + 1 + next(4), confidence: [0.3, 0.6, 0.9][next(3)]!, evidence: 'e', reason: 'r', ...(value === undefined ? {} : { value }) };
  });
}

describe('aggregate', () => {
  it('counts distinct values and orders spans as a Set and a stable sort would', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const found = occurrences(1 + (seed % 24), seed);
      const [finding] = [...aggregate([{ detector, occurrences: found }]).findings, ...aggregate([{ detector, occurrences: found }]).hints];
      const strong = found.filter((o) => o.confidence >= 0.5);
      const counted = strong.length > 0 ? strong : found;
      const distinct = new Set(counted.map((o) => o.value ?? `${o.start}`)).size;
      expect(finding!.count).toBe(counted.length);
      expect(finding!.explanation).toBe(
        'r' + (counted.length > 1 ? ` (${counted.length} occurrences${distinct < counted.length ? `, ${distinct} distinct` : ''})` : ''),
      );
      expect(finding!.spans).toEqual(counted.map((o) => ({ start: o.start, end: o.end })).sort((a, b) => a.start - b.start));
    }
  });
});
