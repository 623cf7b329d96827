import { graphError } from '../http/reply.ts';
import type { Reply } from '../http/types.ts';
import type { Rng } from '../state/rng.ts';
import type { ResolvedThrottling } from './options.ts';
import type { StatsRecorder, ThrottleKind } from './stats.ts';

/**
 * Slack for *other* requests already on their way when a 429 was flushed: a client's requests queued in its HTTP
 * pool before it read the 429 are not retries. Up to ~100 ms on a busy machine, so a request that is not the throttled
 * one again only counts after this; the throttled request itself coming back early always counts (it can only have
 * been sent after its 429 arrived).
 */
const EARLY_GRACE_MS = 100;
/** Timers and clocks on two sides of a socket agree to about a millisecond: a retry this close to the end is on time. */
const TIMER_TOLERANCE_MS = 2;

export interface Admission {
  clientId: string;
  mailbox?: string | undefined;
  cost: number;
  method: string;
  path: string;
  /** Identifies the request (method, path and query): the same key inside its own fence is a retry for sure. */
  key?: string | undefined;
  /** When the request reached the server; requests sent before the client could have seen a 429 are not retries. */
  receivedAt?: number | undefined;
}

export type Verdict = { ok: true; headers: Record<string, string>; release(): void } | { ok: false; reply: Reply };

/**
 * The throttling simulator (sandbox item 8): an RU bucket per app refilled continuously, per-mailbox concurrency
 * and request windows, seeded random 503/504s. Every 429/503 sets a fence until its Retry-After expires; a request
 * inside a fence is recorded as an early retry (as Dev Proxy's RetryAfterPlugin does) and throttled again.
 */
export function createThrottle(options: ResolvedThrottling, stats: StatsRecorder, rng: Rng, clock: () => number = () => performance.now()) {
  const start = clock();
  const minuteMs = 60 * options.secondUnitMs;
  const refillPerMs = options.ruPerMinute / minuteMs;
  let level = options.ruPerMinute;
  let refilledAt = start;
  const fences = new Map<string, { until: number; flushedAt: number; keys: Map<string, number> }>();
  const inFlight = new Map<string, number>();
  const windows = new Map<string, { start: number; count: number }>();

  function refill(now: number): void {
    level = Math.min(options.ruPerMinute, level + (now - refilledAt) * refillPerMs);
    refilledAt = now;
  }

  function throttle(kind: ThrottleKind, scopeKey: string, seconds: number, status: number, code: string, message: string, requestKey?: string, headers: Record<string, string> = {}): { ok: false; reply: Reply } {
    const whole = Math.max(1, Math.ceil(seconds));
    const existing = fences.get(scopeKey);
    const until = clock() + whole * options.secondUnitMs;
    const live = existing && existing.until > clock();
    if (!existing || existing.until < until) fences.set(scopeKey, { until, flushedAt: live ? existing.flushedAt : Infinity, keys: live ? existing.keys : new Map() });
    // What this request was told: coming back before *its* Retry-After is a retry too early for sure.
    if (requestKey) fences.get(scopeKey)?.keys.set(requestKey, until);
    stats.throttled(kind);
    return { ok: false, reply: { ...graphError(status, code, message, { ...headers, 'Retry-After': String(whole) }), fences: [scopeKey] } };
  }

  function admit(a: Admission): Verdict {
    const now = clock();
    stats.current.resourceUnits += a.cost;
    if (!options.enabled) return { ok: true, headers: {}, release: () => {} };
    const appKey = `app:${a.clientId}`;
    const mailboxKey = a.mailbox ? `mailbox:${a.clientId}:${a.mailbox}` : undefined;
    refill(now);
    level -= a.cost; // throttled calls count against the budget too (GRAPH.md §3)
    for (const [key, scope] of [[appKey, 'app'], [mailboxKey, 'mailbox']] as const) {
      const fence = key ? fences.get(key) : undefined;
      if (key && fence && now < fence.until) {
        // Only a request that reached us after the 429/503 was on the wire can be a retry of it.
        const retried = a.key !== undefined && now < (fence.keys.get(a.key) ?? -Infinity) - TIMER_TOLERANCE_MS && (a.receivedAt ?? now) > fence.flushedAt;
        const informed = retried || (a.receivedAt ?? now) > fence.flushedAt + EARLY_GRACE_MS;
        if (informed) stats.current.earlyRetries.push({ at: Math.round(now - start), method: a.method, path: a.path, scope, earlyByMs: Math.round(fence.until - now) });
        return throttle(informed ? 'earlyRetry' : 'inFlightAtThrottle', key, (fence.until - now) / options.secondUnitMs, 429, 'TooManyRequests', 'Retry-After has not expired yet.', a.key);
      }
    }
    if (options.serviceUnavailableRate > 0 && rng.chance(options.serviceUnavailableRate)) {
      return throttle('serviceUnavailable', appKey, options.serviceUnavailableRetryAfter, 503, 'serviceNotAvailable', 'The service is temporarily unavailable.', a.key);
    }
    if (options.gatewayTimeoutRate > 0 && rng.chance(options.gatewayTimeoutRate)) {
      stats.throttled('gatewayTimeout');
      return { ok: false, reply: graphError(504, 'UnknownError', 'Gateway timeout.') };
    }
    if (level < 0) {
      const seconds = (a.cost - level) / refillPerMs / options.secondUnitMs;
      return throttle('resourceUnits', appKey, seconds, 429, 'TooManyRequests', 'Application is over its resource unit budget; retry after the Retry-After period.', a.key, {
        // What Graph's throttled responses carry (GRAPH.md §3): which limit, and why.
        'x-ms-throttle-scope': `Tenant_Application/ReadWrite/${a.clientId}`,
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      });
    }
    if (a.mailbox && mailboxKey) {
      const window = windows.get(mailboxKey);
      const windowMs = 600 * options.secondUnitMs;
      if (!window || now - window.start >= windowMs) windows.set(mailboxKey, { start: now, count: 1 });
      else if (++window.count > options.mailboxRequestsPer10Min) {
        return throttle('mailboxWindow', mailboxKey, (window.start + windowMs - now) / options.secondUnitMs, 429, 'ApplicationThrottled', 'Application is over its MailboxRequests limit.', a.key);
      }
      const busy = inFlight.get(mailboxKey) ?? 0;
      if (busy >= options.mailboxConcurrency) {
        // No fence: the limit is on requests in flight, so a request queued behind a busy connection is no retry.
        stats.throttled('mailboxConcurrency');
        return { ok: false, reply: graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' }) };
      }
      inFlight.set(mailboxKey, busy + 1);
    }
    const headers: Record<string, string> = {};
    if (options.rateLimitHeaders && level <= options.ruPerMinute * 0.2) {
      headers['RateLimit-Limit'] = String(options.ruPerMinute);
      headers['RateLimit-Remaining'] = String(Math.max(0, Math.floor(level)));
      headers['RateLimit-Reset'] = String(Math.ceil((options.ruPerMinute - level) / refillPerMs / options.secondUnitMs));
    }
    let released = false;
    return {
      ok: true,
      headers,
      release() {
        if (released || !mailboxKey) return;
        released = true;
        inFlight.set(mailboxKey, (inFlight.get(mailboxKey) ?? 1) - 1);
      },
    };
  }

  /** A scripted 429/503 with Retry-After fences the app like a real one. */
  function fence(clientId: string, seconds: number, requestKey?: string): string {
    const key = `app:${clientId}`;
    fences.set(key, { until: clock() + seconds * options.secondUnitMs, flushedAt: Infinity, keys: new Map(requestKey ? [[requestKey, clock() + seconds * options.secondUnitMs]] : []) });
    return key;
  }

  /** The reply that set these fences has been written to the socket: from now on the client can know. */
  function flushed(keys: string[]): void {
    const now = clock();
    for (const key of keys) {
      const f = fences.get(key);
      if (f && f.flushedAt === Infinity) f.flushedAt = now;
    }
  }

  return { admit, fence, flushed, reset: () => { fences.clear(); level = options.ruPerMinute; refilledAt = clock(); } };
}

export type Throttle = ReturnType<typeof createThrottle>;
