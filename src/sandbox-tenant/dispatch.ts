import { setTimeout as sleep } from 'node:timers/promises';
import { createRouter, unknownRoute } from './http/router.ts';
import type { Scripts } from './http/scripts.ts';
import type { Reply, Route, SandboxRequest } from './http/types.ts';
import type { Throttle } from './throttle/throttle.ts';
import type { StatsRecorder } from './throttle/stats.ts';

/**
 * Runs one Graph request (from HTTPS or from a $batch) through the same steps: route, scripted fault, throttle
 * (charging its resource units), simulated latency, handler. Scripted 429/503 answers set a Retry-After fence too.
 */
export function createDispatcher(routes: Route[], throttle: Throttle, scripts: Scripts, stats: StatsRecorder, latencyMs: number) {
  const router = createRouter(routes);
  return async function dispatch(req: SandboxRequest): Promise<Reply> {
    const match = router.match(req.method, req.path);
    if (!match) return unknownRoute(req);
    const { route, params } = match;
    const cost = typeof route.cost === 'function' ? route.cost(req, params) : route.cost ?? 1;
    const key = `${req.method} ${req.path}?${req.query.toString()}`;
    const scripted = scripts.take(req);
    if (scripted) {
      const retryAfter = Number(scripted.headers?.['Retry-After'] ?? 0);
      if (scripted.status === 429 || scripted.status === 503) {
        stats.throttled('scripted');
        if (retryAfter > 0) return { ...scripted, fences: [throttle.fence(req.clientId ?? '', retryAfter, key)] };
      }
      return scripted;
    }
    const verdict = throttle.admit({ clientId: req.clientId ?? '', mailbox: route.mailbox?.(params), cost, method: req.method, path: req.path, key, receivedAt: req.receivedAt });
    if (!verdict.ok) return verdict.reply;
    try {
      // Yield before handling, so requests sent together are in flight together (per-mailbox concurrency).
      await (latencyMs > 0 ? sleep(latencyMs) : sleep(0));
      const reply = await route.handle(req, params);
      if (Object.keys(verdict.headers).length) reply.headers = { ...verdict.headers, ...reply.headers };
      return reply;
    } finally {
      verdict.release();
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
