import { Client } from '@microsoft/microsoft-graph-client';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { createMsalTokenSource } from './auth/index.ts';
import { createBatcher } from './batch.ts';
import { createCaller, toGraphError, toGraphResponse } from './call.ts';
import { systemClock } from './clock.ts';
import type { GraphConfig } from './config.ts';
import { createDownloader } from './download.ts';
import { createAuthMiddleware } from './middleware/auth.ts';
import { createHttpMiddleware } from './middleware/http.ts';
import { createRetryMiddleware } from './middleware/retry.ts';
import { createTelemetryMiddleware } from './middleware/telemetry.ts';
import { createThrottleMiddleware } from './middleware/throttle.ts';
import { createBudget, createFence, createKeyedSemaphores, createSemaphore } from './throttle/index.ts';
import type { GraphCounters, GraphTransport, GraphTransportOptions } from './transport.ts';

/**
 * The Graph SDK client with Bewaarder's middleware chain: retry → auth → throttle → telemetry → fetch. Retry sits
 * outside the throttle (unlike the SDK's own chain) so that every attempt waits at the fence and pays its RU.
 */
export function createGraphTransport(config: GraphConfig, options: GraphTransportOptions = {}): GraphTransport {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const ca = options.ca ?? config.ca;
  const ownDispatcher = !options.fetchDispatcher && ca ? new Agent({ connect: { ca } }) : undefined;
  const dispatcher = options.fetchDispatcher ?? ownDispatcher;
  const fence = createFence(clock);
  const budget = createBudget(config.limits.ruPerMinute, clock, { adaptive: options.adaptiveBudget ?? true });
  const counters = { requests: 0, resourceUnits: 0, throttled: 0, retried: 0, batches: 0 } as GraphCounters;
  Object.defineProperty(counters, 'pausedMs', { get: () => fence.pausedMs, enumerable: true });

  const chain: Middleware[] = [
    createRetryMiddleware({ maxRetries: config.limits.maxRetries, clock, random, baseBackoffMs: options.baseBackoffMs ?? 1000, counters }),
    createAuthMiddleware(options.getAccessToken ?? createMsalTokenSource(config, dispatcher)),
    createThrottleMiddleware({
      fence,
      budget,
      concurrency: createSemaphore(config.limits.maxConcurrency),
      perMailbox: createKeyedSemaphores(config.limits.perMailbox),
      counters,
      random,
    }),
    createTelemetryMiddleware(config.userAgent),
    createHttpMiddleware(dispatcher, counters),
  ];
  chain.reduce((previous, middleware) => (previous.setNext!(middleware), middleware));
  const client = Client.initWithMiddleware({
    middleware: chain[0]!,
    baseUrl: config.graphBaseUrl,
    defaultVersion: 'v1.0',
    // GRAPH.md §4: the SDK only treats https URLs of Graph or a custom host as Graph; the sandbox is 'localhost'.
    customHosts: new Set([new URL(config.graphBaseUrl).hostname]),
  });
  const call = createCaller(client, config.graphBaseUrl);
  let closed = false;

  const transport: GraphTransport = {
    request: async function request<T>(req: Parameters<GraphTransport['request']>[0]) {
      if (closed) throw new Error('the Graph transport is closed');
      const { response, plan } = await call(req);
      const result = toGraphResponse<T>(response, plan);
      if (response.ok || req.accept?.includes(response.status)) return result;
      throw toGraphError(req.method ?? 'GET', plan.url, response.status, response.headers, result.body);
    },
    download: createDownloader(call, { graphBaseUrl: config.graphBaseUrl }),
    batch: createBatcher(call, { graphBaseUrl: config.graphBaseUrl, fence, budget, counters, random, maxRetries: config.limits.maxRetries, perMailbox: config.limits.perMailbox }),
    counters,
    async close() {
      closed = true;
      await ownDispatcher?.close();
    },
  };
  return transport;
}
