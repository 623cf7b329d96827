import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { describeUrl, GraphError } from '../graph-error.ts';
import type { GraphClock, GraphCounters } from '../transport.ts';
import { planOf } from './plan.ts';
import type { RequestPlan } from './plan.ts';
import { backoffMs } from './retry-after.ts';

export interface RetryDeps {
  /** Retries after 5xx and network errors. */
  maxRetries: number;
  /** Retries after 429/503 (default MAX_THROTTLED_RETRIES). */
  maxThrottledRetries?: number;
  clock: GraphClock;
  random: () => number;
  baseBackoffMs: number;
  counters: GraphCounters;
}

/**
 * Throttling is not failure: a 429/503 says "later", and the fence makes every request wait the full Retry-After.
 * With a configured budget above the tenant's real one, each pause ends with all waiting requests meeting the
 * budget again, so one request can be throttled many times in a row while the scan as a whole makes progress;
 * counted against the 5xx budget (5) such sources failed. This much higher cap only stops a tenant that never lets
 * the app through.
 */
export const MAX_THROTTLED_RETRIES = 50;

/** 5xx that a retry may cure (501 Not Implemented will not be cured). */
const SERVER_ERRORS = new Set([500, 502, 504]);

/**
 * The outermost middleware: sends the request again on 429/503 (the throttle middleware has raised the fence, so
 * the next attempt waits the full Retry-After), on 5xx and network errors (after a backoff), and once on 401 with a
 * fresh token. It sits outside the throttle so every attempt waits at the fence and pays its resource units.
 * The last answer is left for the transport to turn into a GraphError.
 */
export function createRetryMiddleware(deps: RetryDeps): Middleware {
  let next: Middleware | undefined;
  return {
    setNext(middleware) {
      next = middleware;
    },
    execute: async function retry(context: Context) {
      const plan = planOf(context);
      try {
        await attempts(context, plan);
      } catch (error) {
        plan.failure = error;
        throw error;
      }
    },
  };

  async function attempts(context: Context, plan: RequestPlan): Promise<void> {
    // The plan's URL, not the SDK's rebuild of it: nextLinks and deltaLinks go out exactly as Graph gave them.
    context.request = plan.url;
    let refreshedToken = false;
    let failures = 0;
    let throttled = 0;
    const maxThrottled = deps.maxThrottledRetries ?? MAX_THROTTLED_RETRIES;
    for (let attempt = 0; ; attempt++) {
      plan.attempt = attempt;
      context.response = undefined;
      let failure: unknown;
      try {
        await next!.execute(context);
      } catch (error) {
        if (plan.signal?.aborted || error instanceof GraphError) throw error;
        failure = error;
      }
      const status = (context.response as Response | undefined)?.status ?? 0;
      const reason = failure ? 'network' : status === 429 || status === 503 ? 'throttled' : SERVER_ERRORS.has(status) ? 'server' : status === 401 && !refreshedToken ? 'token' : undefined;
      if (!reason) return;
      const spent = reason === 'throttled' ? throttled++ >= maxThrottled : reason !== 'token' && failures++ >= deps.maxRetries;
      if (spent) {
        if (failure) throw networkError(context, failure);
        return;
      }
      if (reason === 'token') refreshedToken = plan.forceTokenRefresh = true;
      await discard(context);
      plan.release();
      deps.counters.retried++;
      if (reason === 'network' || reason === 'server') await deps.clock.sleep(backoffMs(failures - 1, deps.baseBackoffMs, deps.random), plan.signal);
    }
  }
}

async function discard(context: Context): Promise<void> {
  try {
    await context.response?.body?.cancel();
  } catch {
    // Already read or broken: nothing left to free.
  }
}

function networkError(context: Context, failure: unknown): GraphError {
  const cause = (failure as { cause?: { code?: string } }).cause?.code ?? (failure as Error).name;
  const method = context.options?.method ?? 'GET';
  return new GraphError(0, 'networkError', `${method} ${describeUrl(String(context.request))}: network error (${cause})`);
}
