import type { Connector, SourceRef } from '../../../connectors/connector.ts';
import type { GraphTransport } from '../../../connectors/graph/transport.ts';
import type { FolderStorage } from '../../../connectors/sharepoint/index.ts';
import { connectorFor, scanTenant, type TenantSource } from '../../../connectors/tenant/index.ts';
import type { Store } from '../../store/store.ts';
import { badRequest } from '../http-error.ts';
import type { ScanLauncher, TargetResult } from './launcher.ts';
import { discoverTargets, targetId, type TenantTargets } from './tenant-targets.ts';

export interface TenantLauncherOptions {
  /** How long one discovery serves the Scans screen before the tenant is asked again (default 60 s). */
  targetsMaxAgeMs?: number;
  /** The sandbox's count of retries before Retry-After ran out (a real tenant: absent). */
  earlyRetries?: () => number;
}

const TENANT_KINDS = new Set<string>(['sharepoint', 'onedrive', 'mail']);

/**
 * Scans of a Microsoft 365 tenant for the server: the whole tenant (discovered afresh, so new sites and people join),
 * or chosen libraries, OneDrives and mailboxes — only ones discovery found, never an id of the request's choosing.
 * Connectors for stored documents come from the same transport, so re-reading and the purge share its throttle budget.
 */
export function createTenantLauncher(transport: GraphTransport, store: Store, options: TenantLauncherOptions = {}): ScanLauncher {
  const maxAge = options.targetsMaxAgeMs ?? 60_000;
  let cached: { at: number; value: Promise<TenantTargets> } | undefined;

  function discover(fresh: boolean): Promise<TenantTargets> {
    if (fresh || !cached || Date.now() - cached.at > maxAge) {
      const value = discoverTargets(transport);
      cached = { at: Date.now(), value };
      // A failed discovery is not kept: the next look tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  }

  /** The folder tree of a stored source, looked up when the connector first needs it (a purge may never). */
  function storedFolders(ref: SourceRef): FolderStorage {
    let id: Promise<number> | undefined;
    const sourceId = () => (id ??= store.source(ref));
    return {
      load: async () => (await store.folders(await sourceId())).values(),
      save: async (put, remove) => store.saveFolders(await sourceId(), put, remove),
    };
  }

  return {
    async targets() {
      return (await discover(false)).targets;
    },

    async scan(targetIds, launch) {
      const found = await discover(!targetIds);
      const chosen = targetIds?.map((id) => found.sources.get(id));
      if (chosen?.some((s) => !s)) throw badRequest('a scan target is not a library, OneDrive or mailbox of this tenant');
      const sources = (chosen as TenantSource[] | undefined) ?? found.discovery.sources;
      const nameOf = (source: Pick<TenantSource, 'kind' | 'root'>) => found.targets.find((t) => t.id === targetId(source))?.name ?? targetId(source);
      const label = !chosen ? 'tenant' : sources.length === 1 ? nameOf(sources[0]!) : `${sources.length} bronnen`;
      const summary = await scanTenant(transport, launch.store, {
        discovery: chosen ? { ...found.discovery, sources, skipped: [] } : found.discovery,
        signal: launch.signal,
        scan: { classify: launch.classify, actor: launch.actor },
        ...(options.earlyRetries ? { earlyRetries: options.earlyRetries } : {}),
        onProgress: (p) => launch.onProgress({ target: label, counts: p.counts, listed: p.listed, done: p.sourcesDone, total: p.sourcesTotal }),
      });
      // One line per source that failed (the UI lists them), then the whole scan with Graph's cost.
      const results: TargetResult[] = summary.failedSources.map((f) => ({ target: nameOf({ kind: f.kind as TenantSource['kind'], root: f.root }), error: f.reason }));
      results.push({ target: label, summary });
      return results;
    },

    connectorFor(source: SourceRef): Connector | undefined {
      if (!TENANT_KINDS.has(source.kind)) return undefined;
      return connectorFor(transport, { ...source, kind: source.kind as TenantSource['kind'], title: source.title ?? '' }, storedFolders(source));
    },
  };
}
