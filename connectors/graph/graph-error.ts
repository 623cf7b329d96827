/**
 * A Graph call that failed for good (after the retries its status allows). Carries what a connector acts on — the
 * status, Graph's error code, the 410 Location of a delta resync — and the request id for Microsoft support.
 * The message holds the method, the path without its query (queries may carry names or search terms) and Graph's
 * error code; never the response text.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    /** Graph's `error.code` (`itemNotFound`, `resyncRequired`, `MailboxNotEnabledForRESTAPI`…), or `networkError`. */
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** 410 Gone: where to resync from. */
    readonly location?: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export function isGraphError(error: unknown, status?: number): error is GraphError {
  return error instanceof GraphError && (status === undefined || error.status === status);
}

/** The part of a URL safe to show: host and path, no query string (tokens, filters with personal names). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // Pre-authenticated download URLs carry their signature in the path: keep only the start.
    const path = parsed.pathname.length > 80 ? `${parsed.pathname.slice(0, 60)}…` : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return '(invalid url)';
  }
}
