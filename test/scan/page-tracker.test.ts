import { describe, expect, it } from 'vitest';
import { PageTracker } from '../../src/scan/page-tracker.ts';

describe('PageTracker', () => {
  it('moves the cursor past a page only when it and every page before it are written', () => {
    const t = new PageTracker();
    const p1 = t.add('after-1', false, 2);
    const p2 = t.add('after-2', false, 1);
    const p3 = t.add(null, true, 1);
    expect(t.done(p2)).toBeUndefined(); // page 1 still has a document in flight
    expect(t.done(p1)).toBeUndefined();
    expect(t.done(p1)).toEqual({ cursor: 'after-2' }); // pages 1 and 2 complete at once
    expect(t.done(p3)).toBeUndefined(); // the last page's cursor belongs to the next scan, saved when the run ends
  });
});
