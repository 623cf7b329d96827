import { describe, expect, it } from 'vitest';
import { personNameDetector } from '../../classifiers/detectors/person-name/detector.ts';
import { nameRecall, nerCorpus } from '../../src/eval/ner-nl.ts';

/** Floors: the numbers measured when the person-name detector was written, minus a margin for list changes. */
const FLOOR = { recall: 0.55, strongRecall: 0.5, precision: 0.5, strongPrecision: 0.55 };

describe('ner-nl person-name evaluation (Europeana Newspapers, KB)', () => {
  it('rebuilds the text with the gold names at their offsets', async () => {
    const { text, names } = await nerCorpus();
    expect(names.length).toBeGreaterThan(2000);
    expect(text.length).toBeGreaterThan(1_000_000);
    // A gold span covers whole tokens: it starts after a space and ends before one.
    for (const n of names.slice(0, 200)) {
      expect(n.start === 0 || text[n.start - 1] === ' ').toBe(true);
      expect(n.end === text.length || text[n.end] === ' ').toBe(true);
    }
  });

  it('measures recall and precision of the person-name detector on real data', async () => {
    const score = await nameRecall([personNameDetector]);
    expect(score.gold).toBeGreaterThan(2000);
    expect(score.occurrences).toBeGreaterThan(1000);
    expect(score.strongOccurrences).toBeLessThanOrEqual(score.occurrences);
    expect(score.recall).toBeGreaterThanOrEqual(FLOOR.recall);
    expect(score.strongRecall).toBeGreaterThanOrEqual(FLOOR.strongRecall);
    expect(score.precision).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(score.strongPrecision).toBeGreaterThanOrEqual(FLOOR.strongPrecision);
  });

  it('counts nothing found without a person-name detector', async () => {
    const score = await nameRecall([]);
    expect(score).toMatchObject({ occurrences: 0, recall: 0, precision: 0 });
  });
});
