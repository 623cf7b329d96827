/** At most `limit` holders at once; waiters get in in arrival order. A holder may take several places. */
export interface Semaphore {
  acquire(weight?: number, signal?: AbortSignal): Promise<Release>;
  readonly active: number;
}

export type Release = () => void;

interface Waiter {
  weight: number;
  grant: (release: Release) => void;
}

export function createSemaphore(limit: number): Semaphore {
  let active = 0;
  const waiters: Waiter[] = [];

  function releaser(weight: number): Release {
    let released = false;
    return function release() {
      if (released) return;
      released = true;
      active -= weight;
      drain();
    };
  }

  function drain(): void {
    while (waiters.length && active + waiters[0]!.weight <= limit) {
      const next = waiters.shift()!;
      active += next.weight;
      next.grant(releaser(next.weight));
    }
  }

  return {
    acquire(weight = 1, signal) {
      const w = Math.min(Math.max(1, weight), limit);
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (!waiters.length && active + w <= limit) {
        active += w;
        return Promise.resolve(releaser(w));
      }
      return new Promise<Release>((resolve, reject) => {
        const waiter: Waiter = {
          weight: w,
          grant: (release) => {
            signal?.removeEventListener('abort', aborted);
            resolve(release);
          },
        };
        function aborted(): void {
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          drain();
          reject(signal?.reason);
        }
        signal?.addEventListener('abort', aborted, { once: true });
        waiters.push(waiter);
      });
    },
    get active() {
      return active;
    },
  };
}

/** One semaphore per key (per mailbox), dropped again when idle so a tenant-wide scan does not accumulate them. */
export function createKeyedSemaphores(limit: number) {
  const byKey = new Map<string, Semaphore>();
  return async function acquireFor(key: string, weight = 1, signal?: AbortSignal): Promise<Release> {
    let semaphore = byKey.get(key);
    if (!semaphore) byKey.set(key, (semaphore = createSemaphore(limit)));
    const release = await semaphore.acquire(weight, signal);
    return function releaseFor() {
      release();
      if (semaphore.active === 0 && byKey.get(key) === semaphore) byKey.delete(key);
    };
  };
}
