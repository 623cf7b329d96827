import { describe, expect, it } from 'vitest';
import { createPurgeSchedule } from '../../src/retention/index.ts';

describe('createPurgeSchedule', () => {
  it('runs the purge on its cron schedule, never two at once, and stops', async () => {
    let runs = 0;
    let overlapping = 0;
    let busy = false;
    const schedule = createPurgeSchedule('* * * * * *', async () => {
      if (busy) overlapping++;
      busy = true;
      runs++;
      await new Promise((r) => setTimeout(r, 1500)); // longer than the interval: the next tick must be skipped
      busy = false;
    });
    expect(schedule.nextRun()).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 2300));
    schedule.stop();
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(overlapping).toBe(0);
    expect(schedule.nextRun()).toBeUndefined();
  });

  it('refuses an expression that is not cron', () => {
    expect(() => createPurgeSchedule('elke nacht', async () => {})).toThrow(/not a cron expression/);
  });
});
