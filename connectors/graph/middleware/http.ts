import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphCounters } from '../transport.ts';
import { planOf } from './plan.ts';

/**
 * The end of the chain: Node's fetch, through an undici dispatcher that trusts the configured CA (the sandbox's
 * self-signed certificate) when there is one. Redirects are not followed here: a 302 to a pre-authenticated URL
 * must go out without Authorization, which fetch would keep on the same host. JSON bodies are read here, while the
 * request still holds its mailbox place; downloads are left to stream.
 */
export function createHttpMiddleware(dispatcher: unknown, counters: GraphCounters): Middleware {
  return {
    execute: async function send(context: Context) {
      const plan = planOf(context);
      counters.requests++;
      const init = { ...context.options, redirect: 'manual', signal: plan.signal, ...(dispatcher ? { dispatcher } : {}) };
      const response = await fetch(context.request, init as RequestInit);
      context.response = response;
      plan.text = plan.stream ? '' : await response.text();
    },
  };
}
