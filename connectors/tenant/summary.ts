import type { GraphCounters } from '../graph/transport.ts';
import { emptyCounts, type ScanCounts } from '../../src/scan/summary.ts';
import type { SkippedUser, TenantSource } from './discover.ts';

export interface KindTotals {
  sources: number;
  /** Documents of these sources in the store after the scan (not deleted). */
  documents: number;
  classified: number;
  errors: number;
}

/** What a tenant scan did: the scan counts summed over every source, Graph's cost, and per kind of source. */
export interface TenantSummary extends ScanCounts {
  status: 'completed' | 'interrupted' | 'failed';
  /** Documents in the store for the tenant's sources after the scan (not deleted). */
  documents: number;
  graphRequests: number;
  resourceUnits: number;
  throttled: number;
  retried: number;
  /** Requests that came back before their Retry-After ran out (the sandbox counts them; a real tenant: 0). */
  earlyRetries: number;
  seconds: number;
  sources: Record<TenantSource['kind'], KindTotals>;
  skippedUsers: SkippedUser[];
  /** Sources whose scan failed (the others went on): kind, root, reason. */
  failedSources: { kind: string; root: string; reason: string }[];
  labelsWritten: number;
  labelWritesFailed: number;
}

export function emptyTenantSummary(): TenantSummary {
  const kind = (): KindTotals => ({ sources: 0, documents: 0, classified: 0, errors: 0 });
  return {
    ...emptyCounts(),
    status: 'completed',
    documents: 0,
    graphRequests: 0,
    resourceUnits: 0,
    throttled: 0,
    retried: 0,
    earlyRetries: 0,
    seconds: 0,
    sources: { sharepoint: kind(), onedrive: kind(), mail: kind() },
    skippedUsers: [],
    failedSources: [],
    labelsWritten: 0,
    labelWritesFailed: 0,
  };
}

const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof ScanCounts)[];

export function addCounts(into: ScanCounts, add: Readonly<ScanCounts>): void {
  for (const key of COUNT_KEYS) into[key] += add[key];
}

/** What this scan cost: the transport's counters since `from` (a transport may serve several scans). */
export function graphFigures(counters: Readonly<GraphCounters>, from: Readonly<GraphCounters>) {
  return {
    graphRequests: counters.requests - from.requests,
    resourceUnits: counters.resourceUnits - from.resourceUnits,
    throttled: counters.throttled - from.throttled,
    retried: counters.retried - from.retried,
  };
}
