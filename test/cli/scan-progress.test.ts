import { describe, expect, it } from 'vitest';
import { parsePort } from '../../src/cli/port-option.ts';
import { createProgressLine, createStatusLine, progressText } from '../../src/cli/scan-progress.ts';
import { emptyCounts } from '../../src/scan/summary.ts';

const counts = { ...emptyCounts(), found: 2000, classified: 900, skipped: 95, errors: 5 };

describe('scan progress line', () => {
  it('shows found, done, skipped, errors, rate, and an ETA once the listing is complete', () => {
    expect(progressText(counts, false, 10)).toBe('found 2,000+ · classified 900 · skipped 95 · errors 5 · 100 docs/s · ETA ?');
    expect(progressText(counts, true, 10)).toBe('found 2,000 · classified 900 · skipped 95 · errors 5 · 100 docs/s · ETA 0:10');
    expect(progressText({ ...counts, found: 400_000 }, true, 10)).toContain('ETA 1:06:30');
  });

  it('rewrites one line on a terminal, and prints a plain line every few seconds otherwise', () => {
    let t = 0;
    const now = () => t;
    const tty: string[] = [];
    const live = createProgressLine({ isTTY: true, write: (s) => tty.push(s) }, { now });
    const log: string[] = [];
    const plain = createProgressLine({ isTTY: false, write: (s) => log.push(s) }, { now, every: 5 });
    for (t = 0.5; t <= 12; t += 0.5) {
      live.update(counts, false);
      plain.update(counts, false);
    }
    live.done();
    expect(tty.length).toBeGreaterThan(20);
    expect(tty.every((s) => s.startsWith('\r\x1b[K'))).toBe(true);
    expect(tty.at(-1)).toBe('\r\x1b[K');
    expect(log).toHaveLength(2);
    expect(log.every((s) => s.endsWith('\n') && !s.includes('\r'))).toBe(true);
  });

  it('shows a tenant scan\'s first line at once (the listing of a large tenant takes a while)', () => {
    let t = 100;
    const log: string[] = [];
    const line = createStatusLine({ isTTY: false, write: (s) => log.push(s) }, { now: () => t, every: 5, immediate: true });
    line.update((seconds) => `after ${seconds} s`);
    t = 102;
    line.update((seconds) => `after ${seconds} s`);
    t = 106;
    line.update((seconds) => `after ${seconds} s`);
    expect(log).toEqual(['after 0 s\n', 'after 6 s\n']);
  });
});

describe('--port', () => {
  it.each([
    ['8080', 8080],
    ['0', 0],
    ['65535', 65535],
    [undefined, undefined],
  ])('%s → %s', (value, port) => expect(parsePort(value)).toBe(port));

  it.each(['', ' ', '-1', '65536', '80.5', 'http'])('rejects %j with a usage error', (value) => {
    expect(() => parsePort(value)).toThrow('--port takes a number from 0 to 65535');
  });
});
