import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { headersOf, planOf, setHeader } from './plan.ts';

export type TokenSource = (options: { forceRefresh: boolean }) => Promise<string>;

/**
 * Adds the app's bearer token (msal caches and refreshes it), or removes any Authorization header for a
 * pre-authenticated download URL, which rejects one. Unlike the SDK's AuthenticationHandler it does not judge by
 * host, so the sandbox's https://localhost works like graph.microsoft.com.
 */
export function createAuthMiddleware(getToken: TokenSource): Middleware {
  let next: Middleware | undefined;
  return {
    setNext(middleware) {
      next = middleware;
    },
    execute: async function authenticate(context: Context) {
      const plan = planOf(context);
      const headers = headersOf(context);
      if (plan.anonymous) {
        setHeader(headers, 'Authorization', undefined);
      } else {
        const token = await getToken({ forceRefresh: plan.forceTokenRefresh });
        plan.forceTokenRefresh = false;
        setHeader(headers, 'Authorization', `Bearer ${token}`);
      }
      await next!.execute(context);
    },
  };
}
