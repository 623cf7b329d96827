import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { headersOf, setHeader } from './plan.ts';

/**
 * Decorates the traffic (GRAPH.md §3: `ISV|Company|App/version` is throttled last) and gives each request a
 * client-request-id, the same over its retries, so Microsoft support can trace one.
 */
export function createTelemetryMiddleware(userAgent: string): Middleware {
  let next: Middleware | undefined;
  return {
    setNext(middleware) {
      next = middleware;
    },
    execute: async function decorate(context: Context) {
      const headers = headersOf(context);
      setHeader(headers, 'User-Agent', userAgent);
      if (!Object.keys(headers).some((key) => key.toLowerCase() === 'client-request-id')) headers['client-request-id'] = randomUUID();
      await next!.execute(context);
    },
  };
}
