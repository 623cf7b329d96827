import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { isBudgetRefusal } from '../throttle/index.ts';
import type { Budget, Fence, Release, Semaphore } from '../throttle/index.ts';
import type { GraphCounters } from '../transport.ts';
import { planOf } from './plan.ts';
import { backoffMs, retryAfterMs } from './retry-after.ts';

export interface ThrottleDeps {
  fence: Fence;
  budget: Budget;
  /** All requests in flight. */
  concurrency: Semaphore;
  perMailbox: (mailbox: string, weight: number, signal?: AbortSignal) => Promise<Release>;
  counters: GraphCounters;
  random: () => number;
}

/** Without a Retry-After (rare), pause like the SDK's RetryHandler would: 3 s, doubling. */
const DEFAULT_PAUSE_MS = 3000;

/**
 * Lets a request out only when no fence stands, its mailboxes and the tenant have a free place, and the budget has
 * its resource units; raises the fence for everyone when Graph answers 429 or 503, and slows the budget down when
 * the 429 was for resource units (the configured budget is above the tenant's real one).
 */
export function createThrottleMiddleware(deps: ThrottleDeps): Middleware {
  let next: Middleware | undefined;
  return {
    setNext(middleware) {
      next = middleware;
    },
    execute: async function throttle(context: Context) {
      const plan = planOf(context);
      const { fence } = deps;
      const signal = plan.signal;
      await fence.wait(signal);
      const held: Release[] = [];
      const releaseAll = () => held.splice(0).forEach((release) => release());
      try {
        // A fixed order (mailbox names sorted, then the tenant) so two batches cannot each hold what the other waits for.
        for (const [mailbox, weight] of [...plan.mailboxes].sort(([a], [b]) => (a < b ? -1 : 1))) {
          held.push(await deps.perMailbox(mailbox, weight, signal));
        }
        held.push(await deps.concurrency.acquire(1, signal));
        await fence.wait(signal);
        await deps.budget.take(plan.cost, signal);
        deps.counters.resourceUnits += plan.cost;
        // Waiting for the budget took time; a fence raised meanwhile still holds this request back.
        await fence.wait(signal);
        await next!.execute(context);
      } catch (error) {
        releaseAll();
        throw error;
      }
      const response = context.response!;
      if (response.status === 429 || response.status === 503) {
        deps.counters.throttled++;
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(plan.attempt, DEFAULT_PAUSE_MS, deps.random);
        fence.raise(wait);
        if (isBudgetRefusal(response.status, response.headers, plan.text)) deps.budget.overspent(wait);
      }
      if (plan.stream && response.ok) plan.release = releaseAll;
      else releaseAll();
    },
  };
}
