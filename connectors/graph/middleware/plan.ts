import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { Release } from '../throttle/index.ts';

/**
 * What the middleware chain needs to know about one request beyond fetch options, handed down through the SDK's
 * per-request middleware options (as its RetryHandlerOptions are).
 */
export class RequestPlan implements MiddlewareOptions {
  /** Resource units charged per attempt. */
  cost = 1;
  /** Mailboxes this request occupies, with how many of their places ($batch items run 4 at a time). */
  mailboxes = new Map<string, number>();
  /** A pre-authenticated URL: no Authorization header. */
  anonymous = false;
  /** Leave the body unread (downloads): the caller reads it and then calls `release`. */
  stream = false;
  signal: AbortSignal | undefined;
  attempt = 0;
  forceTokenRefresh = false;
  /** The body, read while the request still held its places (JSON calls). */
  text = '';
  /** What the chain threw, as thrown (the SDK wraps it in its own error type on the way out). */
  failure: unknown;
  /** Frees the places a streamed response still holds. */
  release: Release = () => {};

  constructor(readonly url: string) {}
}

export function planOf(context: Context): RequestPlan {
  const plan = context.middlewareControl?.getMiddlewareOptions(RequestPlan);
  if (!(plan instanceof RequestPlan)) throw new Error('Graph request sent without a plan: use the transport, not the client');
  return plan;
}

/** Context.options.headers as a plain object the middlewares may edit (the SDK builds it as one). */
export function headersOf(context: Context): Record<string, string> {
  const options = (context.options ??= {});
  if (options.headers instanceof Headers) options.headers = Object.fromEntries(options.headers.entries());
  return (options.headers ??= {}) as Record<string, string>;
}

/** Sets a header, replacing any spelling of the same name. */
export function setHeader(headers: Record<string, string>, name: string, value: string | undefined): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  if (value !== undefined) headers[name] = value;
}
