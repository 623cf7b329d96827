import { describe, expect, it } from 'vitest';
import { personNameDetector } from '../../classifiers/detectors/person-name/detector.ts';
import { deidCorpus, parseAnn, spanRecall } from '../../src/eval/deid-nl.ts';

describe('deid-nl span recall (nedap/deidentify care records)', () => {
  it('reads brat annotations separated by tabs or spaces', () => {
    expect(parseAnn('T1\tName 23 39\tvan Janssen, Jan\nT2 Email 41 62 j@x.nl\n#1\tnote\nT3\tDate 0 5;8 12\t23 mrt')).toEqual([
      { type: 'Name', start: 23, end: 39 },
      { type: 'Email', start: 41, end: 62 },
      { type: 'Date', start: 0, end: 12 },
    ]);
  });

  it('keeps each annotated text once, and the annotations point at the text', async () => {
    const docs = await deidCorpus();
    expect(docs.length).toBe(new Set(docs.map((d) => d.text)).size);
    expect(docs.length).toBeGreaterThanOrEqual(3);
    const names = docs.flatMap((d) => d.annotations.filter((a) => a.type === 'Name').map((a) => d.text.slice(a.start, a.end)));
    expect(names).toContain('Jan Jansen');
    expect(names.every((n) => /^[A-Z][\p{L} ,.'-]+$/u.test(n) || /^van /.test(n))).toBe(true);
  });

  it('measures the share of gold spans the person-name detector overlaps, per type', async () => {
    const score = await spanRecall([personNameDetector]);
    expect(score.documents).toBeGreaterThanOrEqual(3);
    expect(score.types.Name!.gold).toBeGreaterThan(10);
    // Measured 14 of 18 when written; the margin allows a list change.
    expect(score.types.Name!.recall).toBeGreaterThanOrEqual(0.65);
    // A person-name detector alone finds no e-mail addresses or phone numbers.
    expect(score.types.Email!.found).toBe(0);
    expect(score.overall.gold).toBe(Object.values(score.types).reduce((n, t) => n + t.gold, 0));
  });
});
