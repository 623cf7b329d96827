import type { GraphClock } from './transport.ts';

/** Sleeps that end early when the signal aborts (rejecting with its reason), so a cancelled scan stops at once. */
function abortableTimeout(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

export const systemClock: GraphClock = {
  now: () => Date.now(),
  sleep: abortableTimeout,
};

/**
 * A clock on which time runs `1 / scale` times faster: with scale 0.001 a Retry-After of 300 s passes in 300 ms
 * and a budget of 1,200 RU per minute allows 1,200 RU per 60 ms. The sandbox tenant takes the same scale, so both
 * sides agree on what "too early" means (both compare durations, so the origins need not match).
 */
export function createScaledClock(scale: number, origin = Date.now()): GraphClock {
  if (!(scale > 0)) throw new RangeError('clock scale must be above 0');
  // performance.now(): Date.now()'s whole milliseconds would be whole seconds at scale 0.001.
  const start = performance.now();
  return {
    now: function scaledNow() {
      return origin + (performance.now() - start) / scale;
    },
    sleep: function scaledSleep(ms, signal) {
      return abortableTimeout(ms * scale, signal);
    },
  };
}
