import type { Connector, SourceRef } from '../../../connectors/connector.ts';
import type { TenantSummary } from '../../../connectors/tenant/index.ts';
import type { ClassifyBytes } from '../../scan/read-item.ts';
import type { ScanCounts, ScanSummary } from '../../scan/summary.ts';
import type { Store } from '../../store/store.ts';

/** Something an administrator can choose to scan: a folder, a SharePoint site, a user's OneDrive and mailbox. */
export interface ScanTarget {
  /** Opaque to the UI (a folder path here; a site or user id for a tenant). */
  id: string;
  kind: string;
  name: string;
}

export interface ScanProgress {
  target: string;
  counts: Readonly<ScanCounts>;
  /** The target's listing is complete (the total is known). */
  listed: boolean;
  /** Targets finished and in all. */
  done: number;
  total: number;
}

export interface LaunchOptions {
  store: Store;
  actor: string;
  signal: AbortSignal;
  classify: ClassifyBytes;
  onProgress(progress: ScanProgress): void;
}

export interface TargetResult {
  target: string;
  /** A folder's scan, or a tenant scan's (summed over its sources, with Graph's cost). */
  summary?: ScanSummary | TenantSummary;
  error?: string;
}

/**
 * Starts scans for the server. The embedded default scans configured folders (filesystem.ts); the sandbox or a
 * real tenant implements the same interface with `scanTenant`, so the UI and API do not change.
 */
export interface ScanLauncher {
  targets(): Promise<ScanTarget[]>;
  /** Scans the chosen targets (all of them when `targetIds` is absent), one after another. */
  scan(targetIds: readonly string[] | undefined, options: LaunchOptions): Promise<TargetResult[]>;
  /** A connector for a stored document's source (re-reading a reviewed document, the purge job). */
  connectorFor(source: SourceRef): Connector | undefined;
}
