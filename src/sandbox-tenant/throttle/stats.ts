/** A request that came back before the Retry-After it was given had expired. */
export interface EarlyRetry {
  /** ms since the server started. */
  at: number;
  method: string;
  /** Path without the query (no tokens or ids from a query string). */
  path: string;
  /** 'app' (the whole app was throttled) or 'mailbox'. */
  scope: 'app' | 'mailbox';
  /** How much too early, ms. */
  earlyByMs: number;
}

/** `inFlightAtThrottle`: sent before the client could know of a 429/503 just given to another request. */
export type ThrottleKind = 'resourceUnits' | 'inFlightAtThrottle' | 'mailboxConcurrency' | 'mailboxWindow' | 'serviceUnavailable' | 'gatewayTimeout' | 'earlyRetry' | 'scripted';

export interface SandboxStats {
  /** Requests that reached the server: Graph calls, $batch items, downloads (a $batch envelope counts once too). */
  requests: number;
  batchItems: number;
  downloads: number;
  resourceUnits: number;
  throttled: Record<ThrottleKind, number> & { total: number };
  earlyRetries: EarlyRetry[];
  userAgents: string[];
}

export function createStats() {
  let stats = empty();
  function empty(): SandboxStats {
    return {
      requests: 0, batchItems: 0, downloads: 0, resourceUnits: 0,
      throttled: { total: 0, resourceUnits: 0, inFlightAtThrottle: 0, mailboxConcurrency: 0, mailboxWindow: 0, serviceUnavailable: 0, gatewayTimeout: 0, earlyRetry: 0, scripted: 0 },
      earlyRetries: [], userAgents: [],
    };
  }
  return {
    get current(): SandboxStats {
      return stats;
    },
    throttled(kind: ThrottleKind): void {
      stats.throttled[kind]++;
      stats.throttled.total++;
    },
    userAgent(agent: string | undefined): void {
      if (agent && !stats.userAgents.includes(agent) && stats.userAgents.length < 50) stats.userAgents.push(agent);
    },
    snapshot: (): SandboxStats => structuredClone(stats),
    reset(): void {
      stats = empty();
    },
  };
}

export type StatsRecorder = ReturnType<typeof createStats>;
