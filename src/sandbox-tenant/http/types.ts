/** One request as the routes see it, whether it came over HTTPS or out of a $batch. */
export interface SandboxRequest {
  method: string;
  /** Path after /v1.0, percent-decoded per segment by the router (e.g. /users/abc/drive). */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  /** https://localhost:PORT: every nextLink and deltaLink is absolute. */
  base: string;
  /** The app the bearer token was issued to. */
  clientId?: string;
  /** performance.now() when the request reached the server (early-retry detection). */
  receivedAt?: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; ignored when `raw` is set. */
  body?: unknown;
  raw?: Buffer;
  /** Internal: Retry-After fences this reply sets; they start counting early retries once it is flushed. */
  fences?: string[];
}

export type Params = Record<string, string>;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  /** Resource units (GRAPH.md §3). Default 1. */
  cost?: number | ((req: SandboxRequest, params: Params) => number);
  /** The mailbox (user id) a request touches, for the per-mailbox limits. */
  mailbox?: (params: Params) => string | undefined;
  handle(req: SandboxRequest, params: Params): Reply | Promise<Reply>;
}
