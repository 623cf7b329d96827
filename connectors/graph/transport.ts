/**
 * The one way the Graph connectors talk to Microsoft Graph. Everything a crawler must get right about throttling
 * (GRAPH.md §3) lives behind this interface: a global pause on 429/503 for the full Retry-After, a resource-unit
 * budget shared by all requests, at most 4 concurrent requests per mailbox, retries with backoff, $batch with
 * per-item retry, and counters for the scan summary. Connectors only say what they want and what it costs.
 */
export interface GraphRequest {
  /** Default GET. */
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** An absolute https URL (a nextLink/deltaLink, used as-is) or a path after /v1.0 ('/users?$top=999'). */
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Resource units (GRAPH.md §3: 1 single GET/delta with token/download, 2 listings/writes, 5 permissions). Default 1. */
  cost?: number;
  /** User id of the mailbox this request touches: at most `limits.perMailbox` (4) run at once per mailbox. */
  mailbox?: string;
  /** Statuses returned as a response instead of thrown as a GraphError (e.g. [404, 410, 412, 423]). */
  accept?: number[];
  signal?: AbortSignal;
  /** $batch only: ids of earlier requests in the same call this one waits for (passed through as `dependsOn`). */
  dependsOn?: number[];
}

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON; the text for other content types; null when empty. */
  body: T;
}

export interface GraphCounters {
  /** HTTP requests sent (a $batch counts one; a retry counts again). */
  requests: number;
  /** Resource units charged to the budget (each $batch item individually). */
  resourceUnits: number;
  /** 429/503 answers (also per $batch item). */
  throttled: number;
  /** Requests or $batch items sent again. */
  retried: number;
  batches: number;
  /** Time all requests stood still behind a Retry-After fence (ms, on the transport's clock). */
  pausedMs: number;
}

export interface DownloadOptions {
  /** Abort and fail with ConnectorError 'too-large' once more bytes than this arrive. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Counts against this mailbox's concurrency (attachment $value downloads). */
  mailbox?: string;
}

export interface GraphTransport {
  /** Throws GraphError for a non-2xx status not in `accept`, after the retries the status allows. */
  request<T = unknown>(req: GraphRequest): Promise<GraphResponse<T>>;
  /**
   * Pre-authenticated download URL (@microsoft.graph.downloadUrl: fetched WITHOUT Authorization), or a Graph URL
   * such as …/content or …/$value (authenticated; a 302 to another host drops Authorization). Size-capped while
   * streaming; costs 1 RU through the same fence and budget.
   */
  download(url: string, options?: DownloadOptions): Promise<Uint8Array>;
  /**
   * Sends through POST /$batch, 20 per call (more are split). Retries only the throttled items, after the largest
   * Retry-After. Returns one response per request, in request order; item errors are returned, not thrown.
   */
  batch<T = unknown>(requests: GraphRequest[]): Promise<GraphResponse<T>[]>;
  readonly counters: Readonly<GraphCounters>;
  close(): Promise<void>;
}

/** Time as the transport sees it, so tests can run a 300 s Retry-After in a fraction of a second. */
export interface GraphClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface GraphTransportOptions {
  /** Default: the real clock. `createScaledClock(0.001)` turns seconds into milliseconds. */
  clock?: GraphClock;
  /** An undici Dispatcher for every fetch (overrides the one built from `config.ca`). */
  fetchDispatcher?: unknown;
  /** PEM to trust in addition to the system store (the sandbox tenant); overrides `config.ca`. */
  ca?: string;
  /** Jitter source in [0, 1) for backoff; default Math.random. */
  random?: () => number;
  /** First backoff step for 5xx/network retries (ms, on the clock). Default 1000. */
  baseBackoffMs?: number;
  /** Default true: slow the RU budget down after a resource-unit 429 (false only to measure what that saves). */
  adaptiveBudget?: boolean;
  /** Instead of msal (tests of the throttling alone). */
  getAccessToken?: (options: { forceRefresh: boolean }) => Promise<string>;
}

export type { GraphConfig } from './config.ts';
export { GraphError } from './graph-error.ts';
export { createGraphTransport } from './create-transport.ts';
export { createScaledClock, systemClock } from './clock.ts';
