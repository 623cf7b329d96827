/**
 * The throttling simulator's knobs (GRAPH.md §3). Retry-After is always whole seconds, as Graph sends it; a
 * "second" lasts `secondUnitMs` real milliseconds, so tests run a throttling storm in a fraction of a second
 * (secondUnitMs 1000 = real time; the product's scaled clock with scale s matches secondUnitMs = 1000·s).
 */
export interface ThrottlingOptions {
  /** The app's resource-unit budget per minute (1,200 for a tenant under 1,000 licences). Default 1200. */
  ruPerMinute?: number;
  /** Real milliseconds per simulated second. Default 1000. */
  secondUnitMs?: number;
  /** Requests in flight at once per mailbox. Default 4. */
  mailboxConcurrency?: number;
  /** Requests per mailbox per 10 minutes. Default 10,000. */
  mailboxRequestsPer10Min?: number;
  /** Share of requests answered 503 with Retry-After (seeded). Default 0. */
  serviceUnavailableRate?: number;
  /** Share of requests answered 504 without Retry-After (seeded). Default 0. */
  gatewayTimeoutRate?: number;
  /** Retry-After of a random 503, seconds. Default 2. */
  serviceUnavailableRetryAfter?: number;
  /** Send RateLimit-Limit/-Remaining/-Reset once 80 % of the budget is used. Default true. */
  rateLimitHeaders?: boolean;
  /** Simulated service time per request, ms (so per-mailbox concurrency can be exceeded). Default 0. */
  latencyMs?: number;
}

export type ResolvedThrottling = Required<ThrottlingOptions> & { enabled: boolean };

export function resolveThrottling(options: ThrottlingOptions | false | undefined): ResolvedThrottling {
  const o = options || {};
  return {
    enabled: options !== false,
    ruPerMinute: o.ruPerMinute ?? 1200,
    secondUnitMs: o.secondUnitMs ?? 1000,
    mailboxConcurrency: o.mailboxConcurrency ?? 4,
    mailboxRequestsPer10Min: o.mailboxRequestsPer10Min ?? 10_000,
    serviceUnavailableRate: o.serviceUnavailableRate ?? 0,
    gatewayTimeoutRate: o.gatewayTimeoutRate ?? 0,
    serviceUnavailableRetryAfter: o.serviceUnavailableRetryAfter ?? 2,
    rateLimitHeaders: o.rateLimitHeaders ?? true,
    latencyMs: o.latencyMs ?? 0,
  };
}
