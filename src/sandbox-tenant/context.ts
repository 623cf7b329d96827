import type { Tenant } from './state/model.ts';

/** What every route factory gets: the tenant and how to build absolute links. */
export interface SandboxContext {
  tenant: Tenant;
  /** https://localhost:PORT, the Graph base (links get /v1.0 appended). */
  base: string;
  /** https://127.0.0.1:PORT: another origin, as SharePoint's download host is, so fetch drops Authorization on the 302. */
  downloadBase: string;
  /** Signs download URLs and tokens; never leaves the process. */
  secret: string;
  seed: number;
  /** Page sizes a drive delta picks from, ignoring $top (GRAPH.md §2: never assume a page size). */
  deltaPageSizes: number[];
  /** Chance that a delta page repeats the previous page's last item. */
  duplicateRate: number;
  /** Lifetime of pre-authenticated download URLs, ms. */
  downloadUrlTtlMs: number;
  now(): string;
}

export function v1(context: SandboxContext, path: string): string {
  return `${context.base}/v1.0${path}`;
}
