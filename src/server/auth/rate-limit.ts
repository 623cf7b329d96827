/**
 * Failed sign-ins per key (client address + name) in a sliding window: after `max` failures the key waits until the
 * oldest failure leaves the window. Kept in memory: one process serves the UI.
 */
export interface SignInLimiter {
  /** Seconds to wait, or 0 when a try is allowed. */
  retryAfter(key: string): number;
  failed(key: string): void;
  succeeded(key: string): void;
}

export function createSignInLimiter(max = 5, windowMs = 15 * 60_000, now: () => number = Date.now): SignInLimiter {
  const failures = new Map<string, number[]>();
  function recent(key: string): number[] {
    const cutoff = now() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  }
  return {
    retryAfter(key) {
      const list = recent(key);
      return list.length < max ? 0 : Math.ceil((list[0]! + windowMs - now()) / 1000);
    },
    failed(key) {
      if (failures.size > 10_000) failures.clear(); // a flood of names cannot grow memory without bound
      failures.set(key, [...recent(key), now()]);
    },
    succeeded(key) {
      failures.delete(key);
    },
  };
}
