import type { GraphClock } from '../transport.ts';

/**
 * The app's resource-unit budget (GRAPH.md §3: 1,200 RU a minute for a small tenant), as a token bucket shared by
 * all requests. The bucket holds a burst of 5 % of the minute's budget and refills at the other 95 %, so that no
 * 60-second window ever spends more than the budget, yet a full scan still runs at 95 % of it.
 */
export interface Budget {
  /** Waits (in arrival order) until `cost` RU may be spent, then spends them. */
  take(cost: number, signal?: AbortSignal): Promise<void>;
}

const BURST_SHARE = 0.05;
const MINUTE = 60_000;

export function createBudget(ruPerMinute: number, clock: GraphClock): Budget {
  const capacity = Math.max(1, ruPerMinute * BURST_SHARE);
  const perMs = (ruPerMinute * (1 - BURST_SHARE)) / MINUTE;
  let tokens = capacity;
  let updated = clock.now();
  // Takers queue behind one another, so a request costing 5 is not overtaken forever by requests costing 1.
  let queue: Promise<void> = Promise.resolve();

  function refill(): void {
    const now = clock.now();
    tokens = Math.min(capacity, tokens + (now - updated) * perMs);
    updated = now;
  }

  async function spend(cost: number, signal?: AbortSignal): Promise<void> {
    // A cost above the burst waits for a full bucket and leaves it in debt, which later takers wait out.
    const need = Math.min(cost, capacity);
    for (refill(); tokens < need; refill()) await clock.sleep((need - tokens) / perMs, signal);
    tokens -= cost;
  }

  return {
    take: function take(cost, signal) {
      const turn = queue.then(() => spend(cost, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
