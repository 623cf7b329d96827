import type { ScanCounts } from '../scan/summary.ts';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  update(counts: Readonly<ScanCounts>, listed: boolean): void;
  /** Clears a live line (before the summary is printed). */
  done(): void;
}

const n = (x: number) => x.toLocaleString('en-US');

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

/** The text of a progress line: counts, rate, and an ETA once the listing is complete. */
export function progressText(counts: Readonly<ScanCounts>, listed: boolean, seconds: number): string {
  const done = counts.classified + counts.skipped + counts.errors;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = counts.found - done;
  const eta = listed ? (rate > 0 ? clock(left / rate) : '?') : '?';
  return `found ${n(counts.found)}${listed ? '' : '+'} · classified ${n(counts.classified)} · skipped ${n(counts.skipped)} · ` +
    `errors ${n(counts.errors)} · ${rate.toFixed(rate < 10 ? 1 : 0)} docs/s · ETA ${eta}`;
}

/** One status line on stderr that a long job keeps replacing. */
export interface StatusLine {
  /** Shows the text `text(seconds since start)` unless one was shown too recently. */
  update(text: (seconds: number) => string): void;
  /** Clears a live line (before the summary is printed). */
  done(): void;
}

/**
 * A status line for people: on a terminal one line rewritten in place (at most ten times a second); otherwise (a log
 * file, CI) a plain line every `every` seconds. With `immediate`, the first update is shown at once.
 */
export function createStatusLine(stream: ProgressStream, options: { every?: number; now?: () => number; immediate?: boolean } = {}): StatusLine {
  const now = options.now ?? (() => performance.now() / 1000);
  const start = now();
  const tty = stream.isTTY === true;
  const every = tty ? 0.1 : (options.every ?? 5);
  let last = options.immediate ? -Infinity : start;
  let shown = false;
  return {
    update(text) {
      const t = now();
      if (t - last < every) return;
      last = t;
      if (tty) {
        stream.write(`\r\x1b[K${text(t - start)}`);
        shown = true;
      } else stream.write(`${text(t - start)}\n`);
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}

/** Progress of a folder scan: counts, rate and ETA on a status line. */
export function createProgressLine(stream: ProgressStream, options: { every?: number; now?: () => number } = {}): ProgressLine {
  const line = createStatusLine(stream, options);
  return {
    update: (counts, listed) => line.update((seconds) => progressText(counts, listed, seconds)),
    done: () => line.done(),
  };
}
