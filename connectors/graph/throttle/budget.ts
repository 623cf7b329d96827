import type { GraphClock } from '../transport.ts';

/**
 * The app's resource-unit budget (GRAPH.md §3: 1,200 RU a minute for a small tenant), as a token bucket shared by
 * all requests. The bucket holds a burst of 5 % of the minute's budget and refills at the other 95 %, so that no
 * 60-second window ever spends more than the budget, yet a full scan still runs at 95 % of it.
 *
 * The configured budget is a guess (licence counts change, other apps of the same registration share it): when Graph
 * says the budget is spent, the bucket slows down by a fifth, at most to a tenth of the configured rate, and
 * recovers a twentieth of it per minute without such a refusal. Without this, a budget set too high meets a 429
 * after every Retry-After for the rest of the scan, and each refused call still costs its RU.
 */
export interface Budget {
  /** Waits (in arrival order) until `cost` RU may be spent, then spends them. */
  take(cost: number, signal?: AbortSignal): Promise<void>;
  /**
   * Graph refused a call for the budget (a resource-unit 429) and asked to wait `retryAfterMs`. Refusals while that
   * wait lasts answer calls sent before it began, so they say nothing new and do not slow down again.
   */
  overspent(retryAfterMs: number): void;
  /** The rate the bucket refills at now, in RU per minute (what `overspent` and recovery made of the configured one). */
  readonly ruPerMinute: number;
}

export interface BudgetOptions {
  /** Default true; false keeps the configured rate whatever Graph says (to measure what adapting saves). */
  adaptive?: boolean;
}

const BURST_SHARE = 0.05;
const MINUTE = 60_000;
/** Each budget refusal lowers the rate to this share of what it was… */
const SLOW_DOWN = 0.8;
/** …but never below this share of the configured rate (a refusal for a different reason must not stall a scan). */
const FLOOR = 0.1;
/** Share of the configured rate regained per minute without a budget refusal. */
const RECOVERY = 0.05;

export function createBudget(ruPerMinute: number, clock: GraphClock, options: BudgetOptions = {}): Budget {
  const adaptive = options.adaptive ?? true;
  let rate = ruPerMinute;
  let capacity = 0;
  let perMs = 0;
  setRate(ruPerMinute);
  let tokens = capacity;
  let updated = clock.now();
  let calmUntil = -Infinity;
  let cleanSince = updated;
  // Takers queue behind one another, so a request costing 5 is not overtaken forever by requests costing 1.
  let queue: Promise<void> = Promise.resolve();

  function setRate(perMinute: number): void {
    rate = perMinute;
    capacity = Math.max(1, rate * BURST_SHARE);
    perMs = (rate * (1 - BURST_SHARE)) / MINUTE;
  }

  function refill(): void {
    const now = clock.now();
    tokens = Math.min(capacity, tokens + (now - updated) * perMs);
    updated = now;
    const clean = Math.floor((now - cleanSince) / MINUTE);
    if (clean > 0 && rate < ruPerMinute) setRate(Math.min(ruPerMinute, rate + clean * RECOVERY * ruPerMinute));
    if (clean > 0) cleanSince += clean * MINUTE;
  }

  async function spend(cost: number, signal?: AbortSignal): Promise<void> {
    // A cost above the burst waits for a full bucket and leaves it in debt, which later takers wait out.
    for (refill(); tokens < Math.min(cost, capacity); refill()) await clock.sleep((Math.min(cost, capacity) - tokens) / perMs, signal);
    tokens -= cost;
  }

  return {
    take: function take(cost, signal) {
      const turn = queue.then(() => spend(cost, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    overspent: function overspent(retryAfterMs) {
      if (!adaptive) return;
      refill();
      const now = clock.now();
      if (now < calmUntil) return;
      calmUntil = now + Math.max(0, retryAfterMs);
      cleanSince = now;
      setRate(Math.max(FLOOR * ruPerMinute, rate * SLOW_DOWN));
      tokens = Math.min(tokens, capacity);
    },
    get ruPerMinute() {
      return rate;
    },
  };
}
