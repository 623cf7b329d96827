import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/scan/read-ahead.ts';

function pages(count: number, size: number, log: number[], failAt?: number) {
  return (async function* () {
    for (let i = 0; i < count; i++) {
      if (i === failAt) throw new Error('listing failed');
      log.push(i);
      yield { n: i, items: Array.from({ length: size }, (_, k) => k) };
    }
  })();
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('readAhead', () => {
  it('lists ahead of the consumer, but never more than the limit of items', async () => {
    const listed: number[] = [];
    const seen: number[] = [];
    const ahead = readAhead(pages(10, 10, listed), 30, (p) => seen.push(p.n));
    const first = await ahead.next();
    expect(first.value!.n).toBe(0);
    await tick();
    expect(listed.length).toBeLessThanOrEqual(4); // the one handed over, and at most 30 items waiting
    expect(listed.length).toBeGreaterThan(1);
    const rest: number[] = [];
    for await (const p of ahead) rest.push(p.n);
    expect(rest).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('hands over every page listed before a failure, then the failure', async () => {
    const got: number[] = [];
    await expect(async () => {
      for await (const p of readAhead(pages(10, 1, [], 3), 100)) got.push(p.n);
    }).rejects.toThrow('listing failed');
    expect(got).toEqual([0, 1, 2]);
  });

  it('stops listing when the consumer stops', async () => {
    const listed: number[] = [];
    for await (const p of readAhead(pages(1000, 1, listed), 5)) if (p.n === 2) break;
    await tick();
    expect(listed.length).toBeLessThan(10);
  });
});
