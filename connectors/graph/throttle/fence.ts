import type { GraphClock } from '../transport.ts';

/**
 * corso's "timed fence": one 429/503 stops every request of the transport until its Retry-After has passed in full.
 * Graph counts a retry that comes early against the app (GRAPH.md §3), and the guidance is to pause all threads.
 */
export interface Fence {
  /** Resolves once no fence stands (checked again after every sleep: a timer may fire a little early). */
  wait(signal?: AbortSignal): Promise<void>;
  /** Stops everything for `ms` from now, unless a later fence already stands. */
  raise(ms: number): void;
  /** Total time a fence stood (overlapping fences counted once). */
  readonly pausedMs: number;
}

export function createFence(clock: GraphClock): Fence {
  let until = 0;
  let paused = 0;
  return {
    async wait(signal) {
      for (let left = until - clock.now(); left > 0; left = until - clock.now()) await clock.sleep(left, signal);
    },
    raise(ms) {
      const now = clock.now();
      const next = now + Math.max(0, ms);
      if (next <= until) return;
      paused += next - Math.max(until, now);
      until = next;
    },
    get pausedMs() {
      return Math.round(paused);
    },
  };
}
